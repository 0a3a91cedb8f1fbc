package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.ModelException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The languages espeak-ng has a voice for here (its {@code --voices} list, read once), and the voice for a language
 * given as an ISO 639-3 code, as OpenNLP's language detector names them.
 */
final class EspeakVoices {
    /** OpenNLP's codes for individual languages whose voice espeak-ng files under the macrolanguage's code. */
    private static final Map<String, String> MACROLANGUAGES = Map.ofEntries(Map.entry("nob", "nb"),
            Map.entry("nno", "nb"), Map.entry("pes", "fa"), Map.entry("prs", "fa"), Map.entry("ekk", "et"),
            Map.entry("lvs", "lv"), Map.entry("zsm", "ms"), Map.entry("swh", "sw"), Map.entry("azj", "az"),
            Map.entry("uzn", "uz"), Map.entry("arb", "ar"), Map.entry("zho", "cmn"), Map.entry("cmn", "cmn"),
            Map.entry("yue", "yue"), Map.entry("gug", "gn"), Map.entry("quz", "qu"), Map.entry("plt", "mg"),
            Map.entry("ydd", "yi"), Map.entry("khk", "mn"), Map.entry("npi", "ne"));
    private static final Duration LIST_TIME = Duration.ofSeconds(10);
    private volatile Set<String> voices;

    /** The voice for a language (ISO 639-3), if espeak-ng has one: its own code, or its two-letter code. */
    Optional<String> forLanguage(String iso3) throws ModelException {
        Set<String> installed = voices();
        String code = MACROLANGUAGES.getOrDefault(iso3, iso3);
        if (installed.contains(code)) {
            return Optional.of(code);
        }
        String twoLetters = new Locale(code).getLanguage();
        for (Locale locale : Locale.getAvailableLocales()) {
            try {
                if (!locale.getLanguage().isEmpty() && locale.getISO3Language().equals(code)) {
                    twoLetters = locale.getLanguage();
                    break;
                }
            } catch (java.util.MissingResourceException ignored) {
                // locales without a three-letter code
            }
        }
        if (installed.contains(twoLetters)) {
            return Optional.of(twoLetters);
        }
        for (String voice : installed) {
            if (voice.startsWith(twoLetters + "-")) {
                return Optional.of(twoLetters);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code name} is a voice of the list as it is written there ("fr-fr", "en-us", "de"). */
    boolean isVoice(String name) throws ModelException {
        return voices().contains(name.toLowerCase(Locale.ROOT));
    }

    private Set<String> voices() throws ModelException {
        if (voices == null) {
            Set<String> read = new LinkedHashSet<>();
            List<String> lines = Programs.run(List.of("espeak-ng", "--voices"), null, LIST_TIME).lines().toList();
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] columns = line.strip().split("\\s+");
                if (columns.length >= 2) {
                    read.add(columns[1].toLowerCase(Locale.ROOT));
                }
            }
            voices = Set.copyOf(read);
        }
        return voices;
    }
}

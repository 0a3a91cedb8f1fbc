package dev.hugginggpt.executor.local.text;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.Inputs;
import dev.hugginggpt.executor.local.model.LocalModel;
import dev.hugginggpt.executor.local.runtime.Programs;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.Scripts;
import dev.hugginggpt.protocol.TaskOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import opennlp.tools.langdetect.Language;

/**
 * translation with Apertium (Debian packages, GPL-2.0+/GPL-3.0): rule-based, one installed pair per direction
 * (apertium-eng-spa gives eng-spa and spa-eng). The source language is detected with OpenNLP unless given; the
 * target is named by 'target_language' (or 'tgt_lang', 'to', 'language'), else the one installed direction.
 */
public final class ApertiumTranslation implements LocalModel {
    private static final List<String> TARGET_KEYS = List.of("target_language", "tgt_lang", "target", "to", "language");
    private static final List<String> SOURCE_KEYS = List.of("source_language", "src_lang", "source", "from");
    /** Languages with Apertium pairs or a detector label that are not written in Latin script. */
    private static final Map<String, Character.UnicodeScript> NON_LATIN = Map.ofEntries(
            Map.entry("kor", Character.UnicodeScript.HANGUL), Map.entry("jpn", Character.UnicodeScript.HAN),
            Map.entry("cmn", Character.UnicodeScript.HAN), Map.entry("zho", Character.UnicodeScript.HAN),
            Map.entry("rus", Character.UnicodeScript.CYRILLIC), Map.entry("ukr", Character.UnicodeScript.CYRILLIC),
            Map.entry("bel", Character.UnicodeScript.CYRILLIC), Map.entry("bul", Character.UnicodeScript.CYRILLIC),
            Map.entry("mkd", Character.UnicodeScript.CYRILLIC), Map.entry("kaz", Character.UnicodeScript.CYRILLIC),
            Map.entry("tat", Character.UnicodeScript.CYRILLIC), Map.entry("kir", Character.UnicodeScript.CYRILLIC),
            Map.entry("ara", Character.UnicodeScript.ARABIC), Map.entry("fas", Character.UnicodeScript.ARABIC),
            Map.entry("urd", Character.UnicodeScript.ARABIC), Map.entry("heb", Character.UnicodeScript.HEBREW),
            Map.entry("hin", Character.UnicodeScript.DEVANAGARI), Map.entry("mar", Character.UnicodeScript.DEVANAGARI),
            Map.entry("ell", Character.UnicodeScript.GREEK), Map.entry("tha", Character.UnicodeScript.THAI),
            Map.entry("kat", Character.UnicodeScript.GEORGIAN), Map.entry("hye", Character.UnicodeScript.ARMENIAN));
    private final OpenNlpLanguageDetector detector;
    private volatile List<String> pairs;

    public ApertiumTranslation(OpenNlpLanguageDetector detector) {
        this.detector = detector;
    }

    @Override
    public ModelCard card() {
        String directions = pairs().stream().map(ApertiumTranslation::describe).collect(Collectors.joining(", "));
        return new ModelCard("local/apertium", "translation", "local", 0, 0,
                "Apertium rule-based machine translation between the installed language pairs (" + directions + ");"
                        + " translates sentences word by word with grammar rules, literal rather than fluent", "GPL-3.0");
    }

    @Override
    public Optional<String> unavailableReason() {
        return Programs.missing("apertium", "apertium apertium-eng-spa").or(() -> pairs().isEmpty()
                ? Optional.of("no Apertium language pair is installed: apt-get install apertium-eng-spa") : Optional.empty());
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        String text = Inputs.text(args);
        Optional<String> target = language(args, TARGET_KEYS);
        Optional<String> source = language(args, SOURCE_KEYS);
        List<String> candidates = pairs().stream()
                .filter(p -> target.isEmpty() || p.endsWith("-" + target.get()))
                .filter(p -> source.isEmpty() || p.startsWith(source.get() + "-"))
                .toList();
        if (candidates.isEmpty()) {
            throw unsupported(source.map(Languages::name).map(name -> name + " to ").orElse("")
                    + target.map(Languages::name).map(name -> (source.isEmpty() ? "into " : "") + name).orElse("another language"));
        }
        // with no source named, even a single direction is checked: spa-eng must not pass Korean through unchanged
        String pair = source.isPresent() ? candidates.get(0) : byDetectedSource(text, candidates, target);
        String translated = Programs.run(List.of("apertium", "-u", pair), text, timeLeft).strip();
        String[] langs = pair.split("-");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pair", pair);
        data.put("source", Languages.name(langs[0]));
        data.put("target", Languages.name(langs[1]));
        return TaskOutput.text(translated, data);
    }

    /**
     * The direction whose source language the detector ranks highest, among those whose source is written in the
     * script of most of the text's letters. The detector's confidences are nearly flat for a sentence or two (Korean
     * ranked first at 0.015 and English at 0.010 for a Korean sentence), so they cannot rule a language out; the
     * script can: Hangul is not English.
     */
    private String byDetectedSource(String text, List<String> candidates, Optional<String> target) throws ModelException {
        Language[] ranked = detector.rank(text);
        Character.UnicodeScript script = Scripts.dominant(text);
        List<String> written = candidates.stream().filter(p -> scriptOf(p.split("-")[0]) == script).toList();
        for (Language language : ranked) {
            for (String pair : written) {
                if (pair.startsWith(language.getLang() + "-")) {
                    return pair;
                }
            }
        }
        String detected = Arrays.stream(ranked).map(Language::getLang).filter(l -> scriptOf(l) == script).findFirst()
                .map(Languages::name).orElse("text in " + script.name().toLowerCase(Locale.ROOT) + " script");
        throw unsupported(detected + " to " + target.map(Languages::name).orElse("another language"));
    }

    /** The script a language (ISO 639-3) is written in: Latin unless it is one of those below. */
    private static Character.UnicodeScript scriptOf(String iso3) {
        return NON_LATIN.getOrDefault(iso3, Character.UnicodeScript.LATIN);
    }

    /** {@code direction}: "Korean to English", "into French". */
    private ModelException unsupported(String direction) {
        return new ModelException("Apertium has no pair " + direction + " installed here; it translates "
                + pairs().stream().map(ApertiumTranslation::describe).collect(Collectors.joining(", ")));
    }

    private static Optional<String> language(Map<String, String> args, List<String> keys) throws ModelException {
        for (String key : keys) {
            String value = args.get(key);
            if (value != null && !value.isBlank()) {
                return Optional.of(Languages.iso3(value).orElseThrow(() ->
                        new ModelException("'" + value + "' is not a language name or code this translator knows")));
            }
        }
        return Optional.empty();
    }

    private static String describe(String pair) {
        String[] langs = pair.split("-");
        return Languages.name(langs[0]) + " to " + Languages.name(langs[1]);
    }

    /** Installed directions as "eng-spa"; regional variants such as spa-eng_US are left out. */
    List<String> pairs() {
        if (pairs == null) {
            List<String> found = new ArrayList<>();
            try {
                if (Programs.installed("apertium")) {
                    for (String line : Programs.run(List.of("apertium", "-l"), null, Duration.ofSeconds(10)).split("\n")) {
                        if (line.strip().matches("[a-z]{2,3}-[a-z]{2,3}")) {
                            found.add(line.strip());
                        }
                    }
                }
            } catch (ModelException e) {
                // no pairs: the model is not offered
            }
            pairs = List.copyOf(found);
        }
        return pairs;
    }
}

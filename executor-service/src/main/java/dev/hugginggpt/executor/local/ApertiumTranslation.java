package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import opennlp.tools.langdetect.Language;

/**
 * translation with Apertium (Debian packages, GPL-2.0+/GPL-3.0): rule-based, one installed pair per direction
 * (apertium-eng-spa gives eng-spa and spa-eng). The source language is detected with OpenNLP unless given; the
 * target is named by 'target_language' (or 'tgt_lang', 'to', 'language'), else the one installed direction.
 */
final class ApertiumTranslation implements LocalModel {
    private static final List<String> TARGET_KEYS = List.of("target_language", "tgt_lang", "target", "to", "language");
    private static final List<String> SOURCE_KEYS = List.of("source_language", "src_lang", "source", "from");
    private final OpenNlpLanguageDetector detector;
    private volatile List<String> pairs;

    ApertiumTranslation(OpenNlpLanguageDetector detector) {
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
    public boolean available() {
        return Programs.installed("apertium") && !pairs().isEmpty();
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
            throw unsupported(source.map(Languages::name).orElse("any language"), target.map(Languages::name).orElse("?"));
        }
        String pair = candidates.size() == 1 ? candidates.get(0) : byDetectedSource(text, candidates);
        String translated = Programs.run(List.of("apertium", "-u", pair), text, timeLeft).strip();
        String[] langs = pair.split("-");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pair", pair);
        data.put("source", Languages.name(langs[0]));
        data.put("target", Languages.name(langs[1]));
        return TaskOutput.text(translated, data);
    }

    /** Several directions fit: take the one whose source language the detector ranks highest. */
    private String byDetectedSource(String text, List<String> candidates) throws ModelException {
        Language[] ranked = detector.rank(text);
        for (Language language : ranked) {
            for (String pair : candidates) {
                if (pair.startsWith(language.getLang() + "-")) {
                    return pair;
                }
            }
            if (language.getConfidence() > 0.5) {
                break;
            }
        }
        throw unsupported(Languages.name(ranked[0].getLang()), "another language");
    }

    private ModelException unsupported(String from, String to) {
        return new ModelException("Apertium has no " + from + " to " + to + " pair installed here; it translates "
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

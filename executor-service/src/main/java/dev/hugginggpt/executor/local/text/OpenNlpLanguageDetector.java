package dev.hugginggpt.executor.local.text;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.AbstractLocalModel;
import dev.hugginggpt.executor.local.model.Inputs;
import dev.hugginggpt.protocol.TaskOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * text-classification as language identification: Apache OpenNLP's language detector (103 languages,
 * model shipped in the opennlp-models-langdetect jar, Apache-2.0). Labels are ISO 639-3 codes with names.
 */
public final class OpenNlpLanguageDetector extends AbstractLocalModel {
    private static final String MODEL = "langdetect-183.bin";
    private volatile LanguageDetectorME detector;

    public OpenNlpLanguageDetector() {
        super("local/opennlp-langdetect", "text-classification",
                "Apache OpenNLP language detector: identifies which language a text is written in (103 languages),"
                        + " answers the language name with a confidence", "Apache-2.0");
    }

    @Override
    public boolean available() {
        return getClass().getClassLoader().getResource(MODEL) != null;
    }

    @Override
    public void load() {
        detector();
    }

    /** Languages (ISO 639-3) ranked by the detector's confidence, best first. */
    public Language[] rank(String text) {
        return detector().predictLanguages(text);
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeftUnused) throws ModelException {
        String text = Inputs.text(args);
        Language[] ranked = rank(text);
        List<Map<String, Object>> labels = new ArrayList<>();
        for (int i = 0; i < Math.min(3, ranked.length); i++) {
            labels.add(Map.of("label", ranked[i].getLang(), "language", Languages.name(ranked[i].getLang()),
                    "score", Math.round(ranked[i].getConfidence() * 1000) / 1000.0));
        }
        Language best = ranked[0];
        return TaskOutput.text(Languages.name(best.getLang()), Map.of("labels", labels));
    }

    private LanguageDetectorME detector() {
        if (detector == null) {
            synchronized (this) {
                if (detector == null) {
                    try (InputStream in = getClass().getClassLoader().getResourceAsStream(MODEL)) {
                        detector = new LanguageDetectorME(new LanguageDetectorModel(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return detector;
    }
}

package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskOutput;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * zero-shot-classification by embedding similarity, not by an NLI model: each candidate label is put in a hypothesis
 * ("This text is about {}.") and scored by the cosine similarity of its all-MiniLM-L6-v2 embedding with the text's;
 * the closest wins. The bare label word embeds less reliably than the sentence, hence the template.
 */
final class MiniLmZeroShotClassifier implements LocalModel {
    static final String HYPOTHESIS = "This text is about {}.";
    private final MiniLm encoder;

    MiniLmZeroShotClassifier(MiniLm encoder) {
        this.encoder = encoder;
    }

    @Override
    public ModelCard card() {
        return new ModelCard("local/all-MiniLM-L6-v2-zero-shot", "zero-shot-classification", "local", 0, 0,
                "zero-shot classification by sentence-embedding similarity (all-MiniLM-L6-v2, not an NLI model):"
                        + " picks the candidate label ('labels', comma-separated) whose meaning is closest to the text"
                        + " (hypothesis 'This text is about {label}.')",
                "Apache-2.0");
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public void load() {
        encoder.load();
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        String text = Inputs.text(args);
        String labels = args.getOrDefault("labels", args.get("candidate_labels"));
        if (labels == null || labels.isBlank()) {
            throw new ModelException("zero-shot-classification needs candidate labels: 'labels', comma-separated");
        }
        String hypothesis = args.getOrDefault("hypothesis_template", HYPOTHESIS);
        if (!hypothesis.contains("{}")) {
            throw new ModelException("'hypothesis_template' must contain {} where the label goes");
        }
        float[] meaning = encoder.embed(text);
        List<Map<String, Object>> ranked = Arrays.stream(labels.split(","))
                .map(String::strip)
                .filter(label -> !label.isEmpty())
                .distinct()
                .map(label -> Map.<String, Object>of("label", label,
                        "score", MiniLm.round(MiniLm.cosine(meaning, encoder.embed(hypothesis.replace("{}", label))))))
                .sorted(Comparator.comparingDouble((Map<String, Object> m) -> (Double) m.get("score")).reversed())
                .toList();
        return TaskOutput.text((String) ranked.get(0).get("label"), Map.of("labels", ranked, "score", "cosine similarity"));
    }
}

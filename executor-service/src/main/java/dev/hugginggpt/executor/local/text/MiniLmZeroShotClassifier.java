package dev.hugginggpt.executor.local.text;

import dev.hugginggpt.embeddings.MiniLmEncoder;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.Inputs;
import dev.hugginggpt.executor.local.runtime.MiniLm;
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
public final class MiniLmZeroShotClassifier extends MiniLmModel {
    static final String HYPOTHESIS = "This text is about {}.";

    public MiniLmZeroShotClassifier(MiniLm encoder) {
        super(encoder, "local/all-MiniLM-L6-v2-zero-shot", "zero-shot-classification",
                "zero-shot classification by sentence-embedding similarity (all-MiniLM-L6-v2, not an NLI model):"
                        + " picks the candidate label ('labels', comma-separated) whose meaning is closest to the text"
                        + " (hypothesis 'This text is about {label}.')");
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
                        "score", MiniLm.round(MiniLmEncoder.cosine(meaning, encoder.embed(hypothesis.replace("{}", label))))))
                .sorted(Comparator.comparingDouble((Map<String, Object> m) -> (Double) m.get("score")).reversed())
                .toList();
        return TaskOutput.text((String) ranked.get(0).get("label"), Map.of("labels", ranked, "score", "cosine similarity"));
    }
}

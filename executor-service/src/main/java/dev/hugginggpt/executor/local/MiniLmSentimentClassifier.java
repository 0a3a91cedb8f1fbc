package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * text-classification of sentiment by embedding similarity, not a trained sentiment classifier: a text is POSITIVE or
 * NEGATIVE by which set of label descriptions its all-MiniLM-L6-v2 embedding is closer to on average. Negation and
 * irony fool it more easily than a fine-tuned model.
 */
final class MiniLmSentimentClassifier implements LocalModel {
    static final Map<String, List<String>> DESCRIPTIONS = Map.of(
            "POSITIVE", List.of("I love it, this is wonderful.", "A great, excellent, delightful experience.",
                    "I am very happy and satisfied with this."),
            "NEGATIVE", List.of("I hate it, this is terrible.", "An awful, bad, disappointing experience.",
                    "I am very unhappy and angry about this."));
    private final MiniLm encoder;

    MiniLmSentimentClassifier(MiniLm encoder) {
        this.encoder = encoder;
    }

    @Override
    public ModelCard card() {
        return new ModelCard("local/all-MiniLM-L6-v2-sentiment", "text-classification", "local", 0, 0,
                "sentiment analysis, positive or negative, by embedding similarity to descriptions of each sentiment"
                        + " (all-MiniLM-L6-v2, English; not a fine-tuned sentiment model)", "Apache-2.0");
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
        float[] meaning = encoder.embed(Inputs.text(args));
        List<Map<String, Object>> labels = new ArrayList<>();
        for (var entry : DESCRIPTIONS.entrySet()) {
            double sum = 0;
            for (String description : entry.getValue()) {
                sum += MiniLm.cosine(meaning, encoder.embed(description));
            }
            labels.add(Map.of("label", entry.getKey(), "score", MiniLm.round(sum / entry.getValue().size())));
        }
        labels.sort(Comparator.comparingDouble((Map<String, Object> m) -> (Double) m.get("score")).reversed());
        return TaskOutput.text((String) labels.get(0).get("label"), Map.of("labels", labels, "score", "mean cosine similarity"));
    }
}

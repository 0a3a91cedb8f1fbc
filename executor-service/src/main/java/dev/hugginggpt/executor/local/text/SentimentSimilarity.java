package dev.hugginggpt.executor.local.text;

import dev.hugginggpt.embeddings.MiniLmEncoder;
import dev.hugginggpt.executor.local.runtime.MiniLm;
import java.util.List;

/**
 * Sentiment by embedding similarity, not a trained classifier: how much closer a sentence's all-MiniLM-L6-v2 embedding
 * is, on average, to descriptions of a positive experience than to descriptions of a negative one. The sentiment
 * classifier asks it only about sentences in which its trained network sees no sentiment (see
 * {@link StanfordSentimentClassifier}).
 */
public final class SentimentSimilarity {
    static final List<String> POSITIVE = List.of("I love it, this is wonderful.", "A great, excellent, delightful experience.",
            "I am very happy and satisfied with this.");
    static final List<String> NEGATIVE = List.of("I hate it, this is terrible.", "An awful, bad, disappointing experience.",
            "I am very unhappy and angry about this.");
    /** The mean similarities differ by a few hundredths to a few tenths: 0.1 apart is 0.88 for the closer side. */
    private static final double SHARPNESS = 20;
    private final MiniLm encoder;
    private volatile List<float[]> positives;
    private volatile List<float[]> negatives;

    public SentimentSimilarity(MiniLm encoder) {
        this.encoder = encoder;
    }

    void load() {
        if (negatives == null) {
            positives = POSITIVE.stream().map(encoder::embed).toList();
            negatives = NEGATIVE.stream().map(encoder::embed).toList();
        }
    }

    /** The probability of POSITIVE: a two-way softmax of the mean similarities, sharpened. */
    double positive(String sentence) {
        load();
        float[] meaning = encoder.embed(sentence);
        double difference = meanSimilarity(meaning, positives) - meanSimilarity(meaning, negatives);
        return 1 / (1 + Math.exp(-SHARPNESS * difference));
    }

    private static double meanSimilarity(float[] meaning, List<float[]> descriptions) {
        double sum = 0;
        for (float[] description : descriptions) {
            sum += MiniLmEncoder.cosine(meaning, description);
        }
        return sum / descriptions.size();
    }
}

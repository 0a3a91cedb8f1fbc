package dev.hugginggpt.executor.local.runtime;

import dev.hugginggpt.embeddings.MiniLmEncoder;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * The sentence encoder all-MiniLM-L6-v2 ({@link MiniLmEncoder}, on its caller's thread), loaded once, on first use,
 * and shared by the models built on it.
 */
public final class MiniLm {
    private volatile EmbeddingModel model;

    public void load() {
        if (model == null) {
            synchronized (this) {
                if (model == null) {
                    model = new MiniLmEncoder();
                }
            }
        }
    }

    public float[] embed(String text) {
        load();
        return model.embed(text).content().vector();
    }

    public double similarity(String a, String b) {
        return MiniLmEncoder.cosine(embed(a), embed(b));
    }

    public static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}

package dev.hugginggpt.executor.local.runtime;

import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * The sentence encoder all-MiniLM-L6-v2 ({@link OneThreadMiniLm}): 384-number embeddings of English sentences. Loaded
 * once, on first use, and shared by the models built on it.
 */
public final class MiniLm {
    private volatile EmbeddingModel model;

    public void load() {
        if (model == null) {
            synchronized (this) {
                if (model == null) {
                    model = new OneThreadMiniLm();
                }
            }
        }
    }

    public float[] embed(String text) {
        load();
        return model.embed(text).content().vector();
    }

    public double similarity(String a, String b) {
        return cosine(embed(a), embed(b));
    }

    public static double cosine(float[] x, float[] y) {
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            nx += x[i] * x[i];
            ny += y[i] * y[i];
        }
        return dot / (Math.sqrt(nx) * Math.sqrt(ny));
    }

    public static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}

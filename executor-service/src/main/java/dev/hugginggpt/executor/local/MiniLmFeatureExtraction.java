package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** feature-extraction: the 384-number all-MiniLM-L6-v2 sentence embedding of a text. */
final class MiniLmFeatureExtraction implements LocalModel {
    private final MiniLm encoder;

    MiniLmFeatureExtraction(MiniLm encoder) {
        this.encoder = encoder;
    }

    @Override
    public ModelCard card() {
        return new ModelCard("local/all-MiniLM-L6-v2-embeddings", "feature-extraction", "local", 0, 0,
                "sentence-transformers all-MiniLM-L6-v2 (quantized ONNX, in-process): the 384-dimensional sentence"
                        + " embedding vector of an English text", "Apache-2.0");
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
        float[] vector = encoder.embed(Inputs.text(args));
        List<Double> values = new ArrayList<>(vector.length);
        for (float v : vector) {
            values.add(Math.round(v * 1e6) / 1e6);
        }
        return TaskOutput.text("a " + vector.length + "-dimensional sentence embedding",
                Map.of("embedding", values, "dimensions", vector.length));
    }
}

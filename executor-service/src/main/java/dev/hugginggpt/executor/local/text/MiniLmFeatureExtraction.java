package dev.hugginggpt.executor.local.text;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.Inputs;
import dev.hugginggpt.executor.local.runtime.MiniLm;
import dev.hugginggpt.protocol.TaskOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** feature-extraction: the 384-number all-MiniLM-L6-v2 sentence embedding of a text. */
public final class MiniLmFeatureExtraction extends MiniLmModel {
    public MiniLmFeatureExtraction(MiniLm encoder) {
        super(encoder, "local/all-MiniLM-L6-v2-embeddings", "feature-extraction",
                "sentence-transformers all-MiniLM-L6-v2 (quantized ONNX, in-process): the 384-dimensional sentence"
                        + " embedding vector of an English text");
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

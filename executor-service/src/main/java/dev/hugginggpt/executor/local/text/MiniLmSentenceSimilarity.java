package dev.hugginggpt.executor.local.text;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.Inputs;
import dev.hugginggpt.executor.local.runtime.MiniLm;
import dev.hugginggpt.protocol.TaskOutput;
import java.time.Duration;
import java.util.Map;

/** sentence-similarity: cosine similarity of all-MiniLM-L6-v2 embeddings (ONNX in the langchain4j jar, Apache-2.0). */
public final class MiniLmSentenceSimilarity extends MiniLmModel {
    public MiniLmSentenceSimilarity(MiniLm encoder) {
        super(encoder, "local/all-MiniLM-L6-v2", "sentence-similarity",
                "sentence-transformers all-MiniLM-L6-v2 (quantized ONNX, in-process): cosine similarity of two"
                        + " sentences' embeddings, from -1 to 1");
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        String first = Inputs.text(args);
        String second = args.getOrDefault("text2", args.get("sentence"));
        if (second == null || second.isBlank()) {
            throw new ModelException("sentence-similarity needs two texts: 'text' and 'text2'");
        }
        double rounded = MiniLm.round(encoder.similarity(first, second));
        return TaskOutput.text(String.valueOf(rounded), Map.of("similarity", rounded));
    }
}

package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskOutput;
import java.time.Duration;
import java.util.Map;

/** sentence-similarity: cosine similarity of all-MiniLM-L6-v2 embeddings (ONNX in the langchain4j jar, Apache-2.0). */
final class MiniLmSentenceSimilarity implements LocalModel {
    private final MiniLm encoder;

    MiniLmSentenceSimilarity(MiniLm encoder) {
        this.encoder = encoder;
    }

    @Override
    public ModelCard card() {
        return new ModelCard("local/all-MiniLM-L6-v2", "sentence-similarity", "local", 0, 0,
                "sentence-transformers all-MiniLM-L6-v2 (quantized ONNX, in-process): cosine similarity of two"
                        + " sentences' embeddings, from -1 to 1", "Apache-2.0");
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
        String first = Inputs.text(args);
        String second = args.getOrDefault("text2", args.get("sentence"));
        if (second == null || second.isBlank()) {
            throw new ModelException("sentence-similarity needs two texts: 'text' and 'text2'");
        }
        double rounded = MiniLm.round(encoder.similarity(first, second));
        return TaskOutput.text(String.valueOf(rounded), Map.of("similarity", rounded));
    }
}

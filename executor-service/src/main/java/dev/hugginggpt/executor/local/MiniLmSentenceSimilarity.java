package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskOutput;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.time.Duration;
import java.util.Map;

/** sentence-similarity: cosine similarity of all-MiniLM-L6-v2 embeddings (ONNX in the langchain4j jar, Apache-2.0). */
final class MiniLmSentenceSimilarity implements LocalModel {
    private volatile EmbeddingModel model;

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
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        String first = Inputs.text(args);
        String second = args.getOrDefault("text2", args.get("sentence"));
        if (second == null || second.isBlank()) {
            throw new ModelException("sentence-similarity needs two texts: 'text' and 'text2'");
        }
        double score = cosine(embed(first), embed(second));
        double rounded = Math.round(score * 10000) / 10000.0;
        return TaskOutput.text(String.valueOf(rounded), Map.of("similarity", rounded));
    }

    Embedding embed(String text) {
        if (model == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
            }
        }
        return model.embed(text).content();
    }

    static double cosine(Embedding a, Embedding b) {
        float[] x = a.vector();
        float[] y = b.vector();
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
}

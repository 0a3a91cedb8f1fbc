package dev.hugginggpt.planner.embedded;

import dev.hugginggpt.embeddings.MiniLmEncoder;
import dev.hugginggpt.protocol.TaskVocabulary;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Task types as points in all-MiniLM-L6-v2 sentence-embedding space (the quantized ONNX model runs
 * in-process): each type is represented by its vocabulary description and its exemplars, and a clause
 * goes to the type with the most similar one, when that similarity reaches {@link #MIN_SIMILARITY}.
 * The model and the exemplar vectors load once, on first use.
 */
final class TaskEmbeddings {
    static final double MIN_SIMILARITY = 0.6;
    private static final int MIN_WORDS = 3;
    /** How many nearest exemplars vote on a clause's task. */
    static final int NEIGHBOURS = 3;

    private static final TaskEmbeddings SHARED = new TaskEmbeddings();

    private TaskEmbeddings() {
    }

    static TaskEmbeddings shared() {
        return SHARED;
    }

    /** The similarity of the clause to its nearest task, and that task. */
    record Nearest(String task, double similarity) {
    }

    Optional<String> nearestTask(String clause) {
        return nearest(clause).filter(n -> n.similarity() >= MIN_SIMILARITY).map(Nearest::task);
    }

    Optional<Nearest> nearest(String clause) {
        String words = clause.replaceAll("«Q\\d+»", "the text").strip();
        if (words.split("\\s+").length < MIN_WORDS) {
            return Optional.empty();
        }
        float[] vector = Index.INSTANCE.embed(words);
        // the nearest NEIGHBOURS exemplars vote, each with its similarity: one stray phrase of the bank does not decide
        List<Nearest> nearest = new ArrayList<>();
        for (Index.Exemplar e : Index.INSTANCE.exemplars) {
            nearest.add(new Nearest(e.task(), dot(vector, e.vector())));
        }
        nearest.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
        List<Nearest> voters = nearest.subList(0, Math.min(NEIGHBOURS, nearest.size()));
        Map<String, Double> votes = new HashMap<>();
        voters.forEach(n -> votes.merge(n.task(), n.similarity(), Double::sum));
        return votes.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(winner -> new Nearest(winner.getKey(), voters.stream().filter(n -> n.task().equals(winner.getKey()))
                        .mapToDouble(Nearest::similarity).max().orElse(0)));
    }

    /** How similar the clause is to each of the given tasks (its nearest exemplar of that task). */
    Map<String, Double> similarities(String clause, List<String> tasks) {
        float[] vector = Index.INSTANCE.embed(clause.replaceAll("«Q\\d+»", "the text").strip());
        Map<String, Double> best = new HashMap<>();
        for (Index.Exemplar e : Index.INSTANCE.exemplars) {
            if (tasks.contains(e.task())) {
                best.merge(e.task(), dot(vector, e.vector()), Math::max);
            }
        }
        return best;
    }

    /** Loads the model and embeds the exemplars now rather than on the first request. */
    void warmUp() {
        Index.INSTANCE.embed("warm up");
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The model and the unit-length exemplar vectors, built on first use (holder idiom). */
    private static final class Index {
        static final Index INSTANCE = new Index();

        record Exemplar(String task, float[] vector) {
        }

        private final EmbeddingModel model = new MiniLmEncoder();
        private final List<Exemplar> exemplars = new ArrayList<>();

        private Index() {
            for (Map.Entry<String, List<String>> entry : new TreeMap<>(TaskExemplars.BY_TASK).entrySet()) {
                String task = entry.getKey();
                TaskVocabulary.find(task).ifPresent(type -> exemplars.add(new Exemplar(task, embed(type.description()))));
                entry.getValue().forEach(phrase -> exemplars.add(new Exemplar(task, embed(phrase))));
            }
            for (Map.Entry<String, String> step : TaskExemplars.bank()) {
                exemplars.add(new Exemplar(step.getKey(), embed(step.getValue())));
            }
        }

        float[] embed(String text) {
            float[] v = model.embed(text).content().vector();
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            float scale = (float) (1 / Math.sqrt(norm));
            float[] unit = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                unit[i] = v[i] * scale;
            }
            return unit;
        }
    }
}

package dev.hugginggpt.planner.embedded;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Which task types a clause may ask for, best first: the phrase rules that match it, or, when none
 * does, the task whose exemplars are nearest in sentence-embedding space (if near enough).
 */
@ApplicationScoped
public class ClauseClassifier {
    private final TaskEmbeddings embeddings;

    @Inject
    public ClauseClassifier(TaskEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    /** Phrase rules alone, without the embedding fallback (for comparison in the benchmark). */
    static ClauseClassifier rulesOnly() {
        return new ClauseClassifier(null);
    }

    List<String> candidates(Clause clause) {
        List<String> ruled = TaskRules.tasksFor(clause.text());
        if (!ruled.isEmpty()) {
            return ruled;
        }
        if (embeddings == null) {
            return List.of();
        }
        return embeddings.nearestTask(clause.text()).stream().toList();
    }
}

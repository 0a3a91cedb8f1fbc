package dev.hugginggpt.planner.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which task types a clause may ask for, best first. The phrase rules decide; sentence embeddings
 * break the tie between the two best rule matches of the same strength, unless the clause names what to
 * convert into (the runner-up wins when the
 * clause is clearly nearer its exemplars) and name the task when no rule matches and one task is near enough.
 */
final class ClauseClassifier {
    /** How much nearer the runner-up's exemplars must be for it to win over the rules' first choice. */
    static final double TIE_BREAK_MARGIN = 0.10;

    /** all-MiniLM-L6-v2 was trained on English: its vectors for Korean clauses carry no task meaning. */
    private static final Pattern NOT_ENGLISH = Pattern.compile("[가-힣]");

    private final TaskEmbeddings embeddings;

    ClauseClassifier(TaskEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    /** Phrase rules alone, without embeddings (for comparison in the benchmark). */
    static ClauseClassifier rulesOnly() {
        return new ClauseClassifier(null);
    }

    List<String> candidates(Clause clause) {
        List<String> ruled = clause.rules().tasks();
        if (embeddings == null || NOT_ENGLISH.matcher(clause.text()).find()) {
            return ruled;
        }
        if (ruled.isEmpty()) {
            return embeddings.nearestTask(clause.text()).stream().toList();
        }
        // a control map is named by terms no other task uses ("a soft HED map", "a depth control map"), and a list of labels
        // to sort into is explicit: the rule decides
        boolean sameStrength = ruled.size() >= 2 && !TaskRules.isConversion(clause.text()) && !ruled.get(0).endsWith("-control")
                && !ruled.get(0).equals("zero-shot-classification")
                && clause.rules().namesOutright(ruled.get(0)) == clause.rules().namesOutright(ruled.get(1));
        if (sameStrength) {
            Map<String, Double> similarity = embeddings.similarities(clause.text(), ruled.subList(0, 2));
            if (similarity.getOrDefault(ruled.get(1), 0.0) > similarity.getOrDefault(ruled.get(0), 0.0) + TIE_BREAK_MARGIN) {
                List<String> reordered = new ArrayList<>(ruled);
                reordered.add(0, reordered.remove(1));
                return reordered;
            }
        }
        return ruled;
    }
}

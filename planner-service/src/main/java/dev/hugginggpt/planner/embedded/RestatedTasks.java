package dev.hugginggpt.planner.embedded;

import dev.hugginggpt.protocol.GeneratedRefs;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.PlannedTask;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a task just added restates one already planned: a task of a type the plan has is another task only when an
 * input differs from that task's: another quote or file, another named option (target language, labels), or an
 * earlier output that does not itself come from a task of this type.
 */
final class RestatedTasks {
    /** Arguments the request states outright; a task with another value is another task. */
    private static final Set<String> NAMED_OPTIONS = Set.of("target_language", "labels");

    /** The question of these is their text: another question is another task. */
    private static final Set<String> PICTURE_QUESTIONS = Set.of("visual-question-answering", "document-question-answering");

    private final PlanSoFar plan;

    RestatedTasks(PlanSoFar plan) {
        this.plan = plan;
    }

    /** Whether {@code added} restates one of the first {@code before} tasks of the plan. */
    boolean restatesOneOf(PlannedTask added, int before) {
        return plan.tasks.subList(0, before).stream()
                .anyMatch(earlier -> earlier.task().equals(added.task()) && !hasOwnInput(added, earlier));
    }

    private boolean hasOwnInput(PlannedTask task, PlannedTask earlier) {
        for (Map.Entry<String, String> arg : task.args().entrySet()) {
            String value = arg.getValue();
            if (value.equals(earlier.args().get(arg.getKey()))) {
                continue;
            }
            boolean own = NAMED_OPTIONS.contains(arg.getKey())
                    // "what color is the car and is there a person in it?": another question on the same picture
                    || arg.getKey().equals(MediaKind.TEXT.argKey()) && PICTURE_QUESTIONS.contains(task.task())
                            && PlanPhrases.YES_NO_QUESTION.matcher(value).find()
                    || plan.text.quotes.contains(value)
                    || MediaKind.ofFileName(value).isPresent()
                    || !GeneratedRefs.in(value).isEmpty() && GeneratedRefs.in(value).stream().noneMatch(id -> descendsFrom(id, task.task()));
            if (own) {
                return true;
            }
        }
        return false;
    }

    /** Whether the output of task {@code id} is made by, or from the output of, a task of this type. */
    private boolean descendsFrom(int id, String type) {
        // each earlier task once, without recursion: a plan may be a long chain, or a lattice with many paths
        Set<Integer> seen = new HashSet<>();
        Deque<Integer> next = new ArrayDeque<>(List.of(id));
        while (!next.isEmpty()) {
            int at = next.pop();
            PlannedTask task = plan.tasks.get(at);
            if (task.task().equals(type)) {
                return true;
            }
            for (int source : GeneratedRefs.in(task.args())) {
                if (source < at && seen.add(source)) {
                    next.push(source);
                }
            }
        }
        return false;
    }
}

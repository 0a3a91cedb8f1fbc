package dev.hugginggpt.selector.scheduling;

import dev.hugginggpt.protocol.Checked;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.TaskStatus;
import dev.hugginggpt.selector.selection.InContextChoice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A request's scheduling state as stored in the selector's state topic, enough to carry on after a restart. */
public record DagSnapshot(Plan plan, InContextChoice inContext, List<TaskSnapshot> tasks) implements Checked {

    public record TaskSnapshot(int taskId, TaskStatus status, Map<String, String> resolvedArgs, List<ModelChoice> remaining,
            ModelChoice current, int attempt, Instant deadline, TaskResult result) {
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (plan == null) {
            problems.add("no plan");
        } else {
            plan.problems().forEach(p -> problems.add("plan: " + p));
        }
        if (tasks == null || tasks.stream().anyMatch(t -> t == null || t.status() == null)) {
            problems.add("no tasks, or a task without a status");
        }
        return problems;
    }
}

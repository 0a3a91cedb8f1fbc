package dev.hugginggpt.selector.scheduling;

import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Scheduling state of one task of a request. */
final class TaskState {
    final PlannedTask task;
    TaskStatus status = TaskStatus.PENDING;
    Map<String, String> resolvedArgs;
    final List<ModelChoice> remaining = new ArrayList<>();
    ModelChoice current;
    int attempt;
    Instant deadline;
    TaskResult result;

    TaskState(PlannedTask task) {
        this.task = task;
    }
}

package dev.hugginggpt.protocol;

import java.time.Instant;
import java.util.List;

/**
 * hg.task-results: the terminal result of one task attempt. {@code inputRejected}: the attempt failed on its input
 * (no text, a file that is not what it should be), so another model would fail the same way and none is tried.
 */
public record TaskResult(
        String requestId,
        int taskId,
        String task,
        ModelChoice model,
        TaskStatus status,
        TaskOutput output,
        String error,
        String executor,
        int attempt,
        Instant startedAt,
        Instant finishedAt,
        boolean inputRejected) implements Checked {

    @Override
    public List<String> problems() {
        return new Problems().requireText(requestId, "request id").require(status != null, "no status").list();
    }

    /** A result that says nothing of its input. */
    public TaskResult(String requestId, int taskId, String task, ModelChoice model, TaskStatus status, TaskOutput output,
            String error, String executor, int attempt, Instant startedAt, Instant finishedAt) {
        this(requestId, taskId, task, model, status, output, error, executor, attempt, startedAt, finishedAt, false);
    }

    public static TaskResult skipped(String requestId, int taskId, String task, String reason) {
        Instant now = Instant.now();
        return new TaskResult(requestId, taskId, task, null, TaskStatus.SKIPPED, null, reason, null, 0, now, now);
    }

    public static TaskResult failedBeforeRun(String requestId, int taskId, String task, ModelChoice model, String reason) {
        Instant now = Instant.now();
        return new TaskResult(requestId, taskId, task, model, TaskStatus.FAILED, null, reason, null, 0, now, now);
    }

    public boolean succeeded() {
        return status == TaskStatus.SUCCEEDED;
    }
}

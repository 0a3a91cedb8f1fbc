package dev.hugginggpt.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * hg.tasks: one task to run. Keyed by {@code requestId/taskId} so that the independent tasks of one
 * request spread over executor instances instead of queueing behind each other on one partition.
 */
public record TaskDispatch(
        String requestId,
        int taskId,
        String task,
        Map<String, String> args,
        ModelChoice model,
        List<ModelChoice> fallbacks,
        int attempt,
        Instant deadline,
        Instant dispatchedAt) implements Checked {

    @Override
    public List<String> problems() {
        return new Problems().requireText(requestId, "request id").requireText(task, "task type")
                .require(args != null, "no args")
                .require(model != null && model.modelId() != null && model.backend() != null, "no model")
                .list();
    }

    public String key() {
        return requestId + "/" + taskId;
    }
}

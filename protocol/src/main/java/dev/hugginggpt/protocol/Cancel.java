package dev.hugginggpt.protocol;

import java.time.Instant;
import java.util.List;

/**
 * Ends a request: on hg.plans (keyed by the request id, so it reaches the selector instance that schedules the
 * request, after the request's plan) the selector skips the tasks not started and fails the running ones; on
 * hg.controls the executors stop the request's running tasks and start none of its queued ones.
 */
public record Cancel(String requestId, String reason, Instant at) implements Checked {
    /** The value of {@link Topics#RECORD_TYPE} on a cancel. */
    public static final String RECORD_TYPE = "cancel";

    @Override
    public List<String> problems() {
        return new Problems().requireText(requestId, "request id").list();
    }

    public static Cancel of(String requestId, String reason) {
        return new Cancel(requestId, reason, Instant.now());
    }
}

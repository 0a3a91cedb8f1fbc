package dev.hugginggpt.executor.messaging;

import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * Announces that a task started only if it is still running after a delay. A result carries its own start time and
 * executor, so for a task quicker than the delay a TASK_STARTED event would tell a user nothing its TASK_FINISHED
 * does not, and every event is a record that the broker stores and every gateway reads.
 */
final class StartAnnouncer {
    private final Vertx vertx;
    private final Duration delay;

    StartAnnouncer(Vertx vertx, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the started-event delay must be 0 or more, not " + delay);
        }
        this.vertx = vertx;
        this.delay = delay;
    }

    /** A task that ends before the delay cancels its announcement; one that ends after it has already been announced. */
    interface Pending {
        void taskEnded();
    }

    Pending taskStarted(Runnable announce) {
        if (delay.isZero()) {
            announce.run();
            return () -> { };
        }
        long timer = vertx.setTimer(Math.max(1, delay.toMillis()), id -> announce.run());
        return () -> vertx.cancelTimer(timer);
    }
}

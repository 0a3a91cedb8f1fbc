package dev.hugginggpt.executor.local.runtime;

import java.time.Duration;

/** A task's deadline for a model that runs several programs one after another: each gets only the time still left. */
public final class Deadline {
    private final long end;

    private Deadline(long end) {
        this.end = end;
    }

    public static Deadline in(Duration timeLeft) {
        return new Deadline(System.nanoTime() + timeLeft.toNanos());
    }

    public Duration left() {
        return Duration.ofNanos(Math.max(0, end - System.nanoTime()));
    }
}

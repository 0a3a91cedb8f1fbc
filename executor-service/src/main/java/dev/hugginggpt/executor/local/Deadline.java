package dev.hugginggpt.executor.local;

import java.time.Duration;

/** A task's deadline for a model that runs several programs one after another: each gets only the time still left. */
final class Deadline {
    private final long end;

    private Deadline(long end) {
        this.end = end;
    }

    static Deadline in(Duration timeLeft) {
        return new Deadline(System.nanoTime() + timeLeft.toNanos());
    }

    Duration left() {
        return Duration.ofNanos(Math.max(0, end - System.nanoTime()));
    }
}

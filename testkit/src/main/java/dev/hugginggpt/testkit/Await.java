package dev.hugginggpt.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in a test for what a service does on its own threads (a record in a sink, a view updated). */
public final class Await {
    private Await() {
    }

    /** Polls every 20 ms until {@code condition} holds; fails after 30 s (a loaded machine's worst) naming {@code what} it waited for. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 30 s waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

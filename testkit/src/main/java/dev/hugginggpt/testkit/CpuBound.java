package dev.hugginggpt.testkit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/**
 * Bounds work by the CPU time of its own thread, which does not grow when the machine is busy with other things, and
 * by a generous wall-clock limit against work that never ends. A test of "linear, not catastrophic" then fails on
 * the code, never on a loaded CI machine. The work runs on a thread of its own, so a stack overflow there fails it.
 */
public final class CpuBound {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuBound() {
    }

    public static <T> T within(Duration cpu, Duration wall, Callable<T> work) {
        record Timed<T>(T value, long cpuNanos) {
        }
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "cpu-bound"));
        try {
            Future<Timed<T>> run = thread.submit(() -> {
                long before = THREADS.getCurrentThreadCpuTime();
                T value = work.call();
                return new Timed<>(value, THREADS.getCurrentThreadCpuTime() - before);
            });
            Timed<T> timed = run.get(wall.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            if (timed.cpuNanos() > cpu.toNanos()) {
                throw new AssertionError("took " + timed.cpuNanos() / 1_000_000 + " ms of CPU time; at most "
                        + cpu.toMillis() + " ms allowed");
            }
            return timed.value();
        } catch (TimeoutException e) {
            throw new AssertionError("did not finish within " + wall.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            thread.shutdownNow();
        }
    }
}

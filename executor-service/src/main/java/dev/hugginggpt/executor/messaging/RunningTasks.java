package dev.hugginggpt.executor.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tasks running on this executor, by request, so that a cancelled request's tasks are stopped: the thread running
 * one is interrupted (a packaged program is then killed with every process it forked, a remote call abandoned), and a
 * task of it still queued here is not started. The cancelled requests are remembered, the latest {@link #REMEMBERED}.
 */
@ApplicationScoped
public class RunningTasks {
    static final int REMEMBERED = 10_000;

    private final Map<String, List<Thread>> running = new HashMap<>();
    private final Set<String> cancelled = new LinkedHashSet<>();

    /** Registers the current thread as running a task of the request; false (nothing registered) if it is cancelled. */
    public synchronized boolean start(String requestId) {
        if (cancelled.contains(requestId)) {
            return false;
        }
        running.computeIfAbsent(requestId, k -> new ArrayList<>()).add(Thread.currentThread());
        return true;
    }

    /**
     * The current thread's task is over: no cancel can interrupt it any more, and an interrupt that came while it ended
     * is cleared, so that sending its result is not cut short.
     */
    public void end(String requestId) {
        synchronized (this) {
            List<Thread> threads = running.get(requestId);
            if (threads != null && threads.remove(Thread.currentThread()) && threads.isEmpty()) {
                running.remove(requestId);
            }
        }
        Thread.interrupted();
    }

    /** Stops the request's running tasks here; how many there were. */
    public synchronized int cancel(String requestId) {
        cancelled.add(requestId);
        if (cancelled.size() > REMEMBERED) {
            cancelled.remove(cancelled.iterator().next());
        }
        List<Thread> threads = running.getOrDefault(requestId, List.of());
        threads.forEach(Thread::interrupt);
        return threads.size();
    }

    public synchronized boolean isCancelled(String requestId) {
        return cancelled.contains(requestId);
    }
}

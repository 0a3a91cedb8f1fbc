package dev.hugginggpt.selector.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;

/**
 * Group commit in two phases: one batch at a time begins (phase one, under a lock: decide, hand records to the
 * producers in order), and the items that arrive meanwhile go together in the next batch; each batch then finishes
 * (phase two: await the writes) outside the lock, so the next batch begins while the one before waits for Kafka. At
 * most {@code finishing} batches are in phase two at once: a batch that would be one more waits to begin, and the
 * items arriving meanwhile join it (1: each batch begins only once the one before has finished).
 * {@link #submit} returns once the batch that carried its item has finished, and throws what either phase threw.
 */
final class GroupCommit<T> {
    /** Phase one of a batch, run under the lock; returns its phase two, run outside it. */
    interface Flush<T> {
        Runnable begin(List<T> batch);
    }

    private final Flush<T> flush;
    private final Semaphore finishing;
    private final Object beginning = new Object();
    private List<Waiting<T>> waiting = new ArrayList<>();

    private record Waiting<T>(T item, CompletableFuture<Void> flushed) {
    }

    GroupCommit(int finishing, Flush<T> flush) {
        if (finishing < 1) {
            throw new IllegalArgumentException("at least one batch must be able to finish, not " + finishing);
        }
        this.flush = flush;
        this.finishing = new Semaphore(finishing);
    }

    void submit(T item) {
        Waiting<T> mine = new Waiting<>(item, new CompletableFuture<>());
        synchronized (this) {
            waiting.add(mine);
        }
        List<Waiting<T>> batch;
        Runnable finish = null;
        synchronized (beginning) {
            if (stillWaiting(mine)) {
                finishing.acquireUninterruptibly();
                batch = takeWaiting();
                try {
                    finish = flush.begin(batch.stream().map(Waiting::item).toList());
                } catch (RuntimeException | Error e) {
                    finishing.release();
                    batch.forEach(w -> w.flushed().completeExceptionally(e));
                }
            } else {
                batch = null;
            }
        }
        if (finish != null) {
            try {
                finish.run();
                batch.forEach(w -> w.flushed().complete(null));
            } catch (RuntimeException | Error e) {
                batch.forEach(w -> w.flushed().completeExceptionally(e));
            } finally {
                finishing.release();
            }
        }
        try {
            mine.flushed().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** Whether no batch has taken this item yet. */
    private synchronized boolean stillWaiting(Waiting<T> item) {
        return waiting.contains(item);
    }

    private synchronized List<Waiting<T>> takeWaiting() {
        List<Waiting<T>> batch = waiting;
        waiting = new ArrayList<>();
        return batch;
    }
}

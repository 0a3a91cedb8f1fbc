package dev.hugginggpt.selector.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Group commit in two phases: one batch at a time begins (phase one, under a lock: decide, hand records to the
 * producers in order), and the items that arrive meanwhile go together in the next batch; each batch then finishes
 * (phase two: await the writes) outside the lock, so the next batch begins while the one before waits for Kafka.
 * {@link #submit} returns once the batch that carried its item has finished, and throws what either phase threw.
 */
final class GroupCommit<T> {
    /** Phase one of a batch, run under the lock; returns its phase two, run outside it. */
    interface Flush<T> {
        Runnable begin(List<T> batch);
    }

    private final Flush<T> flush;
    private final Object beginning = new Object();
    private List<Waiting<T>> waiting = new ArrayList<>();

    private record Waiting<T>(T item, CompletableFuture<Void> flushed) {
    }

    GroupCommit(Flush<T> flush) {
        this.flush = flush;
    }

    void submit(T item) {
        Waiting<T> mine = new Waiting<>(item, new CompletableFuture<>());
        synchronized (this) {
            waiting.add(mine);
        }
        List<Waiting<T>> batch;
        Runnable finish = null;
        synchronized (beginning) {
            batch = takeWaitingWith(mine);
            if (batch != null) {
                try {
                    finish = flush.begin(batch.stream().map(Waiting::item).toList());
                } catch (RuntimeException | Error e) {
                    batch.forEach(w -> w.flushed().completeExceptionally(e));
                }
            }
        }
        if (finish != null) {
            try {
                finish.run();
                batch.forEach(w -> w.flushed().complete(null));
            } catch (RuntimeException | Error e) {
                batch.forEach(w -> w.flushed().completeExceptionally(e));
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

    /** Everything waiting, if it still holds this item (else another thread's batch took it: null). */
    private synchronized List<Waiting<T>> takeWaitingWith(Waiting<T> item) {
        if (!waiting.contains(item)) {
            return null;
        }
        List<Waiting<T>> batch = waiting;
        waiting = new ArrayList<>();
        return batch;
    }
}

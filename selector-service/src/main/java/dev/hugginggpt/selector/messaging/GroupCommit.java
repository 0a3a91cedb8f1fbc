package dev.hugginggpt.selector.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Group commit: one flush at a time, and the items that arrive while a flush runs go together in the next one, so a
 * burst of items costs one flush (one round of awaited Kafka writes) instead of one each. {@link #submit} returns once
 * a flush that carried its item has returned, and throws what that flush threw.
 */
final class GroupCommit<T> {
    private final Consumer<List<T>> flush;
    private final Object flushing = new Object();
    private List<Waiting<T>> waiting = new ArrayList<>();

    private record Waiting<T>(T item, CompletableFuture<Void> flushed) {
    }

    GroupCommit(Consumer<List<T>> flush) {
        this.flush = flush;
    }

    void submit(T item) {
        Waiting<T> mine = new Waiting<>(item, new CompletableFuture<>());
        synchronized (this) {
            waiting.add(mine);
        }
        synchronized (flushing) {
            if (!mine.flushed().isDone()) {
                List<Waiting<T>> batch = takeWaiting();
                try {
                    flush.accept(batch.stream().map(Waiting::item).toList());
                    batch.forEach(w -> w.flushed().complete(null));
                } catch (RuntimeException | Error e) {
                    batch.forEach(w -> w.flushed().completeExceptionally(e));
                }
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

    private synchronized List<Waiting<T>> takeWaiting() {
        List<Waiting<T>> batch = waiting;
        waiting = new ArrayList<>();
        return batch;
    }
}

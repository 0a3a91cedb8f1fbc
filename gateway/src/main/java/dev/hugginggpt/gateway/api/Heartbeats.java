package dev.hugginggpt.gateway.api;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A stream with a beat put in whenever it has been quiet for a while, so that a proxy or a client with an idle timeout
 * keeps the connection of a long request; it ends when the stream ends, and stops beating when its client goes away.
 */
final class Heartbeats {
    private Heartbeats() {
    }

    static <T> Multi<T> whileQuiet(Multi<T> items, Duration quiet, Supplier<T> beat) {
        long quietNanos = quiet.toNanos();
        long checkMillis = Math.max(20, quiet.toMillis() / 4);
        return Multi.createFrom().emitter(emitter -> {
            AtomicLong lastSent = new AtomicLong(System.nanoTime());
            ScheduledFuture<?> beating = Infrastructure.getDefaultWorkerPool().scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                long last = lastSent.get();
                if (now - last >= quietNanos && lastSent.compareAndSet(last, now)) {
                    emitter.emit(beat.get());
                }
            }, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
            Cancellable upstream = items.subscribe().with(item -> {
                lastSent.set(System.nanoTime());
                emitter.emit(item);
            }, failure -> {
                beating.cancel(false);
                emitter.fail(failure);
            }, () -> {
                beating.cancel(false);
                emitter.complete();
            });
            emitter.onTermination(() -> {
                beating.cancel(false);
                upstream.cancel();
            });
        });
    }
}

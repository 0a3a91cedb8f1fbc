package dev.hugginggpt.executor.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StartAnnouncerTest {
    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger announced = new AtomicInteger();

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aTaskThatEndsBeforeTheDelayIsNeverAnnounced() throws InterruptedException {
        StartAnnouncer announcer = new StartAnnouncer(vertx, Duration.ofMillis(100));
        announcer.taskStarted(announced::incrementAndGet).taskEnded();
        Thread.sleep(300);
        assertEquals(0, announced.get());
    }

    @Test
    void aTaskStillRunningAfterTheDelayIsAnnouncedOnce() throws InterruptedException {
        StartAnnouncer announcer = new StartAnnouncer(vertx, Duration.ofMillis(50));
        CountDownLatch sent = new CountDownLatch(1);
        StartAnnouncer.Pending pending = announcer.taskStarted(() -> {
            announced.incrementAndGet();
            sent.countDown();
        });
        assertEquals(true, sent.await(5, TimeUnit.SECONDS));
        pending.taskEnded();
        Thread.sleep(150);
        assertEquals(1, announced.get());
    }

    @Test
    void noDelayAnnouncesAtOnce() {
        new StartAnnouncer(vertx, Duration.ZERO).taskStarted(announced::incrementAndGet).taskEnded();
        assertEquals(1, announced.get());
    }

    @Test
    void aNegativeDelayIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new StartAnnouncer(vertx, Duration.ofMillis(-1)));
    }
}

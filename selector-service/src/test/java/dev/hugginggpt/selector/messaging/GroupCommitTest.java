package dev.hugginggpt.selector.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void anItemAloneIsFlushedAloneBeforeSubmitReturns() {
        List<List<String>> flushes = new ArrayList<>();
        GroupCommit<String> commit = new GroupCommit<>(2, batch -> {
            flushes.add(batch);
            return () -> { };
        });
        commit.submit("a");
        assertEquals(List.of(List.of("a")), flushes);
        commit.submit("b");
        assertEquals(List.of(List.of("a"), List.of("b")), flushes);
    }

    @Test
    void itemsArrivingWhileABatchBeginsGoTogetherInTheNextOne() throws Exception {
        List<List<Integer>> flushes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstFlushRunning = new CountDownLatch(1);
        CountDownLatch releaseFirstFlush = new CountDownLatch(1);
        GroupCommit<Integer> commit = new GroupCommit<>(2, batch -> {
            if (batch.contains(0)) {
                firstFlushRunning.countDown();
                await(releaseFirstFlush);
            }
            flushes.add(batch);
            return () -> { };
        });
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            Future<?> first = threads.submit(() -> commit.submit(0));
            assertTrue(firstFlushRunning.await(10, TimeUnit.SECONDS));
            List<Future<?>> rest = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int item = i;
                rest.add(threads.submit(() -> commit.submit(item)));
            }
            Thread.sleep(200);
            assertTrue(rest.stream().noneMatch(Future::isDone), "no submit returns before its item is flushed");
            releaseFirstFlush.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> f : rest) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(List.of(0), flushes.get(0));
        assertEquals(2, flushes.size(), "the five waiting items make one flush: " + flushes);
        assertEquals(List.of(1, 2, 3, 4, 5), flushes.get(1).stream().sorted().toList());
    }

    @Test
    void aFailedFlushFailsEveryItemInItAndTheNextFlushRuns() {
        List<List<String>> flushes = new ArrayList<>();
        GroupCommit<String> commit = new GroupCommit<>(2, batch -> {
            if (batch.contains("bad")) {
                throw new IllegalStateException("cannot hand the records over");
            }
            return () -> {
                if (batch.contains("unstored")) {
                    throw new IllegalStateException("cannot store the DAG state");
                }
                flushes.add(batch);
            };
        });
        assertEquals("cannot hand the records over", assertThrows(IllegalStateException.class, () -> commit.submit("bad")).getMessage());
        assertEquals("cannot store the DAG state", assertThrows(IllegalStateException.class, () -> commit.submit("unstored")).getMessage());
        commit.submit("good");
        assertEquals(List.of(List.of("good")), flushes);
    }

    @Test
    void theNextBatchBeginsWhileTheOneBeforeFinishesButNoSubmitReturnsBeforeItsBatchHasFinished() throws Exception {
        List<String> begun = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstFinishing = new CountDownLatch(1);
        CountDownLatch releaseFirstFinish = new CountDownLatch(1);
        CountDownLatch secondBegun = new CountDownLatch(1);
        GroupCommit<String> commit = new GroupCommit<>(2, batch -> {
            begun.addAll(batch);
            if (batch.contains("second")) {
                secondBegun.countDown();
            }
            return () -> {
                if (batch.contains("first")) {
                    firstFinishing.countDown();
                    await(releaseFirstFinish);
                }
            };
        });
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> commit.submit("first"));
            assertTrue(firstFinishing.await(10, TimeUnit.SECONDS));
            Future<?> second = threads.submit(() -> commit.submit("second"));
            assertTrue(secondBegun.await(10, TimeUnit.SECONDS), "the second batch begins while the first waits: " + begun);
            second.get(10, TimeUnit.SECONDS);
            Thread.sleep(100);
            assertTrue(!first.isDone(), "the first submit waits for its own batch to finish");
            releaseFirstFinish.countDown();
            first.get(10, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertEquals(List.of("first", "second"), begun);
    }

    @Test
    void withOneBatchFinishingTheNextWaitsToBeginAndTheItemsArrivingMeanwhileGoTogether() throws Exception {
        List<List<Integer>> begun = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstFinishing = new CountDownLatch(1);
        CountDownLatch releaseFirstFinish = new CountDownLatch(1);
        GroupCommit<Integer> commit = new GroupCommit<>(1, batch -> {
            begun.add(batch);
            return () -> {
                if (batch.contains(0)) {
                    firstFinishing.countDown();
                    await(releaseFirstFinish);
                }
            };
        });
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            Future<?> first = threads.submit(() -> commit.submit(0));
            assertTrue(firstFinishing.await(10, TimeUnit.SECONDS));
            List<Future<?>> rest = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int item = i;
                rest.add(threads.submit(() -> commit.submit(item)));
            }
            Thread.sleep(200);
            assertEquals(List.of(List.of(0)), begun, "nothing begins while the first batch finishes");
            releaseFirstFinish.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> f : rest) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(2, begun.size(), "the three items that waited make one batch: " + begun);
        assertEquals(List.of(1, 2, 3), begun.get(1).stream().sorted().toList());
    }

    @Test
    void finishingNeedsAtLeastOneBatch() {
        assertThrows(IllegalArgumentException.class, () -> new GroupCommit<String>(0, batch -> () -> { }));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.hugginggpt.executor.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.PeakMemory;
import dev.hugginggpt.executor.local.model.MediaLimits;
import dev.hugginggpt.executor.local.speech.PocketsphinxSpeechRecognition;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A program is stopped, with all it forked, at its deadline, past its output limit, or when its thread is interrupted. */
class ProgramsTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    @TempDir
    Path dir;

    @Test
    void aProgramAndTheChildItForkedAreKilledAtTheDeadline() throws Exception {
        Path pid = dir.resolve("child.pid");
        long start = System.nanoTime();

        ModelException e = assertThrows(ModelException.class,
                () -> Programs.run(List.of("sh", "-c", "sleep 60 & echo $! > " + pid + "; sleep 60"), null, SECOND));

        long ms = millisSince(start);
        System.out.printf("a program with a 1 s deadline stopped after %d ms%n", ms);
        assertEquals("sh did not finish within 1 s; stopped", e.getMessage());
        assertTrue(ms < 2000, ms + " ms");
        assertGone(pid);
    }

    @Test
    void aProgramThatWritesForeverIsKilledAtTheOutputLimit() throws Exception {
        Path pid = dir.resolve("child.pid");
        long heapBefore = PeakMemory.usedHeapMib();
        long start = System.nanoTime();

        ModelException e = assertThrows(ModelException.class,
                () -> Programs.run(List.of("sh", "-c", "sleep 60 & echo $! > " + pid + "; yes"), null, Duration.ofSeconds(30)));

        long ms = millisSince(start);
        System.out.printf("a program writing forever stopped after %d ms; heap %d -> %d MiB%n", ms, heapBefore,
                PeakMemory.usedHeapMib());
        assertEquals("sh wrote more than 16 MiB of output; stopped", e.getMessage());
        assertTrue(ms < 5000, ms + " ms");
        assertGone(pid);
    }

    @Test
    void errorsWrittenForeverAreStoppedToo() {
        ModelException e = assertThrows(ModelException.class,
                () -> Programs.run(List.of("sh", "-c", "yes >&2"), null, Duration.ofSeconds(30), 1 << 20));

        assertEquals("sh wrote more than 1 MiB of output; stopped", e.getMessage());
    }

    @Test
    void anInterruptedTaskStopsItsProgram() throws Exception {
        Path pid = dir.resolve("child.pid");
        AtomicReference<Thread> runner = new AtomicReference<>();
        CompletableFuture<ModelException> failure = CompletableFuture.supplyAsync(() -> {
            runner.set(Thread.currentThread());
            try {
                Programs.run(List.of("sh", "-c", "sleep 60 & echo $! > " + pid + "; sleep 60"), null, Duration.ofSeconds(60));
                return null;
            } catch (ModelException e) {
                return e;
            }
        });
        while (!Files.exists(pid) || Files.size(pid) == 0) {
            Thread.sleep(20);
        }
        long start = System.nanoTime();

        runner.get().interrupt();

        assertEquals("sh was interrupted; stopped", failure.get().getMessage());
        assertTrue(millisSince(start) < 3000, millisSince(start) + " ms");
        assertGone(pid);
    }

    @Test
    void aChildLeftRunningWhenTheProgramEndsIsKilled() throws Exception {
        Path pid = dir.resolve("child.pid");

        String out = Programs.run(List.of("sh", "-c", "sleep 60 & echo $! > " + pid + "; sleep 0.3; echo done"), null,
                Duration.ofSeconds(10));

        assertEquals("done\n", out);
        assertGone(pid);
    }

    @Test
    void stdinStdoutAndErrorsStillWork() throws Exception {
        String megabyte = "x".repeat(1 << 20);

        assertEquals(String.valueOf(1 << 20), Programs.run(List.of("wc", "-c"), megabyte, SECOND.multipliedBy(10)).strip());
        assertEquals("héllo", Programs.run(List.of("cat"), "héllo", SECOND.multipliedBy(10)));
        ProgramFailed failed = assertThrows(ProgramFailed.class,
                () -> Programs.run(List.of("sh", "-c", "echo oops >&2; exit 3"), null, SECOND.multipliedBy(10)));
        assertEquals("sh failed (exit 3): oops", failed.getMessage());
    }

    @Test
    void speechRecognitionOnALongRecordingStopsAtTheTasksDeadline() throws Exception {
        assumeTrue(Programs.installed("sox") && Programs.installed("pocketsphinx_continuous")
                && Programs.installed("espeak-ng"));
        // speech, not noise: the recognizer's voice detector skips white noise, and a fast machine decodes 9 min of
        // it in under a second; 9 min of speech takes it minutes on any machine
        Path sentence = dir.resolve("sentence.wav");
        Programs.run(List.of("espeak-ng", "-w", sentence.toString(), "The quick brown fox jumps over the lazy dog"
                + " while the committee discusses the annual budget for the new library in the center of town."),
                null, Duration.ofSeconds(60));
        Path speech = dir.resolve("speech.wav");
        Programs.run(List.of("sox", sentence.toString(), "-r", "16000", "-c", "1", "-b", "16", speech.toString(),
                "repeat", "70"), null, Duration.ofSeconds(60));
        ResourceStore store = new ResourceStore(dir.resolve("store"));
        String id = store.save(speech, "speech.wav", "audio/wav").id();
        long start = System.nanoTime();

        ModelException e = assertThrows(ModelException.class, () -> new PocketsphinxSpeechRecognition(store,
                MediaLimits.DEFAULTS).run(Map.of("audio", id), SECOND));

        long ms = millisSince(start);
        System.out.printf("8.5 min of speech with a 1 s deadline: failed after %d ms: %s%n", ms, e.getMessage());
        assertTrue(e.getMessage().matches("(sox|pocketsphinx_continuous) did not finish within [0-9.]+ (s|ms); stopped"),
                e.getMessage());
        assertTrue(ms < 2000, ms + " ms");
    }

    /**
     * The process is gone, or dead and waiting to be reaped: killed after its parent, it is a zombie of PID 1 until
     * PID 1 reaps it, and ProcessHandle counts a zombie as alive.
     */
    private static void assertGone(Path pidFile) throws Exception {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        long start = System.nanoTime();
        while (running(pid) && millisSince(start) < 1000) {
            Thread.sleep(20);
        }
        assertFalse(running(pid), "process " + pid + " still runs");
    }

    private static boolean running(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
            } catch (java.io.IOException e) {
                return false;
            }
        }
        return false;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}

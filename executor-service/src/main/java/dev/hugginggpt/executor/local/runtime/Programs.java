package dev.hugginggpt.executor.local.runtime;

import dev.hugginggpt.executor.backend.ModelException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Runs packaged programs (espeak-ng, tesseract, ...) within the task's time; stdout is the result. Input, output and
 * errors go through temporary files, so no pipe can block the program or this thread. The program is watched while it
 * runs: past its time, past {@link #MAX_OUTPUT_BYTES} of output, or when this thread is interrupted, the program and
 * every process it forked are killed.
 */
public final class Programs {
    static final long MAX_OUTPUT_BYTES = 16L << 20;
    private static final long WATCH_MILLIS = 50;
    private static final int ERROR_CHARS = 300;
    private static final String GNU_TIME = "/usr/bin/time";
    private static volatile LongConsumer peakMemoryProbe;

    private Programs() {
    }

    /** For benchmarks: run each program under GNU time and report its peak resident memory (KiB) to the probe. */
    public static void measurePeakMemory(LongConsumer probe) {
        peakMemoryProbe = Files.isExecutable(Path.of(GNU_TIME)) ? probe : null;
    }

    /**
     * "PROGRAM is not installed: apt-get install PACKAGES" when the program is not on the PATH, else empty. The
     * packages are Debian's, as deploy/images/executor-packages lists them.
     */
    public static Optional<String> missing(String program, String debianPackages) {
        return installed(program) ? Optional.empty()
                : Optional.of(program + " is not installed: apt-get install " + debianPackages);
    }

    public static boolean installed(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    public static String run(List<String> command, String stdin, Duration timeout) throws ModelException {
        return run(command, stdin, timeout, MAX_OUTPUT_BYTES);
    }

    static String run(List<String> command, String stdin, Duration timeout, long maxOutputBytes) throws ModelException {
        String name = command.get(0);
        LongConsumer probe = peakMemoryProbe;
        Path work = null;
        try {
            work = Files.createTempDirectory("hg-program");
            Path in = work.resolve("stdin");
            Path out = work.resolve("stdout");
            Path err = work.resolve("stderr");
            Path usage = work.resolve("usage");
            Files.writeString(in, stdin == null ? "" : stdin, StandardCharsets.UTF_8);
            List<String> line = command;
            if (probe != null) {
                line = new ArrayList<>(List.of(GNU_TIME, "-f", "%M", "-o", usage.toString()));
                line.addAll(command);
            }
            Process process = new ProcessBuilder(line).redirectInput(in.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            watch(name, process, timeout, out, err, maxOutputBytes);
            if (process.exitValue() != 0) {
                throw new ProgramFailed(name + " failed (exit " + process.exitValue() + "): " + start(err));
            }
            if (probe != null) {
                probe.accept(Long.parseLong(Files.readString(usage).strip()));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException("could not run " + name + ": " + e.getMessage(), e);
        } finally {
            delete(work);
        }
    }

    /** Waits for the program to end on its own, within its time and output; else stops it and all it forked. */
    private static void watch(String name, Process process, Duration timeout, Path out, Path err, long maxOutputBytes)
            throws ModelException, IOException {
        ProcessTree tree = new ProcessTree(process);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    tree.kill();
                    throw new ModelException(name + " did not finish within " + seconds(timeout) + "; stopped");
                }
                boolean ended = process.waitFor(Math.min(left, WATCH_MILLIS), TimeUnit.MILLISECONDS);
                if (!ended) {
                    tree.look();
                }
                if (Files.size(out) > maxOutputBytes || Files.size(err) > maxOutputBytes) {
                    tree.kill();
                    throw new ModelException(name + " wrote more than " + mebibytes(maxOutputBytes) + " of output; stopped");
                }
                if (ended) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            tree.kill();
            Thread.currentThread().interrupt();
            throw new ModelException(name + " was interrupted; stopped");
        } finally {
            tree.killLeftovers();
        }
    }

    /** The start of what the program wrote to stderr, however much that was. */
    private static String start(Path err) throws IOException {
        try (InputStream in = Files.newInputStream(err)) {
            String text = new String(in.readNBytes(4 * ERROR_CHARS), StandardCharsets.UTF_8).strip();
            return text.length() > ERROR_CHARS ? text.substring(0, ERROR_CHARS) : text;
        }
    }

    private static String seconds(Duration timeout) {
        long ms = timeout.toMillis();
        return ms < 1000 ? ms + " ms" : ms % 1000 == 0 ? ms / 1000 + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String mebibytes(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    /** Removes a temporary folder and what is in it, as far as it can. */
    public static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the task for
        }
    }
}

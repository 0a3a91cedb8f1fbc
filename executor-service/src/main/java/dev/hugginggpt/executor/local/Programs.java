package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.ModelException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/** Runs packaged programs (espeak-ng, tesseract, ...) with a time limit; stdout is the result. */
public final class Programs {
    private static final String GNU_TIME = "/usr/bin/time";
    private static volatile LongConsumer peakMemoryProbe;

    private Programs() {
    }

    /** For benchmarks: run each program under GNU time and report its peak resident memory (KiB) to the probe. */
    public static void measurePeakMemory(LongConsumer probe) {
        peakMemoryProbe = Files.isExecutable(Path.of(GNU_TIME)) ? probe : null;
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
        LongConsumer probe = peakMemoryProbe;
        Path errors = null;
        Path usage = null;
        try {
            errors = Files.createTempFile("hg-stderr", ".txt");
            List<String> line = command;
            if (probe != null) {
                usage = Files.createTempFile("hg-usage", ".txt");
                line = new ArrayList<>(List.of(GNU_TIME, "-f", "%M", "-o", usage.toString()));
                line.addAll(command);
            }
            ProcessBuilder builder = new ProcessBuilder(line).redirectError(errors.toFile());
            if (stdin == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            Process process = builder.start();
            if (stdin != null) {
                try (var in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ModelException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                String err = Files.readString(errors, StandardCharsets.UTF_8).strip();
                throw new ModelException(command.get(0) + " failed (exit " + process.exitValue() + "): "
                        + (err.length() > 300 ? err.substring(0, 300) : err));
            }
            if (probe != null) {
                probe.accept(Long.parseLong(Files.readString(usage).strip()));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException("could not run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException(command.get(0) + " was interrupted");
        } finally {
            if (errors != null) {
                errors.toFile().delete();
            }
            if (usage != null) {
                usage.toFile().delete();
            }
        }
    }
}

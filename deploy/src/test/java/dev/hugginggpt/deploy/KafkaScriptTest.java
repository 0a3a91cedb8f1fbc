package dev.hugginggpt.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker's launcher, deploy/local/kafka.sh, where it works without a broker. */
class KafkaScriptTest {
    private static final Path SCRIPT = Path.of("local", "kafka.sh");

    /**
     * StorageTool's argument parser reads an id beginning with '-' as an option and refuses to format ("expected one
     * argument"): one broker start in 64 failed that way, with nothing in kafka.sh's own output. 400 draws meet such an
     * id with a probability of 99.8 % unless the script avoids it.
     */
    @Test
    void aClusterIdIsSixteenBytesInUrlSafeBase64AndNeverLooksLikeAnOption() throws Exception {
        Set<String> seen = new HashSet<>();
        for (String id : clusterIds(400)) {
            assertFalse(id.startsWith("-"), id);
            assertEquals(22, id.length(), id);
            assertEquals(16, Base64.getUrlDecoder().decode(id).length, id);
            seen.add(id);
        }
        assertEquals(400, seen.size(), "every id is fresh");
    }

    /**
     * The local broker has every topic the services use before they start, but the selector's state topic, which the
     * selector creates itself, compacted.
     */
    @Test
    void theBrokerCreatesEveryTopicTheServicesUse() throws IOException {
        var line = Pattern.compile("(?m)^topics=\\((.*)\\)$").matcher(Files.readString(SCRIPT));
        assertTrue(line.find(), "kafka.sh lists its topics");
        Set<String> created = new TreeSet<>();
        Pattern.compile("\"([a-z.-]+):[0-9]+\"").matcher(line.group(1)).results().forEach(m -> created.add(m.group(1)));
        Set<String> expected = new TreeSet<>(OverlayConsistencyTest.topicsTheServicesUse());
        expected.remove("hg.selector-state");
        assertEquals(expected, created);
    }

    /**
     * A pid file outlives a kill -9 of the broker, and the kernel hands its pid to new processes: stop must not kill
     * whatever runs under that pid now, only forget the file.
     */
    @Test
    void stopLeavesAProcessThatMerelyReusedTheBrokersPidAlone(@TempDir Path data) throws Exception {
        Process bystander = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(data.resolve("kafka.pid"), bystander.pid() + "\n");
            Result stop = run("stop", data);
            assertEquals(0, stop.exit(), stop.output());
            assertTrue(bystander.isAlive(), "the process that has the stale pid now");
            assertFalse(Files.exists(data.resolve("kafka.pid")), "the stale pid file is gone");
        } finally {
            bystander.destroy();
        }
    }

    /**
     * A broker killed with -9 holds its log directory's lock until the kernel has closed its files, when its command
     * line is already gone: stop (and start) wait for the lock, not for the pid file's process.
     */
    @Test
    void stopWaitsUntilNoProcessHoldsTheLogDirectorysLock(@TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("log"));
        Process stop;
        long started;
        try (FileChannel channel = FileChannel.open(data.resolve("log/.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            stop = start("stop", data);
            started = System.nanoTime();
            assertFalse(stop.waitFor(1500, TimeUnit.MILLISECONDS), "stop returned while the lock was held");
        }
        assertTrue(stop.waitFor(10, TimeUnit.SECONDS), "stop returns once the lock is released");
        assertEquals(0, stop.exitValue(), new String(stop.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(1500));
    }

    private record Result(int exit, String output) {}

    private static Process start(String command, Path data) throws IOException {
        return new ProcessBuilder("bash", SCRIPT.toAbsolutePath().toString(), command, data.toString())
                .redirectErrorStream(true).start();
    }

    private static Result run(String command, Path data) throws Exception {
        Process process = start(command, data);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), out);
    }

    /** Runs the script's {@code cluster-id} command n times in one shell. */
    private static List<String> clusterIds(int n) throws IOException, InterruptedException {
        String loop = "for i in $(seq 1 " + n + "); do bash '" + SCRIPT.toAbsolutePath() + "' cluster-id; done";
        Process shell = new ProcessBuilder("bash", "-c", loop).redirectErrorStream(true).start();
        String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, shell.waitFor(), out);
        return out.lines().toList();
    }
}

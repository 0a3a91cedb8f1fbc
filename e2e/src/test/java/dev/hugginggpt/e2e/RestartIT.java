package dev.hugginggpt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.protocol.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The run command after an unclean stop: deploy/local/up.sh started as a process group, a request answered, every
 * process of the group (the broker and the four services) killed with -9, and up.sh started again at once on the same
 * data directory. It must be ready within the first start's time, answer the earlier request by id (the new gateway
 * rebuilds its views from hg.events) and complete a new request.
 */
class RestartIT {
    private static final String KEY = "restart-key";
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Path ROOT = Path.of(System.getProperty("hg.root", "..")).toAbsolutePath().normalize();
    private static final List<Run> RUNS = new ArrayList<>();
    private static Ports ports;
    private static Path data;

    @AfterAll
    static void stopEverything() throws Exception {
        for (Run run : RUNS) {
            run.stop(data);
        }
    }

    @Test
    void theRunCommandComesBackAtOnceAfterTheWholeStackIsKilledWithMinus9() throws Exception {
        data = Files.createTempDirectory("hg-restart");
        ports = Ports.free();

        Run first = Run.start("first", data);
        double firstReady = first.awaitReady();
        JsonNode answered = chat("Read this sentence aloud and tell me what language it is: 'Bonjour tout le monde'");
        assertEquals("DONE", answered.path("status").asText(), answered.toPrettyString());
        String id = answered.get("id").asText();

        assertEquals(Optional.of(first.process().pid()), Run.groupOf(first.process().pid()), "up.sh leads a process group");
        Set<Long> group = first.members();
        Set<Long> stack = first.stackPids(data);
        assertEquals(5, stack.size(), "the broker and four services have pid files: " + stack);
        assertTrue(group.containsAll(stack), "every process of the stack is in the run command's group: " + group + " " + stack);
        first.killGroup();

        Run second = Run.start("second", data);
        double restartReady = second.awaitReady();
        double registration = registrationSeconds(data.resolve("kafka/logs/server.log"));
        System.out.printf("up.sh ready: first start %.1f s (broker %s s), after kill -9 of all %d processes %.1f s (broker %s s,"
                + " of which %.1f s to register again)%n", firstReady, first.brokerSeconds(), group.size(), restartReady,
                second.brokerSeconds(), registration);
        for (long pid : stack) {
            assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "pid " + pid + " of the first run is gone");
        }

        JsonNode earlier = awaitDone(id, Duration.ofMinutes(2));
        assertEquals("DONE", earlier.path("status").asText(), "the earlier request by id on the new gateway: " + earlier);
        assertEquals(answered.path("answer"), earlier.path("answer"), "the same answer, rebuilt from hg.events");

        long sent = System.nanoTime();
        JsonNode fresh = chat("Read this sentence aloud and tell me what language it is: 'Hallo Welt, wie geht es dir'");
        assertEquals("DONE", fresh.path("status").asText(), fresh.toPrettyString());
        System.out.printf("after the restart: the earlier request DONE by id, a new request DONE in %.1f s%n",
                (System.nanoTime() - sent) / 1e9);

        // a restart also recovers the logs the kill left unclean and waits out the killed broker's registration (~4 s)
        assertTrue(restartReady <= firstReady * 1.5 + 10,
                "ready in " + restartReady + " s after the kill, the first start took " + firstReady + " s");
        assertTrue(registration < 9, "the restarted broker waited " + registration + " s for its registration: the"
                + " controller refuses it until the killed broker's session expires, 9 s with Kafka's default");
    }

    /** From the broker's last start to its registration with the controller, in its own log. */
    private static double registrationSeconds(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Transition from SHUTDOWN to STARTING")) {
                start = i;
            }
        }
        assertTrue(start >= 0, "the broker's log shows its start");
        for (int i = start; i < lines.size(); i++) {
            if (lines.get(i).contains("Successfully registered broker")) {
                return Duration.between(logTime(lines.get(start)), logTime(lines.get(i))).toMillis() / 1000.0;
            }
        }
        throw new AssertionError("the broker never registered after its last start; see " + log);
    }

    private static LocalDateTime logTime(String line) {
        return LocalDateTime.parse(line.substring(1, line.indexOf(']')), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS"));
    }

    private static JsonNode chat(String text) throws Exception {
        String body = Json.MAPPER.writeValueAsString(Map.of("messages", List.of(Map.of("role", "user", "content", text))));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(ports.gatewayUri("/v1/chat"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private static JsonNode awaitDone(String id, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode view = Json.MAPPER.createObjectNode();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(ports.gatewayUri("/v1/requests/" + id))
                    .header("Authorization", "Bearer " + KEY).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                view = Json.MAPPER.readTree(r.body());
                if ("DONE".equals(view.path("status").asText())) {
                    return view;
                }
            }
            Thread.sleep(500);
        }
        return view;
    }

    /**
     * Ports for the broker (and its controller, one above) and each service, from a block outside the kernel's range
     * for outgoing connections, so that none is taken between the check and the start.
     */
    private record Ports(int kafka, int gateway, int planner, int selector, int executor) {
        static Ports free() throws IOException {
            for (int attempt = 0; attempt < 50; attempt++) {
                int base = 20000 + 10 * ThreadLocalRandom.current().nextInt(800);
                Ports ports = new Ports(base, base + 2, base + 3, base + 4, base + 5);
                if (ports.all().allMatch(Ports::isFree)) {
                    return ports;
                }
            }
            throw new IllegalStateException("no free block of ports in 20000-28000");
        }

        /** With the KRaft controller's port and the services' management ports (up.sh: 1000 above theirs). */
        Stream<Integer> all() {
            return Stream.of(kafka, kafka + 1, gateway, planner, selector, executor, gateway + 1000, planner + 1000,
                    selector + 1000, executor + 1000);
        }

        URI gatewayUri(String path) {
            return URI.create("http://127.0.0.1:" + gateway + path);
        }

        Map<String, String> environment() {
            return Map.of("KAFKA_PORT", String.valueOf(kafka), "GATEWAY_PORT", String.valueOf(gateway),
                    "PLANNER_PORT", String.valueOf(planner), "SELECTOR_PORT", String.valueOf(selector),
                    "EXECUTOR_PORT", String.valueOf(executor));
        }

        private static boolean isFree(int port) {
            try (ServerSocket socket = new ServerSocket(port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** One deploy/local/up.sh, the leader of a process group of its own (setsid), with its output in a file. */
    private record Run(String name, Process process, Path output, long started) {
        private static final Pattern READY = Pattern.compile("HuggingGPT is ready in ([0-9.]+) s");
        private static final Pattern BROKER = Pattern.compile("Kafka ready on \\S+ in ([0-9.]+) s");

        static Run start(String name, Path data) throws IOException {
            Path output = data.resolve("up-" + name + ".out");
            ProcessBuilder builder = new ProcessBuilder("setsid", "bash", ROOT.resolve("deploy/local/up.sh").toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).directory(ROOT.toFile());
            builder.environment().putAll(ports.environment());
            builder.environment().putAll(Map.of("HG_DATA_DIR", data.toString(), "EXECUTORS", "1",
                    "HG_API_KEYS", KEY + "=restart", "HG_JVM_OPTS", "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"));
            Run run = new Run(name, builder.start(), output, System.nanoTime());
            RUNS.add(run);
            return run;
        }

        /** The seconds up.sh reports from its start to every service ready. */
        double awaitReady() throws Exception {
            long deadline = started + START_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                Matcher ready = READY.matcher(printed());
                if (ready.find()) {
                    return Double.parseDouble(ready.group(1));
                }
                if (!process.isAlive()) {
                    throw new AssertionError(name + " up.sh exited with " + process.exitValue() + ":\n" + printed());
                }
                Thread.sleep(500);
            }
            throw new AssertionError(name + " up.sh not ready in " + START_LIMIT + ":\n" + printed());
        }

        String brokerSeconds() throws IOException {
            Matcher broker = BROKER.matcher(printed());
            return broker.find() ? broker.group(1) : "?";
        }

        String printed() throws IOException {
            return Files.readString(output);
        }

        /** The processes of this run's group: up.sh itself, the broker, the services. */
        Set<Long> members() throws IOException {
            long group = process.pid();
            Set<Long> members = new TreeSet<>();
            try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
                for (Path entry : entries.toList()) {
                    String name = entry.getFileName().toString();
                    if (name.chars().allMatch(Character::isDigit) && groupOf(Long.parseLong(name)).orElse(-1L) == group) {
                        members.add(Long.parseLong(name));
                    }
                }
            }
            return members;
        }

        /** The broker's pid (kafka.sh's pid file) and the services' (up.sh's pid files). */
        Set<Long> stackPids(Path data) throws IOException {
            Set<Long> pids = new TreeSet<>();
            pids.add(Long.parseLong(Files.readString(data.resolve("kafka/kafka.pid")).trim()));
            try (Stream<Path> files = Files.list(data.resolve("pids"))) {
                for (Path file : files.toList()) {
                    pids.add(Long.parseLong(Files.readString(file).trim()));
                }
            }
            return pids;
        }

        /** kill -9 of the whole group: no trap runs, no shutdown hook, no pid file is removed. */
        void killGroup() throws Exception {
            Process kill = new ProcessBuilder("kill", "-9", "--", "-" + process.pid()).inheritIO().start();
            assertEquals(0, kill.waitFor(), "kill -9 of group " + process.pid());
        }

        /**
         * Ctrl-C's way (up.sh's trap stops the services and the broker), then -9 for any process of the group still
         * running this run's data directory (a group id can be reused once its processes are gone).
         */
        void stop(Path data) throws Exception {
            if (process.isAlive()) {
                new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor();
                process.waitFor(90, TimeUnit.SECONDS);
            }
            for (long pid : members()) {
                String command = ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
                if (command.contains(data.toString())) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }

        static Optional<Long> groupOf(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Optional.of(Long.parseLong(fields[2]));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}

package dev.hugginggpt.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real system for a test: the KRaft broker from deploy/local/kafka.sh and each service as its own process. */
final class Stack implements AutoCloseable {
    /** The tests' API key; the gateway runs with keys required, as in production. */
    static final String API_KEY = "e2e-key";
    /** A second tenant's key, for tests of what one tenant's load leaves to the others. */
    static final String OTHER_API_KEY = "e2e-other-key";
    final Path root = Path.of(System.getProperty("hg.root", "..")).toAbsolutePath().normalize();
    final Path data;
    private BrokerPorts broker;
    final Map<String, Integer> ports = new LinkedHashMap<>();
    /** Each service's management interface: health checks and metrics. */
    final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Process> byName = new LinkedHashMap<>();
    private final Map<String, String[]> launches = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> commonEnv;
    private boolean closed;

    Stack(int executors) throws Exception {
        this(executors, Map.of());
    }

    /** {@code commonEnv} goes to every service, e.g. the LLM endpoint. */
    Stack(int executors, Map<String, String> commonEnv) throws Exception {
        this.commonEnv = commonEnv;
        data = Files.createTempDirectory("hg-e2e");
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeQuietly, "stop-e2e-stack"));
        try {
            startBroker();
            start("planner", "planner-service", Map.of());
            start("selector", "selector-service", Map.of());
            for (int i = 1; i <= executors; i++) {
                start("executor-" + i, "executor-service", Map.of("HG_EXECUTOR_ID", "executor-" + i));
            }
            start("gateway", "gateway", Map.of("HG_API_KEYS", API_KEY + "=e2e," + OTHER_API_KEY + "=other"));
            for (String name : List.copyOf(ports.keySet())) {
                awaitReadyOnAFreePort(name);
            }
        } catch (Exception | Error e) {
            closeQuietly();
            throw e;
        }
    }

    /** Two ports this broker can listen on: the client one and the KRaft controller one. */
    private record BrokerPorts(int client, int controller) {
        static BrokerPorts free() throws IOException {
            try (ServerSocket client = new ServerSocket(0); ServerSocket controller = new ServerSocket(0)) {
                return new BrokerPorts(client.getLocalPort(), controller.getLocalPort());
            }
        }
    }

    /**
     * A port found free can be taken by another process before the broker binds it (the kernel hands the same ephemeral
     * range to outgoing connections): then the broker exits, and it is started again on new ports.
     */
    private void startBroker() throws Exception {
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            broker = BrokerPorts.free();
            try {
                kafka("start", Duration.ofMinutes(3));
                return;
            } catch (IllegalStateException e) {
                System.err.println("broker start " + attempt + " failed: " + e.getMessage());
                kafka("stop", Duration.ofMinutes(1));
                deleteTree(data.resolve("kafka"));
                failure = e;
            }
        }
        throw failure;
    }

    private void kafka(String command, Duration limit) throws Exception {
        List<String> line = new ArrayList<>(List.of("bash", root.resolve("deploy/local/kafka.sh").toString(), command,
                data.resolve("kafka").toString()));
        if (command.equals("start")) {
            line.addAll(List.of(String.valueOf(broker.client()), String.valueOf(broker.controller())));
        }
        Path log = data.resolve("kafka.sh.log");
        Process p = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("kafka.sh " + command + " failed:\n" + Files.readString(log));
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (Exception e) {
            // best effort: the broker and services must not outlive the test run
        }
    }

    String gateway() {
        return "http://127.0.0.1:" + ports.get("gateway");
    }

    /** Uploads a file as the tests' tenant (multipart, part "file"); returns its resource id. */
    String upload(byte[] content, String name, String type) throws Exception {
        String boundary = "hg-e2e-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway() + "/v1/resources"))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload of " + name + " answered " + response.statusCode() + ": " + response.body());
        }
        return dev.hugginggpt.protocol.Json.MAPPER.readTree(response.body()).get("id").asText();
    }

    /** The broker's client address, for tests that write or read topics directly. */
    String bootstrap() {
        return "127.0.0.1:" + broker.client();
    }

    /** Stops the broker and starts it again on the same data and port (topics and offsets survive). */
    void restartKafka(Duration down) throws Exception {
        kafka("stop", Duration.ofMinutes(1));
        Thread.sleep(down.toMillis());
        kafka("start", Duration.ofMinutes(3));
    }

    /** kill -9: no shutdown hooks, no goodbye heartbeat, offsets not committed. */
    void kill9(String name) throws InterruptedException {
        Process p = byName.get(name);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts a killed or stopped service again on its ports, and waits until it is ready. */
    void restart(String name) throws Exception {
        String[] launch = launches.get(name);
        start(name, launch[1], envOf(launch), ports.get(name), managementPorts.get(name));
        awaitReady(name, Duration.ofMinutes(2));
    }

    /** Starts one more instance of a service (e.g. a second selector) and waits until it is ready. */
    void add(String name, String module) throws Exception {
        start(name, module, Map.of());
        awaitReadyOnAFreePort(name);
    }

    /** Stops a service gracefully (SIGTERM) and waits for it to exit. */
    void stop(String name) throws InterruptedException {
        Process p = byName.get(name);
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private static Map<String, String> envOf(String[] launch) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 2; i + 1 < launch.length; i += 2) {
            env.put(launch[i], launch[i + 1]);
        }
        return env;
    }

    private void start(String name, String module, Map<String, String> env) throws IOException {
        start(name, module, env, freePort(), freePort());
    }

    private void start(String name, String module, Map<String, String> env, int port, int managementPort) throws IOException {
        List<String> launch = new ArrayList<>(List.of(name, module));
        env.forEach((k, v) -> {
            launch.add(k);
            launch.add(v);
        });
        launches.put(name, launch.toArray(String[]::new));
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn verify from the project root");
        }
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + managementPort, "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve(name + ".log").toFile()));
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + broker.client());
        builder.environment().put("HG_RESOURCES_DIR", data.resolve("resources").toString());
        builder.environment().putAll(commonEnv);
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        byName.put(name, process);
        ports.put(name, port);
        managementPorts.put(name, managementPort);
    }

    /** As with the broker, a port found free may be taken before the service binds it: then it starts on another. */
    private void awaitReadyOnAFreePort(String name) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                awaitReady(name, Duration.ofMinutes(2));
                return;
            } catch (IllegalStateException e) {
                if (attempt == 3 || byName.get(name).isAlive() || !log(name).contains("Address already in use")) {
                    throw e;
                }
                System.err.println(name + " found port " + ports.get(name) + " or " + managementPorts.get(name)
                        + " taken; starting it on others");
                String[] launch = launches.get(name);
                start(name, launch[1], envOf(launch));
            }
        }
    }

    private void awaitReady(String name, Duration limit) throws Exception {
        int port = managementPorts.get(name);
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!byName.get(name).isAlive()) {
                throw new IllegalStateException(name + " exited with " + byName.get(name).exitValue() + "; log:\n" + log(name));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready in " + limit + "; log:\n" + log(name));
    }

    String log(String name) throws IOException {
        Path file = data.resolve(name + ".log");
        return Files.exists(file) ? Files.readString(file) : "(no log)";
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        kafka("stop", Duration.ofMinutes(1));
    }
}

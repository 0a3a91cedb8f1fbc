package dev.hugginggpt.bench;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The system under test, as deploy/local/up.sh runs it: the KRaft broker from deploy/local/kafka.sh and each service
 * as its own JVM from its built jar, on free loopback ports, with a data directory of its own.
 */
public final class BenchStack implements AutoCloseable {
    public static final String API_KEY = "bench-key";

    /** How the stack is started. */
    public record Config(int executors, List<String> jvmOptions, Map<String, String> commonEnv,
            Map<String, String> executorEnv) {
    }

    /** Start-up: the broker (start and topic creation), then the services started together until all are ready. */
    public record Startup(double brokerMillis, double servicesMillis, Map<String, Double> readyMillis) {
        public double totalMillis() {
            return brokerMillis + servicesMillis;
        }
    }

    /** Resident memory of one process now and at its peak, from /proc. */
    public record Memory(String name, long rssKb, long peakKb) {
    }

    private final Path root;
    private final Path data;
    private final Config config;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    /** Each service's management interface, where its readiness check answers. */
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Startup startup;
    private boolean closed;

    public BenchStack(Path root, Config config) throws IOException {
        this.root = root;
        this.config = config;
        this.data = Files.createTempDirectory("hg-bench");
        try (ServerSocket client = new ServerSocket(0); ServerSocket controller = new ServerSocket(0)) {
            this.kafkaPort = client.getLocalPort();
            this.kafkaControllerPort = controller.getLocalPort();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeQuietly, "stop-bench-stack"));
    }

    public Path data() {
        return data;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + ports.get("gateway");
    }

    public Startup startup() {
        return startup;
    }

    public int executors() {
        return (int) processes.keySet().stream().filter(n -> n.startsWith("executor-")).count();
    }

    /** Starts the broker, then all services at once, and waits until each answers its readiness check. */
    public Startup start() throws Exception {
        try {
            long t0 = System.nanoTime();
            kafka("start", String.valueOf(kafkaPort), String.valueOf(kafkaControllerPort));
            long t1 = System.nanoTime();
            Map<String, Long> launched = new LinkedHashMap<>();
            launched.put("planner", launch("planner", "planner-service", Map.of()));
            launched.put("selector", launch("selector", "selector-service", Map.of()));
            for (int i = 1; i <= config.executors(); i++) {
                launched.put("executor-" + i, launch("executor-" + i, "executor-service", executorEnv(i, config.executorEnv())));
            }
            launched.put("gateway", launch("gateway", "gateway", Map.of("HG_API_KEYS", API_KEY + "=bench",
                    "HG_REQUESTS_PER_MINUTE", "10000000", "HG_MAX_CONCURRENT_REQUESTS", "1000000")));
            Map<String, Double> ready = awaitReady(launched);
            long t2 = System.nanoTime();
            startup = new Startup((t1 - t0) / 1e6, (t2 - t1) / 1e6, ready);
            return startup;
        } catch (Exception | Error e) {
            closeQuietly();
            throw e;
        }
    }

    private static Map<String, String> executorEnv(int i, Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("HG_EXECUTOR_ID", "executor-" + i);
        return all;
    }

    /** Stops every executor (gracefully: each says goodbye on hg.executors) and starts {@code count} new ones. */
    public void replaceExecutors(int count, Map<String, String> env) throws Exception {
        List<String> old = processes.keySet().stream().filter(n -> n.startsWith("executor-")).toList();
        for (String name : old) {
            processes.get(name).destroy();
        }
        for (String name : old) {
            Process p = processes.remove(name);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            ports.remove(name);
            managementPorts.remove(name);
        }
        Map<String, Long> launched = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            launched.put("executor-" + i, launch("executor-" + i, "executor-service", executorEnv(i, env)));
        }
        awaitReady(launched);
    }

    private long launch(String name, String module, Map<String, String> env) throws IOException {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (mvn -B install -DskipTests)");
        }
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(javaCommand()));
        command.addAll(config.jvmOptions());
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + managementPort, "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve(name + ".log").toFile()));
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort);
        builder.environment().put("HG_RESOURCES_DIR", data.resolve("resources").toString());
        builder.environment().putAll(config.commonEnv());
        builder.environment().putAll(env);
        long launched = System.nanoTime();
        processes.put(name, builder.start());
        ports.put(name, port);
        managementPorts.put(name, managementPort);
        return launched;
    }

    private Map<String, Double> awaitReady(Map<String, Long> launched) throws Exception {
        Map<String, Double> ready = new LinkedHashMap<>();
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (ready.size() < launched.size()) {
            for (Map.Entry<String, Long> service : launched.entrySet()) {
                String name = service.getKey();
                if (ready.containsKey(name)) {
                    continue;
                }
                if (!processes.get(name).isAlive()) {
                    throw new IllegalStateException(name + " exited during start; log: " + data.resolve(name + ".log"));
                }
                if (isReady(managementPorts.get(name))) {
                    ready.put(name, (System.nanoTime() - service.getValue()) / 1e6);
                }
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("not ready in 3 minutes: " + launched.keySet().stream()
                        .filter(n -> !ready.containsKey(n)).toList() + "; logs in " + data);
            }
            Thread.sleep(50);
        }
        return ready;
    }

    private boolean isReady(int port) throws InterruptedException {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Every process of the stack, the broker first; Kafka's pid comes from kafka.sh's pid file. */
    public List<Memory> memory() throws IOException {
        List<Memory> memory = new ArrayList<>();
        Path kafkaPid = data.resolve("kafka/kafka.pid");
        if (Files.exists(kafkaPid)) {
            memory.add(memoryOf("kafka broker", Long.parseLong(Files.readString(kafkaPid).strip())));
        }
        for (Map.Entry<String, Process> p : processes.entrySet()) {
            memory.add(memoryOf(p.getKey(), p.getValue().pid()));
        }
        return memory;
    }

    /** CPU time (user + system, ms) each process of the stack has used so far, and this process's own as "load generator". */
    public Map<String, Double> cpuMillis() throws IOException {
        Map<String, Double> cpu = new LinkedHashMap<>();
        Path kafkaPid = data.resolve("kafka/kafka.pid");
        if (Files.exists(kafkaPid)) {
            cpu.put("kafka broker", cpuOf(Long.parseLong(Files.readString(kafkaPid).strip())));
        }
        for (Map.Entry<String, Process> p : processes.entrySet()) {
            cpu.put(p.getKey(), cpuOf(p.getValue().pid()));
        }
        cpu.put("load generator", cpuOf(ProcessHandle.current().pid()));
        return cpu;
    }

    static double cpuOf(long pid) throws IOException {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        return Files.exists(stat) ? parseStatCpuMillis(Files.readString(stat), CLOCK_TICKS) : Double.NaN;
    }

    /** utime + stime (fields 14 and 15 of /proc/PID/stat, counted after the parenthesized command name), in ms. */
    static double parseStatCpuMillis(String stat, int ticksPerSecond) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000.0 / ticksPerSecond;
    }

    private static final int CLOCK_TICKS = clockTicks();

    private static int clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
            return Integer.parseInt(new String(p.getInputStream().readAllBytes()).strip());
        } catch (IOException | RuntimeException e) {
            return 100;
        }
    }

    static Memory memoryOf(String name, long pid) throws IOException {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        if (!Files.exists(status)) {
            return new Memory(name, -1, -1);
        }
        return parseStatus(name, Files.readAllLines(status));
    }

    static Memory parseStatus(String name, List<String> lines) {
        long rss = -1;
        long peak = -1;
        for (String line : lines) {
            if (line.startsWith("VmRSS:")) {
                rss = kb(line);
            } else if (line.startsWith("VmHWM:")) {
                peak = kb(line);
            }
        }
        return new Memory(name, rss, peak);
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    private void kafka(String command, String... args) throws Exception {
        List<String> line = new ArrayList<>(List.of("bash", root.resolve("deploy/local/kafka.sh").toString(), command,
                data.resolve("kafka").toString()));
        line.addAll(List.of(args));
        Process p = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("kafka.sh.log").toFile())).start();
        if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("kafka.sh " + command + " failed; see " + data.resolve("kafka.sh.log"));
        }
    }

    /** The JVM of deploy/local/up.sh and kafka.sh: JAVA_HOME's when set, else java on the PATH. */
    static String javaCommand() {
        String home = System.getenv("JAVA_HOME");
        return home == null || home.isBlank() ? "java" : Path.of(home, "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (Exception e) {
            // best effort: nothing may outlive the benchmark
        }
    }

    /** Stops the services (SIGTERM, then SIGKILL after 20 s), then the broker. */
    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        for (Process p : processes.values()) {
            p.destroy();
        }
        for (Process p : processes.values()) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        }
        kafka("stop");
    }
}

package dev.hugginggpt.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * The broker(s) and the services as containers of the locally built images (deploy/images/build.sh), on a Docker
 * network of their own, the resource store a named volume shared by the gateway and the executors. Every container
 * runs with an init process (docker run --init), which reaps the programs an executor's killed tasks leave behind.
 * Nothing is pulled: an image that is not loaded fails the start. Closing it writes each container's log to
 * e2e/target/containers/ and removes the containers, the network and the volume.
 */
final class ContainerStack implements AutoCloseable {
    static final String VERSION = System.getProperty("hg.images.version", "0.1.0-SNAPSHOT");
    static final String API_KEY = "containers-test-key";
    static final String CLUSTER_ID = "Y29udGFpbmVycy10ZXN0IQ";
    static final Path ROOT = Path.of(System.getProperty("hg.root", "..")).toAbsolutePath().normalize();
    private static final ImagePullPolicy NEVER_PULL = image -> false;
    private static final Duration START_LIMIT = Duration.ofMinutes(6);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Network network = Network.newNetwork();
    private final String volume = "hg-resources-" + run;
    private final Map<String, GenericContainer<?>> containers = new LinkedHashMap<>();
    private final Map<String, Double> readySeconds = new LinkedHashMap<>();
    private final String bootstrap;

    ContainerStack(List<String> brokers) {
        this.bootstrap = String.join(",", brokers.stream().map(b -> b + ":9092").toList());
    }

    static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    /** A KRaft node (broker and controller) of the cluster whose voters are given. */
    GenericContainer<?> broker(String alias, int nodeId, String voters, String topics, Map<String, String> settings) {
        GenericContainer<?> broker = container("kafka", alias)
                .withEnv("KAFKA_NODE_ID", String.valueOf(nodeId))
                .withEnv("KAFKA_PROCESS_ROLES", "broker,controller")
                .withEnv("KAFKA_CONTROLLER_QUORUM_VOTERS", voters)
                .withEnv("KAFKA_CLUSTER_ID", CLUSTER_ID)
                .withEnv("KAFKA_ADVERTISED_HOST", alias)
                .withEnv("KAFKA_TOPICS", topics)
                .withEnv("JAVA_TOOL_OPTIONS", "-Xms128m -Xmx512m")
                .waitingFor(Wait.forSuccessfulCommand("test -f /dev/shm/kafka-ready").withStartupTimeout(START_LIMIT));
        settings.forEach((name, value) -> broker.withEnv("KAFKA_CFG_" + name.toUpperCase().replace('.', '_'), value));
        containers.put(alias, broker);
        return broker;
    }

    /** A service of the four, on its image's ports, ready when its readiness check (management port) says so. */
    GenericContainer<?> service(String image, String alias, int port, Map<String, String> env) {
        GenericContainer<?> service = container(image, alias)
                .withEnv("KAFKA_BOOTSTRAP_SERVERS", bootstrap)
                .withEnv("HG_RESOURCES_DIR", "/data/resources")
                .withEnv("HG_TASK_PARTITIONS", "24")
                .withEnv("JAVA_TOOL_OPTIONS", "-Xms64m -Xmx512m -XX:+UseSerialGC")
                .withEnv(env)
                .withExposedPorts(port, port + 1000)
                .waitingFor(Wait.forHttp("/q/health/ready").forPort(port + 1000).forStatusCode(200)
                        .withStartupTimeout(START_LIMIT));
        containers.put(alias, service);
        return service;
    }

    /** The planner, the selector, the given executors and the gateway (API key {@link #API_KEY}). */
    void services(int executors) {
        service("planner-service", "planner", 8081, Map.of());
        service("selector-service", "selector", 8082, Map.of());
        for (int i = 1; i <= executors; i++) {
            service("executor-service", "executor-" + i, 8083, Map.of("HG_EXECUTOR_ID", "executor-" + i));
        }
        service("gateway", "gateway", 8080, Map.of("HG_API_KEYS", API_KEY + "=containers",
                "HG_MAX_CONCURRENT_REQUESTS", "1000", "HG_REQUESTS_PER_MINUTE", "100000"));
    }

    private GenericContainer<?> container(String image, String alias) {
        boolean storesResources = image.equals("gateway") || image.equals("executor-service");
        return new GenericContainer<>(DockerImageName.parse("hugginggpt/" + image + ":" + VERSION))
                .withImagePullPolicy(NEVER_PULL)
                .withNetwork(network)
                .withNetworkAliases(alias)
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withName("hg-" + run + "-" + alias).withHostName(alias);
                    cmd.getHostConfig().withInit(true);
                    if (storesResources) {
                        cmd.getHostConfig().withBinds(new Bind(volume, new Volume("/data/resources")));
                    }
                });
    }

    /** Starts the named containers together and waits until each is ready; records each one's seconds to ready. */
    void startTogether(List<String> aliases) {
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (String alias : aliases) {
            GenericContainer<?> container = containers.get(alias);
            starts.add(CompletableFuture.runAsync(() -> {
                long started = System.nanoTime();
                container.start();
                readySeconds.put(alias, (System.nanoTime() - started) / 1e9);
            }));
        }
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
    }

    Map<String, Double> readySeconds() {
        return readySeconds;
    }

    String gateway() {
        GenericContainer<?> gateway = containers.get("gateway");
        return "http://" + gateway.getHost() + ":" + gateway.getMappedPort(8080);
    }

    GenericContainer<?> get(String alias) {
        return containers.get(alias);
    }

    /** docker kill: SIGKILL, no goodbye. */
    void kill(String alias) {
        docker().killContainerCmd(containers.get(alias).getContainerId()).exec();
    }

    /** docker stop: SIGTERM, then SIGKILL after 30 s. */
    void stop(String alias) {
        docker().stopContainerCmd(containers.get(alias).getContainerId()).withTimeout(30).exec();
    }

    /** docker start of a stopped broker, then waits until it is ready again; returns the seconds that took. */
    double startBrokerAgain(String alias) throws Exception {
        long started = System.nanoTime();
        GenericContainer<?> broker = containers.get(alias);
        docker().startContainerCmd(broker.getContainerId()).exec();
        long deadline = started + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            try {
                if (broker.execInContainer("test", "-f", "/dev/shm/kafka-ready").getExitCode() == 0) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (Exception e) {
                // the container is still starting
            }
        }
        throw new IllegalStateException(alias + " was not ready again within " + START_LIMIT);
    }

    /** The node id of the active KRaft controller (the quorum's leader), asked inside a broker's container. */
    int quorumLeader(String alias) throws Exception {
        Container.ExecResult status = containers.get(alias).execInContainer("java", "-Xmx128m", "-cp", "/opt/kafka/libs/*",
                "org.apache.kafka.tools.MetadataQuorumCommand", "--bootstrap-server", "localhost:9092", "describe", "--status");
        for (String line : status.getStdout().split("\n")) {
            if (line.startsWith("LeaderId:")) {
                return Integer.parseInt(line.substring("LeaderId:".length()).strip());
            }
        }
        throw new IllegalStateException("no LeaderId in: " + status.getStdout() + status.getStderr());
    }

    /** docker stats of this stack's containers: name and memory in use, one a line. */
    String memory() throws Exception {
        Process stats = new ProcessBuilder("docker", "stats", "--no-stream", "--format", "{{.Name}}\t{{.MemUsage}}")
                .redirectErrorStream(true).start();
        String out = new String(stats.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        stats.waitFor(60, TimeUnit.SECONDS);
        StringBuilder ours = new StringBuilder();
        for (String line : out.split("\n")) {
            if (line.startsWith("hg-" + run + "-")) {
                ours.append(line.substring(("hg-" + run + "-").length())).append('\n');
            }
        }
        return ours.toString();
    }

    /**
     * The topics as deploy/k8s/base/kafka/topics.yaml declares them, as the Kafka image's KAFKA_TOPICS: partitions,
     * replicas (at most {@code brokers}) and settings (min.insync.replicas only where the replicas allow it).
     */
    static String declaredTopics(int brokers) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> topics = new ArrayList<>();
        try (var docs = yaml.readerFor(JsonNode.class).<JsonNode>readValues(ROOT.resolve("deploy/k8s/base/kafka/topics.yaml").toFile())) {
            while (docs.hasNext()) {
                JsonNode topic = docs.next();
                if (topic == null || !"KafkaTopic".equals(topic.path("kind").asText())) {
                    continue;
                }
                int replicas = Math.min(brokers, topic.path("spec").path("replicas").asInt(1));
                List<String> settings = new ArrayList<>();
                topic.path("spec").path("config").properties().forEach(e -> {
                    if (!e.getKey().equals("min.insync.replicas") || replicas > 1) {
                        settings.add(e.getKey() + "=" + e.getValue().asText());
                    }
                });
                topics.add(topic.path("metadata").path("name").asText() + ":" + topic.path("spec").path("partitions").asInt()
                        + ":" + replicas + ":" + String.join(";", settings));
            }
        }
        return String.join(" ", topics);
    }

    /** The cluster settings deploy/k8s/base/kafka/kafka.yaml gives the brokers. */
    static Map<String, String> declaredBrokerSettings() throws IOException {
        JsonNode kafka = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("deploy/k8s/base/kafka/kafka.yaml").toFile());
        Map<String, String> settings = new LinkedHashMap<>();
        kafka.path("spec").path("kafka").path("config").properties().forEach(e -> settings.put(e.getKey(), e.getValue().asText()));
        return settings;
    }

    @Override
    public void close() throws Exception {
        Path logs = ROOT.resolve("e2e/target/containers/" + run);
        Files.createDirectories(logs);
        for (Map.Entry<String, GenericContainer<?>> entry : containers.entrySet()) {
            GenericContainer<?> container = entry.getValue();
            try {
                if (container.getContainerId() != null) {
                    Files.writeString(logs.resolve(entry.getKey() + ".log"), container.getLogs());
                }
            } catch (Exception e) {
                System.out.println("no log of " + entry.getKey() + ": " + e);
            }
            container.stop();
        }
        network.close();
        try {
            docker().removeVolumeCmd(volume).exec();
        } catch (Exception e) {
            System.out.println("volume " + volume + " not removed: " + e.getMessage());
        }
        System.out.println("container logs in " + logs);
    }
}

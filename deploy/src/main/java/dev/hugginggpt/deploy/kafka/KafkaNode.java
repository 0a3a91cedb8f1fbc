package dev.hugginggpt.deploy.kafka;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The entrypoint of the Kafka image: one KRaft node configured from its environment, its storage formatted on first
 * start, the broker run in this JVM (the container's main process), and the topics it is told of created once enough
 * brokers are up. Environment:
 * <pre>
 *   KAFKA_NODE_ID                    1
 *   KAFKA_PROCESS_ROLES              broker,controller  (or broker, or controller)
 *   KAFKA_CONTROLLER_QUORUM_VOTERS   ID@HOST:9093,...   (default: this node alone, ID@HOSTNAME:9093)
 *   KAFKA_CLUSTER_ID                 the same on every node of a cluster (default: a fixed id, for one node)
 *   KAFKA_ADVERTISED_HOST            the name clients reach this broker by (default: the host name)
 *   KAFKA_TOPICS                     NAME:PARTITIONS[:REPLICAS[:KEY=VALUE;KEY=VALUE...]] separated by spaces or commas
 *   KAFKA_CFG_SOME_SETTING=value     any broker setting (some.setting=value), overriding the defaults below
 * </pre>
 * Listeners: clients on 9092, the controllers on 9093. Data in /var/lib/kafka (a volume). Ready, for a health check,
 * when /dev/shm/kafka-ready exists: this broker registered and every topic of KAFKA_TOPICS created (a controller-only
 * node once it runs). /dev/shm is a memory file system the container gets anew at each start, so a restarted
 * container is not ready until this start has written it.
 */
public final class KafkaNode {
    public static final int CLIENT_PORT = 9092;
    public static final int CONTROLLER_PORT = 9093;
    public static final Path DATA = Path.of("/var/lib/kafka");
    public static final Path READY = Path.of("/dev/shm/kafka-ready");
    /** A valid cluster id (16 bytes, base64): one node needs no id of its own; several need the same one. */
    static final String DEFAULT_CLUSTER_ID = "aHVnZ2luZ2dwdC1rYWZrYQ";

    private KafkaNode() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path data = Path.of(env.getOrDefault("KAFKA_DATA_DIR", DATA.toString()));
        Files.deleteIfExists(READY);
        Files.createDirectories(data);
        String host = InetAddress.getLocalHost().getHostName();
        Map<String, String> settings = settings(env, host, data);
        Path properties = data.resolve("server.properties");
        Files.writeString(properties, render(settings));
        if (!Files.exists(data.resolve("log/meta.properties"))) {
            format(properties, env.getOrDefault("KAFKA_CLUSTER_ID", DEFAULT_CLUSTER_ID));
        }
        List<NewTopic> topics = topics(env.getOrDefault("KAFKA_TOPICS", ""));
        boolean broker = settings.get("process.roles").contains("broker");
        int id = Integer.parseInt(settings.get("node.id"));
        Thread ready = new Thread(() -> announceReady(broker, id, topics), "kafka-ready");
        ready.setDaemon(true);
        ready.start();
        kafka.Kafka.main(new String[] {properties.toString()});
    }

    /** The broker's settings: defaults for one host's containers, then KAFKA_CFG_* from the environment. */
    static Map<String, String> settings(Map<String, String> env, String host, Path data) {
        String id = env.getOrDefault("KAFKA_NODE_ID", "1");
        String roles = env.getOrDefault("KAFKA_PROCESS_ROLES", "broker,controller");
        String advertised = env.getOrDefault("KAFKA_ADVERTISED_HOST", host);
        Map<String, String> s = new LinkedHashMap<>();
        s.put("node.id", id);
        s.put("process.roles", roles);
        s.put("controller.quorum.voters", env.getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", id + "@" + host + ":" + CONTROLLER_PORT));
        s.put("controller.listener.names", "CONTROLLER");
        List<String> listeners = new ArrayList<>();
        if (roles.contains("broker")) {
            listeners.add("PLAINTEXT://0.0.0.0:" + CLIENT_PORT);
            s.put("advertised.listeners", "PLAINTEXT://" + advertised + ":" + CLIENT_PORT);
            s.put("inter.broker.listener.name", "PLAINTEXT");
        }
        if (roles.contains("controller")) {
            listeners.add("CONTROLLER://0.0.0.0:" + CONTROLLER_PORT);
        }
        s.put("listeners", String.join(",", listeners));
        s.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        s.put("log.dirs", data.resolve("log").toString());
        s.put("num.partitions", "4");
        s.put("offsets.topic.replication.factor", "1");
        s.put("transaction.state.log.replication.factor", "1");
        s.put("transaction.state.log.min.isr", "1");
        s.put("share.coordinator.state.topic.replication.factor", "1");
        s.put("group.initial.rebalance.delay.ms", "0");
        s.put("auto.create.topics.enable", "false");
        s.put("num.network.threads", "2");
        s.put("num.io.threads", "2");
        env.forEach((name, value) -> {
            if (name.startsWith("KAFKA_CFG_")) {
                s.put(name.substring("KAFKA_CFG_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return s;
    }

    static String render(Map<String, String> settings) {
        StringBuilder text = new StringBuilder();
        settings.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    /** NAME:PARTITIONS[:REPLICAS[:KEY=VALUE;KEY=VALUE]], separated by spaces or commas. */
    static List<NewTopic> topics(String spec) {
        List<NewTopic> topics = new ArrayList<>();
        for (String entry : spec.trim().split("[\\s,]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split(":", 4);
            if (parts.length < 2) {
                throw new IllegalArgumentException("KAFKA_TOPICS: '" + entry + "' is not NAME:PARTITIONS[:REPLICAS[:CONFIG]]");
            }
            short replicas = parts.length > 2 ? Short.parseShort(parts[2]) : 1;
            NewTopic topic = new NewTopic(parts[0], Integer.parseInt(parts[1]), replicas);
            if (parts.length > 3 && !parts[3].isEmpty()) {
                Map<String, String> configs = new LinkedHashMap<>();
                for (String setting : parts[3].split(";")) {
                    String[] kv = setting.split("=", 2);
                    if (kv.length != 2) {
                        throw new IllegalArgumentException("KAFKA_TOPICS: '" + setting + "' in '" + entry + "' is not KEY=VALUE");
                    }
                    configs.put(kv[0], kv[1]);
                }
                topic.configs(configs);
            }
            topics.add(topic);
        }
        return topics;
    }

    /** Formats the log directory for KRaft, in a JVM of its own (the storage tool ends its JVM when done). */
    private static void format(Path properties, String clusterId) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process tool = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", properties.toString(), "--ignore-formatted")
                .inheritIO().start();
        if (tool.waitFor() != 0) {
            throw new IllegalStateException("formatting the storage failed (exit " + tool.exitValue() + ")");
        }
    }

    /**
     * Writes the ready file once this broker is listed among the live brokers and the topics exist; creating a topic
     * whose replicas outnumber the live brokers is retried until enough of them are up.
     */
    private static void announceReady(boolean broker, int id, List<NewTopic> topics) {
        try {
            if (broker) {
                Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + CLIENT_PORT,
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
                try (Admin admin = Admin.create(config)) {
                    while (!created(admin, id, topics)) {
                        Thread.sleep(500);
                    }
                }
            }
            Files.writeString(READY, "ready\n");
            System.out.println("kafka-node: ready; topics " + topics.stream().map(NewTopic::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            System.err.println("kafka-node: could not write " + READY + ": " + e);
        }
    }

    private static boolean created(Admin admin, int id, List<NewTopic> topics) {
        try {
            Set<Integer> live = new HashSet<>();
            for (Node node : admin.describeCluster().nodes().get(5, TimeUnit.SECONDS)) {
                live.add(node.id());
            }
            if (!live.contains(id)) {
                return false;
            }
            Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return true;
            }
            for (KafkaFuture<Void> result : admin.createTopics(missing).values().values()) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}

package dev.hugginggpt.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hugginggpt.deploy.images.ServiceImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a schema cannot see: the objects of an overlay fit each other and the services' own
 * configuration (ports, health endpoints, topics, environment variables).
 */
class OverlayConsistencyTest {
    static final Path ROOT = Kustomize.K8S.toAbsolutePath().getParent().getParent();
    /** The services of the images deploy/images/build.sh builds, and the ports their images expose. */
    static final Map<String, Integer> PORTS = ServiceImages.SERVICES.stream()
            .collect(Collectors.toMap(ServiceImages.Service::name, ServiceImages.Service::port));
    /** The ports of their management interfaces (health checks, metrics), which the images expose too. */
    static final Map<String, Integer> MANAGEMENT_PORTS = ServiceImages.SERVICES.stream()
            .collect(Collectors.toMap(ServiceImages.Service::name, ServiceImages.Service::managementPort));
    static final Set<String> WITH_STORE = Set.of("gateway", "executor-service");

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void servicesRunTheirImagesWithProbesResourcesAndSettings(String overlay) {
        Rendered r = new Rendered(Kustomize.render(Kustomize.K8S.resolve(overlay)));
        assertEquals(PORTS.keySet(), r.names("Deployment"));
        String version = projectVersion();
        for (var entry : PORTS.entrySet()) {
            String name = entry.getKey();
            JsonNode pod = r.get("Deployment", name).at("/spec/template");
            JsonNode container = pod.at("/spec/containers/0");
            assertEquals(1, pod.at("/spec/containers").size(), name);
            String image = ServiceImages.SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().image(version);
            assertEquals(image, container.path("image").asText(), name + " runs the image build.sh makes");
            assertEquals(entry.getValue(), port(container, "http"), name + " listens where Quarkus does");
            int management = MANAGEMENT_PORTS.get(name);
            assertEquals("true", property(name, "quarkus.management.enabled"), name + " serves health and metrics apart");
            assertEquals(String.valueOf(management), property(name, "quarkus.management.port"), name);
            assertEquals(management, port(container, "management"), name + ": health and metrics where Quarkus serves them");
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText(), name);
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText(), name);
            assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText(), name);
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                assertEquals("management", container.at("/" + probe + "/httpGet/port").asText(), name + " " + probe);
            }
            JsonNode scrape = pod.at("/metadata/annotations");
            assertEquals("true", scrape.path("prometheus.io/scrape").asText(), name);
            assertEquals("/q/metrics", scrape.path("prometheus.io/path").asText(), name);
            assertEquals(String.valueOf(management), scrape.path("prometheus.io/port").asText(), name + " is scraped where its metrics are");
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    assertFalse(container.at("/resources/" + bound + "/" + resource).asText().isEmpty(),
                            name + " " + bound + " " + resource);
                }
            }
            Set<String> refs = new TreeSet<>();
            container.path("envFrom").forEach(from -> {
                if (from.has("configMapRef")) {
                    refs.add("ConfigMap/" + r.get("ConfigMap", from.at("/configMapRef/name").asText()).at("/metadata/name").asText());
                }
                if (from.has("secretRef")) {
                    refs.add("Secret/" + r.get("Secret", from.at("/secretRef/name").asText()).at("/metadata/name").asText());
                }
            });
            assertEquals(Set.of("ConfigMap/hugginggpt-settings", "Secret/hugginggpt-secrets"), refs, name);

            Set<String> mounts = new HashSet<>();
            container.path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asText()));
            if (WITH_STORE.contains(name)) {
                assertEquals(Set.of(r.setting("HG_RESOURCES_DIR")), mounts, name + " mounts the resource store");
                String claim = pod.at("/spec/volumes/0/persistentVolumeClaim/claimName").asText();
                assertEquals(List.of("ReadWriteMany"), List.of(text(r.get("PersistentVolumeClaim", claim).at("/spec/accessModes"))));
            } else {
                assertEquals(Set.of(), mounts, name);
            }

            JsonNode service = r.get("Service", name);
            assertEquals(pod.at("/metadata/labels"), merged(pod.at("/metadata/labels"), service.at("/spec/selector")),
                    name + ": the Service selects the pods");
            assertEquals(1, service.at("/spec/ports").size(), name + ": the Service exposes the API only, not health or metrics");
            assertEquals(entry.getValue(), service.at("/spec/ports/0/port").asInt(), name);
            assertEquals("http", service.at("/spec/ports/0/targetPort").asText(), name);
            assertEquals(r.get("Deployment", name).at("/spec/selector/matchLabels"),
                    merged(pod.at("/metadata/labels"), r.get("Deployment", name).at("/spec/selector/matchLabels")), name);
        }
        JsonNode executorId = StreamSupport.stream(r.get("Deployment", "executor-service").at("/spec/template/spec/containers/0/env")
                .spliterator(), false).filter(env -> env.path("name").asText().equals("HG_EXECUTOR_ID")).findFirst().orElseThrow();
        assertEquals("metadata.name", executorId.at("/valueFrom/fieldRef/fieldPath").asText(), "an executor is named after its pod");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void topicsClusterAndSettingsAgree(String overlay) {
        Rendered r = new Rendered(Kustomize.render(Kustomize.K8S.resolve(overlay)));
        assertEquals(topicsTheServicesUse(), r.names("KafkaTopic"));
        JsonNode kafka = r.only("Kafka");
        String cluster = kafka.at("/metadata/name").asText();
        JsonNode listener = r.clientListener();
        assertEquals("internal", listener.path("type").asText(), "the services are in the cluster");
        assertEquals(cluster + "-kafka-bootstrap:" + listener.path("port").asInt(), r.setting("KAFKA_BOOTSTRAP_SERVERS"));

        int brokers = 0;
        boolean controllers = false;
        for (JsonNode pool : r.all("KafkaNodePool")) {
            assertEquals(cluster, pool.at("/metadata/labels/strimzi.io~1cluster").asText(), Kustomize.id(pool));
            Set<String> roles = Set.of(text(pool.at("/spec/roles")));
            if (roles.contains("broker")) {
                brokers += pool.at("/spec/replicas").asInt();
            }
            controllers |= roles.contains("controller");
        }
        assertTrue(controllers, "a pool has the controller role (KRaft)");
        int minIsr = kafka.at("/spec/kafka/config/min.insync.replicas").asInt();
        assertTrue(minIsr >= 1 && minIsr <= brokers, "min.insync.replicas " + minIsr + " with " + brokers + " brokers");
        for (String factor : List.of("offsets.topic.replication.factor", "default.replication.factor",
                "transaction.state.log.replication.factor")) {
            assertTrue(kafka.at("/spec/kafka/config/" + factor).asInt() <= brokers, factor);
        }

        for (JsonNode topic : r.all("KafkaTopic")) {
            String id = Kustomize.id(topic);
            assertEquals(cluster, topic.at("/metadata/labels/strimzi.io~1cluster").asText(), id);
            int replicas = topic.at("/spec/replicas").asInt();
            assertTrue(replicas >= 1 && replicas <= brokers, id + " replicas " + replicas + " with " + brokers + " brokers");
            int isr = topic.at("/spec/config/min.insync.replicas").asInt();
            assertTrue(isr >= 1 && (isr < replicas || replicas == 1), id + " survives a broker loss: min ISR " + isr);
        }
        int tasks = r.get("KafkaTopic", "hg.tasks").at("/spec/partitions").asInt();
        assertTrue(tasks >= 24, "hg.tasks partitions " + tasks);
        assertEquals(String.valueOf(tasks), r.setting("HG_TASK_PARTITIONS"), "the selector spreads over every partition");
        assertEquals(r.get("KafkaTopic", "hg.plans").at("/spec/partitions").asInt(),
                r.get("KafkaTopic", "hg.task-results").at("/spec/partitions").asInt(),
                "one selector instance sees a request's plan and its results");

        JsonNode hpa = r.only("HorizontalPodAutoscaler");
        assertEquals("Deployment/executor-service", hpa.at("/spec/scaleTargetRef/kind").asText() + "/"
                + hpa.at("/spec/scaleTargetRef/name").asText());
        assertTrue(hpa.at("/spec/minReplicas").asInt() >= 2, "at least two executors");
        int max = hpa.at("/spec/maxReplicas").asInt();
        assertTrue(max >= hpa.at("/spec/minReplicas").asInt() && max <= tasks, "executors beyond the partitions idle: " + max);
        assertEquals("cpu", hpa.at("/spec/metrics/0/resource/name").asText());

        JsonNode pdb = r.only("PodDisruptionBudget");
        JsonNode executorLabels = r.get("Deployment", "executor-service").at("/spec/template/metadata/labels");
        assertEquals(executorLabels, merged(executorLabels, pdb.at("/spec/selector/matchLabels")));
        assertTrue(pdb.at("/spec/minAvailable").asInt() < hpa.at("/spec/minReplicas").asInt(), "a node can still drain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everySettingIsOneTheServicesReadAndNoSecretIsCommitted(String overlay) {
        Rendered r = new Rendered(Kustomize.render(Kustomize.K8S.resolve(overlay)));
        String properties = serviceProperties();
        JsonNode secret = r.only("Secret");
        for (String key : r.settings()) {
            assertTrue(properties.contains("${" + key + ":"), key + " is read by no service");
        }
        assertFalse(secret.has("data"), "no encoded values");
        secret.path("stringData").fields().forEachRemaining(field ->
                assertEquals("", field.getValue().asText(), field.getKey() + " is a placeholder, never a key"));
        for (String key : List.of("HG_LLM_API_KEY", "HG_HUGGINGFACE_TOKEN", "HG_OPENAI_API_KEY", "HG_API_KEYS")) {
            assertTrue(secret.path("stringData").has(key), key);
            assertFalse(r.only("ConfigMap").path("data").has(key), key + " belongs in the Secret");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyVariableTheServicesReadIsSetInTheClusterOrSaysWhyNot(String overlay) {
        Rendered r = new Rendered(Kustomize.render(Kustomize.K8S.resolve(overlay)));
        Set<String> set = r.settings();
        r.get("Deployment", "executor-service").at("/spec/template/spec/containers/0/env")
                .forEach(env -> set.add(env.path("name").asText()));
        // HG_AUTH=off belongs to the local profile only; the ports are the images' own
        Set<String> notInTheCluster = Set.of("HG_AUTH", "GATEWAY_PORT", "PLANNER_PORT", "SELECTOR_PORT", "EXECUTOR_PORT");
        Set<String> missing = new TreeSet<>();
        Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):").matcher(serviceProperties()).results().map(m -> m.group(1))
                .filter(name -> !set.contains(name) && !notInTheCluster.contains(name)).forEach(missing::add);
        assertEquals(Set.of(), missing, "variables the services read that " + overlay + " leaves at the image's default");
    }

    /** Where every service's consumers send the records they cannot read or use. */
    static final String DEAD_LETTERS = "hg.dead-letters";

    /**
     * The topics named in the services' application.properties (channels, the selector's state topic, the connector's
     * dead-letter topic), and the dead-letter topic whether or not a service names it there yet.
     */
    static Set<String> topicsTheServicesUse() {
        var topic = Pattern.compile("(?m)^mp\\.messaging\\.[a-z]+\\.[a-z-]+\\.topics?=(\\S+)$");
        Set<String> topics = new TreeSet<>();
        topic.matcher(serviceProperties()).results().forEach(m -> topics.addAll(List.of(m.group(1).split(","))));
        Pattern.compile("(?m)^hg\\.selector\\.state-topic=(\\S+)$").matcher(serviceProperties()).results()
                .forEach(m -> topics.add(m.group(1)));
        Pattern.compile("(?m)^mp\\.messaging\\.[a-z.-]+\\.dead-letter-queue\\.topic=(\\S+)$").matcher(serviceProperties())
                .results().forEach(m -> assertEquals(DEAD_LETTERS, m.group(1), "the services dead-letter to one topic"));
        topics.add(DEAD_LETTERS);
        return topics;
    }

    static String serviceProperties() {
        return PORTS.keySet().stream().map(OverlayConsistencyTest::properties).collect(Collectors.joining("\n"));
    }

    /**
     * What one service reads: its application.properties, then the settings every service shares (protocol's
     * META-INF/microprofile-config.properties), which its own lines override.
     */
    static String properties(String service) {
        return read(ROOT.resolve(service + "/src/main/resources/application.properties")) + "\n"
                + read(ROOT.resolve("protocol/src/main/resources/META-INF/microprofile-config.properties"));
    }

    /** A property's value for a service (the profile-less line; its own before the shared one). */
    static String property(String service, String key) {
        var m = Pattern.compile("(?m)^" + Pattern.quote(key) + "=(.*)$").matcher(properties(service));
        assertTrue(m.find(), service + " sets " + key);
        return m.group(1).strip();
    }

    static String projectVersion() {
        var m = Pattern.compile("<artifactId>hugginggpt-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read(ROOT.resolve("pom.xml")));
        assertTrue(m.find());
        return m.group(1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port.path("containerPort").asInt();
            }
        }
        return -1;
    }

    private static String[] text(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toArray(String[]::new);
    }

    /** {@code labels} with {@code selector} laid over it: equal to labels when every selector pair is among them. */
    private static JsonNode merged(JsonNode labels, JsonNode selector) {
        assertFalse(selector.isEmpty(), "empty selector");
        ObjectNode result = labels.deepCopy();
        selector.fields().forEachRemaining(e -> result.set(e.getKey(), e.getValue()));
        return result;
    }

    /** The objects an overlay renders, found by kind and name. */
    record Rendered(List<ObjectNode> objects) {
        /** The variables of the ConfigMap and the Secret. */
        Set<String> settings() {
            Set<String> keys = new TreeSet<>();
            only("ConfigMap").path("data").fieldNames().forEachRemaining(keys::add);
            only("Secret").path("stringData").fieldNames().forEachRemaining(keys::add);
            return keys;
        }

        List<ObjectNode> all(String kind) {
            return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
        }

        Set<String> names(String kind) {
            return all(kind).stream().map(o -> o.at("/metadata/name").asText()).collect(Collectors.toCollection(TreeSet::new));
        }

        ObjectNode get(String kind, String name) {
            var found = all(kind).stream().filter(o -> o.at("/metadata/name").asText().equals(name)).toList();
            assertEquals(1, found.size(), kind + "/" + name);
            return found.get(0);
        }

        ObjectNode only(String kind) {
            assertEquals(1, all(kind).size(), kind);
            return all(kind).get(0);
        }

        /** The Kafka listener the services' bootstrap setting points at. */
        JsonNode clientListener() {
            String port = setting("KAFKA_BOOTSTRAP_SERVERS").replaceAll(".*:", "");
            return StreamSupport.stream(only("Kafka").at("/spec/kafka/listeners").spliterator(), false)
                    .filter(l -> String.valueOf(l.path("port").asInt()).equals(port)).findFirst()
                    .orElseThrow(() -> new AssertionError("no listener on the bootstrap port " + port));
        }

        String setting(String key) {
            JsonNode value = only("ConfigMap").path("data").get(key);
            assertNotNull(value, key);
            return value.asText();
        }
    }
}

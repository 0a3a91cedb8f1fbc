package dev.hugginggpt.deploy;

import static dev.hugginggpt.deploy.OverlayConsistencyTest.DEAD_LETTERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.deploy.OverlayConsistencyTest.Rendered;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may do what on the brokers (docs/security.md): in prod every listener authenticates, and each service logs in as
 * its own KafkaUser whose ACLs allow what the service does with each topic and nothing else.
 */
class KafkaAccessTest {
    /**
     * What each service does with each topic. The topics it reads are named in its application.properties, and this
     * test requires every one of them here; the topics it writes are named in its code (each record of its one outgoing
     * channel names its topic), so they are listed here as the services' code has them.
     */
    static final Map<String, Map<String, Set<String>>> TOPIC_OPERATIONS = Map.of(
            "planner-service", Map.of(
                    "hg.requests", Set.of("Read"),
                    "hg.executors", Set.of("Read"),
                    "hg.plans", Set.of("Write"),
                    "hg.events", Set.of("Write"),
                    DEAD_LETTERS, Set.of("Write")),
            "selector-service", Map.of(
                    "hg.plans", Set.of("Read"),
                    "hg.task-results", Set.of("Read"),
                    "hg.executors", Set.of("Read"),
                    "hg.tasks", Set.of("Write"),
                    "hg.events", Set.of("Write"),
                    "hg.outcomes", Set.of("Write"),
                    // cancels, to every executor
                    "hg.controls", Set.of("Write"),
                    // its DAG state, which it asks to create at start
                    "hg.selector-state", Set.of("Read", "Write", "Create"),
                    DEAD_LETTERS, Set.of("Write")),
            "executor-service", Map.of(
                    "hg.tasks", Set.of("Read"),
                    "hg.task-results", Set.of("Write"),
                    "hg.events", Set.of("Write"),
                    "hg.executors", Set.of("Write"),
                    // cancels, read by every instance
                    "hg.controls", Set.of("Read"),
                    DEAD_LETTERS, Set.of("Write")),
            "gateway", Map.of(
                    "hg.events", Set.of("Read", "Write"),
                    "hg.outcomes", Set.of("Read"),
                    // the dead letters fail the requests they name
                    DEAD_LETTERS, Set.of("Read", "Write"),
                    // it reads the topic's max.message.bytes to refuse requests too large for it
                    "hg.requests", Set.of("Write", "DescribeConfigs"),
                    // plans a client brought or approved, and cancels
                    "hg.plans", Set.of("Write"),
                    // the executors' heartbeats: the models a task can be run with
                    "hg.executors", Set.of("Read")));

    /** Stands for {@code ${quarkus.uuid}}, which names the groups of which each instance has its own. */
    private static final String SOME_UUID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @Test
    void prodAuthenticatesEveryConnectionAndAuthorizesEveryRequest() {
        Rendered prod = render("overlays/prod");
        JsonNode kafka = prod.only("Kafka");
        for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
            assertEquals("scram-sha-512", listener.at("/authentication/type").asText(),
                    "listener " + listener.path("name").asText() + " lets no one in unauthenticated");
            assertTrue(listener.path("tls").asBoolean(), "passwords and records travel encrypted: " + listener);
        }
        assertEquals("simple", kafka.at("/spec/kafka/authorization/type").asText(), "the brokers apply the users' ACLs");
        assertTrue(kafka.at("/spec/entityOperator").has("userOperator"), "the User Operator turns KafkaUsers into users");
        assertEquals(TOPIC_OPERATIONS.keySet(), prod.names("KafkaUser"), "one KafkaUser per service");
    }

    @Test
    void eachServicesUserMayDoWhatTheServiceDoesAndNothingElse() {
        Rendered prod = render("overlays/prod");
        String cluster = prod.only("Kafka").at("/metadata/name").asText();
        Set<String> topics = prod.names("KafkaTopic");
        for (String service : TOPIC_OPERATIONS.keySet()) {
            JsonNode user = prod.get("KafkaUser", service);
            assertEquals(cluster, user.at("/metadata/labels/strimzi.io~1cluster").asText(), service);
            assertEquals("scram-sha-512", user.at("/spec/authentication/type").asText(), service);
            assertEquals("simple", user.at("/spec/authorization/type").asText(), service);

            Map<String, Set<String>> allowed = new TreeMap<>();
            List<JsonNode> groupAcls = new ArrayList<>();
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                assertEquals("*", acl.path("host").asText("*"), service + ": from any pod");
                assertFalse(acl.has("type") && !acl.path("type").asText().equals("allow"), service + ": allow rules only");
                JsonNode resource = acl.path("resource");
                switch (resource.path("type").asText()) {
                    case "topic" -> {
                        assertEquals("literal", resource.path("patternType").asText(), service + ": topics by their names");
                        assertTrue(topics.contains(resource.path("name").asText()), service + ": a declared topic: " + resource);
                        for (JsonNode operation : acl.path("operations")) {
                            allowed.computeIfAbsent(resource.path("name").asText(), t -> new TreeSet<>()).add(operation.asText());
                        }
                    }
                    case "group" -> {
                        assertEquals(List.of("Read"), texts(acl.path("operations")), service + ": consumes with its groups");
                        groupAcls.add(resource);
                    }
                    default -> throw new AssertionError(service + ": an ACL on neither a topic nor a group: " + acl);
                }
            }
            assertEquals(sorted(TOPIC_OPERATIONS.get(service)), allowed, service + "'s topic ACLs");

            Set<String> groups = consumerGroups(service);
            for (String group : groups) {
                assertTrue(groupAcls.stream().anyMatch(r -> covers(r, group)), service + " may use its group " + group);
            }
            for (JsonNode acl : groupAcls) {
                assertTrue(groups.stream().anyMatch(g -> covers(acl, g)), service + ": a group ACL it needs: " + acl);
            }
        }
    }

    @Test
    void everyTopicAServiceConsumesIsAmongWhatItReads() {
        for (String service : TOPIC_OPERATIONS.keySet()) {
            String properties = OverlayConsistencyTest.properties(service);
            Set<String> consumed = new TreeSet<>();
            Pattern.compile("(?m)^mp\\.messaging\\.incoming\\.[a-z-]+\\.topics?=(\\S+)$").matcher(properties).results()
                    .forEach(m -> consumed.addAll(List.of(m.group(1).split(","))));
            Pattern.compile("(?m)^hg\\.selector\\.state-topic=(\\S+)$").matcher(properties).results()
                    .forEach(m -> consumed.add(m.group(1)));
            assertFalse(consumed.isEmpty(), service + " consumes something");
            for (String topic : consumed) {
                assertTrue(TOPIC_OPERATIONS.get(service).getOrDefault(topic, Set.of()).contains("Read"), service + " reads " + topic);
            }
            assertTrue(TOPIC_OPERATIONS.get(service).get(DEAD_LETTERS).contains("Write"), service + " dead-letters");
        }
    }

    /**
     * A service's Kafka clients log in where the brokers ask them to: as its own user, by the listener's mechanism, over
     * TLS trusting the cluster's CA when the listener is TLS; and a cluster without authentication gets no credentials.
     */
    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void theServicesLogInAsTheListenerRequires(String overlay) {
        Rendered r = render(overlay);
        JsonNode listener = r.clientListener();
        String cluster = r.only("Kafka").at("/metadata/name").asText();
        boolean authenticated = listener.has("authentication");
        boolean tls = listener.path("tls").asBoolean();
        for (String service : TOPIC_OPERATIONS.keySet()) {
            Map<String, JsonNode> env = env(r.get("Deployment", service));
            if (!authenticated) {
                assertTrue(env.keySet().stream().noneMatch(name -> name.startsWith("KAFKA_")), service + " in " + overlay);
                assertTrue(r.all("KafkaUser").isEmpty(), overlay + " has no users to log in as");
                continue;
            }
            assertEquals("scram-sha-512", listener.at("/authentication/type").asText(), "the mechanism the services speak");
            assertEquals(tls ? "SASL_SSL" : "SASL_PLAINTEXT", value(env, "KAFKA_SECURITY_PROTOCOL"), service);
            assertEquals("SCRAM-SHA-512", value(env, "KAFKA_SASL_MECHANISM"), service);
            JsonNode jaas = env.get("KAFKA_SASL_JAAS_CONFIG").at("/valueFrom/secretKeyRef");
            assertEquals(r.get("KafkaUser", service).at("/metadata/name").asText(), jaas.path("name").asText(),
                    service + " logs in as its own user, from the Secret Strimzi writes for it");
            assertEquals("sasl.jaas.config", jaas.path("key").asText(), service);
            if (tls) {
                assertEquals("PEM", value(env, "KAFKA_SSL_TRUSTSTORE_TYPE"), service);
                JsonNode ca = env.get("KAFKA_SSL_TRUSTSTORE_CERTIFICATES").at("/valueFrom/secretKeyRef");
                assertEquals(cluster + "-cluster-ca-cert", ca.path("name").asText(), service + " trusts the cluster's CA");
                assertEquals("ca.crt", ca.path("key").asText(), service);
            }
        }
    }

    /** The groups a service's consumers join, as its properties name them. */
    private static Set<String> consumerGroups(String service) {
        Set<String> groups = new TreeSet<>();
        Pattern.compile("(?m)^mp\\.messaging\\.incoming\\.[a-z-]+\\.group\\.id=(\\S+)$")
                .matcher(OverlayConsistencyTest.properties(service)).results()
                .forEach(m -> groups.add(m.group(1).replace("${quarkus.uuid}", SOME_UUID)));
        return groups;
    }

    private static boolean covers(JsonNode resource, String group) {
        String name = resource.path("name").asText();
        return switch (resource.path("patternType").asText()) {
            case "literal" -> name.equals(group);
            case "prefix" -> group.startsWith(name);
            default -> false;
        };
    }

    private static Map<String, JsonNode> env(JsonNode deployment) {
        Map<String, JsonNode> env = new HashMap<>();
        deployment.at("/spec/template/spec/containers/0/env").forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    private static String value(Map<String, JsonNode> env, String name) {
        assertTrue(env.containsKey(name), name + " is set");
        return env.get(name).path("value").asText();
    }

    private static Map<String, Set<String>> sorted(Map<String, Set<String>> operations) {
        Map<String, Set<String>> sorted = new TreeMap<>();
        operations.forEach((topic, ops) -> sorted.put(topic, new TreeSet<>(ops)));
        return sorted;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static Rendered render(String overlay) {
        return new Rendered(Kustomize.render(Kustomize.K8S.resolve(overlay)));
    }
}

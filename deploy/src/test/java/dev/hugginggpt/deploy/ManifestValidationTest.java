package dev.hugginggpt.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every object the kustomizations render is valid against its Kubernetes or Strimzi schema. */
class ManifestValidationTest {
    static final Set<String> KINDS = Set.of("Namespace", "ConfigMap", "Secret", "PersistentVolumeClaim", "Deployment",
            "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Kafka", "KafkaNodePool", "KafkaTopic");

    static ManifestValidator validator;
    static List<ObjectNode> dev;

    @BeforeAll
    static void load() {
        validator = ManifestValidator.withStrimziCrds(Path.of(System.getProperty("hg.strimzi.crd.dir", "target/strimzi-crds")));
        dev = Kustomize.render(Kustomize.K8S.resolve("overlays/dev"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyRenderedObjectMatchesItsSchema(String kustomization) {
        List<ObjectNode> objects = Kustomize.render(Kustomize.K8S.resolve(kustomization));
        assertEquals(List.of(), validator.validateAll(objects));
        Set<String> kinds = new TreeSet<>();
        objects.forEach(object -> kinds.add(object.path("kind").asText()));
        Set<String> expected = new TreeSet<>(KINDS);
        if (kustomization.equals("base")) {
            expected.remove("Namespace");
        }
        if (kustomization.equals("overlays/prod")) {
            expected.add("KafkaUser");
        }
        assertEquals(expected, kinds);
    }

    @Test
    void misspelledFieldInADeploymentIsRejected() {
        var problems = validateChanged("Deployment", "gateway", d -> ((ObjectNode) d.at("/spec/template/spec/containers/0/readinessProbe"))
                .set("httpGett", d.at("/spec/template/spec/containers/0/readinessProbe/httpGet")));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Deployment/gateway: The field `httpGett`"), problems.get(0));
    }

    @Test
    void listWhereAnObjectBelongsIsRejected() {
        var problems = validateChanged("Deployment", "executor-service",
                d -> ((ObjectNode) d.at("/spec/template/spec/containers/0")).putArray("resources").add("cpu"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Deployment/executor-service: Not a JSON Object: [\"cpu\"]"), problems.get(0));
    }

    @Test
    void wrongScalarsAreRejected() {
        var replicas = validateChanged("Deployment", "gateway", d -> ((ObjectNode) d.get("spec")).put("replicas", "two"));
        assertTrue(replicas.size() == 1 && replicas.get(0).startsWith("Deployment/gateway: does not read as V1Deployment: ")
                && replicas.get(0).contains("two"), replicas.toString());
        var memory = validateChanged("Deployment", "gateway",
                d -> ((ObjectNode) d.at("/spec/template/spec/containers/0/resources/limits")).put("memory", "1Gb"));
        assertTrue(memory.size() == 1 && memory.get(0).startsWith("Deployment/gateway: does not read as V1Deployment: "),
                memory.toString());
        var storage = validateChanged("PersistentVolumeClaim", "hugginggpt-resources",
                c -> ((ObjectNode) c.at("/spec/resources/requests")).put("storage", "lots"));
        assertEquals(1, storage.size(), storage.toString());
    }

    @Test
    void missingRequiredFieldIsRejected() {
        var problems = validateChanged("Service", "gateway", s -> ((ObjectNode) s.at("/spec/ports/0")).remove("port"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("`port`"), problems.get(0));
    }

    @Test
    void unknownFieldInTheHorizontalPodAutoscalerIsRejected() {
        var problems = validateChanged("HorizontalPodAutoscaler", "executor-service",
                h -> ((ObjectNode) h.get("spec")).put("minReplica", 2));
        assertTrue(problems.size() == 1 && problems.get(0).contains("`minReplica`"), problems.toString());
    }

    @Test
    void misspelledAndMistypedTopicFieldsAreRejected() {
        var misspelled = validateChanged("KafkaTopic", "hg.tasks", t -> ((ObjectNode) t.get("spec")).put("partition", 24));
        assertTrue(misspelled.size() == 1 && misspelled.get(0).startsWith("KafkaTopic/hg.tasks: ")
                && misspelled.get(0).contains("partition"), misspelled.toString());
        var mistyped = validateChanged("KafkaTopic", "hg.tasks", t -> ((ObjectNode) t.get("spec")).put("partitions", "many"));
        assertTrue(mistyped.size() == 1 && mistyped.get(0).contains("partitions"), mistyped.toString());
        var tooFew = validateChanged("KafkaTopic", "hg.tasks", t -> ((ObjectNode) t.get("spec")).put("partitions", 0));
        assertTrue(tooFew.size() == 1 && tooFew.get(0).contains("partitions"), tooFew.toString());
    }

    @Test
    void invalidKafkaListenerAndNodePoolRoleAreRejected() {
        var listener = validateChanged("Kafka", "hugginggpt",
                k -> ((ObjectNode) k.at("/spec/kafka/listeners/0")).put("type", "internall"));
        assertTrue(listener.size() == 1 && listener.get(0).contains("type"), listener.toString());
        var role = validateChanged("KafkaNodePool", "brokers",
                p -> ((ObjectNode) p.get("spec")).putArray("roles").add("leader"));
        assertTrue(role.size() == 1 && role.get(0).contains("roles"), role.toString());
        var metadata = validateChanged("KafkaNodePool", "brokers",
                p -> ((ObjectNode) p.get("metadata")).put("label", "x"));
        assertTrue(metadata.size() == 1 && metadata.get(0).contains("`label`"), metadata.toString());
    }

    @Test
    void invalidKafkaUserAclIsRejected() {
        ObjectNode user = Kustomize.render(Kustomize.K8S.resolve("overlays/prod")).stream()
                .filter(o -> o.path("kind").asText().equals("KafkaUser")).findFirst().orElseThrow();
        assertEquals(List.of(), validator.validate(user), "valid before the change");
        ObjectNode misspelled = user.deepCopy();
        ((ObjectNode) misspelled.at("/spec/authorization/acls/0")).putArray("operations").add("Reed");
        var problems = validator.validate(misspelled);
        assertTrue(problems.size() == 1 && problems.get(0).contains("operations"), problems.toString());
        ObjectNode unknownResource = user.deepCopy();
        ((ObjectNode) unknownResource.at("/spec/authorization/acls/0/resource")).put("type", "topics");
        assertEquals(1, validator.validate(unknownResource).size(), validator.validate(unknownResource).toString());
    }

    @Test
    void kindWithoutSchemaIsRejected() {
        ObjectNode ingress = Kustomize.YAML.createObjectNode();
        ingress.put("apiVersion", "networking.k8s.io/v1").put("kind", "Ingress").putObject("metadata").put("name", "web");
        assertEquals(List.of("Ingress/web: no schema for networking.k8s.io/v1/Ingress"), validator.validate(ingress));
    }

    @Test
    void brokenPatchInAnOverlayFailsTheWholePipeline() throws IOException {
        Path overlay = overlayDir();
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                patches:
                  - patch: |-
                      apiVersion: apps/v1
                      kind: Deployment
                      metadata:
                        name: planner-service
                      spec:
                        template:
                          spec:
                            containers:
                              - name: planner-service
                                resource:
                                  limits:
                                    memory: 1Gi
                """.formatted(base(overlay)));
        var problems = validator.validateAll(Kustomize.render(overlay));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Deployment/planner-service: The field `resource`"), problems.get(0));
    }

    @Test
    void kustomizationThatDoesNotBuildFails() throws IOException {
        Path dir = overlayDir();
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                replicas:
                  - name: no-such-deployment
                    count: 2
                """.formatted(base(dir)));
        var error = assertThrows(IllegalStateException.class, () -> Kustomize.render(dir));
        assertTrue(error.getMessage().contains("no-such-deployment"), error.getMessage());
    }

    /** A new overlay directory; kustomize takes the base by a relative path only. */
    private static Path overlayDir() throws IOException {
        Path parent = Path.of("target", "k8s-overlays");
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, "overlay");
    }

    private static String base(Path overlay) {
        return overlay.toAbsolutePath().relativize(Kustomize.K8S.resolve("base").toAbsolutePath()).toString();
    }

    private static List<String> validateChanged(String kind, String name, Consumer<ObjectNode> change) {
        ObjectNode object = dev.stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow().deepCopy();
        assertEquals(List.of(), validator.validate(object), "valid before the change");
        change.accept(object);
        return validator.validate(object);
    }
}

package dev.hugginggpt.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks Kubernetes objects offline against the API schema of their kind.
 * <ul>
 * <li>Built-in kinds: the validators generated from the Kubernetes 1.32 OpenAPI document into the
 * official Java client's models (unknown fields, required fields, objects vs lists vs scalars, at
 * every depth).</li>
 * <li>Strimzi kinds: the {@code openAPIV3Schema} of the CustomResourceDefinitions that Strimzi's own
 * generator writes at build time, made strict as the API server's strict field validation is
 * (a field no schema declares is an error unless the schema preserves unknown fields).</li>
 * </ul>
 * A kind with neither is an error: nothing passes unchecked.
 */
final class ManifestValidator {
    private static final Map<String, Class<?>> BUILT_IN = Map.of(
            "v1/Namespace", V1Namespace.class,
            "v1/ConfigMap", V1ConfigMap.class,
            "v1/Secret", V1Secret.class,
            "v1/Service", V1Service.class,
            "v1/ServiceAccount", V1ServiceAccount.class,
            "v1/PersistentVolumeClaim", V1PersistentVolumeClaim.class,
            "apps/v1/Deployment", V1Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonSchema> customKinds;

    private ManifestValidator(Map<String, JsonSchema> customKinds) {
        this.customKinds = customKinds;
    }

    /** With the Strimzi CRDs (Kafka, KafkaNodePool, KafkaTopic, KafkaUser) generated into {@code crdDir}. */
    static ManifestValidator withStrimziCrds(Path crdDir) {
        var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        var schemas = new java.util.HashMap<String, JsonSchema>();
        for (String kind : List.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser")) {
            Path file = crdDir.resolve(kind + ".json");
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " is missing: the build generates it (mvn -pl deploy verify)");
            }
            try {
                JsonNode crd = JSON.readTree(file.toFile());
                String group = crd.path("spec").path("group").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    JsonNode schema = strict(version.path("schema").path("openAPIV3Schema").deepCopy());
                    schemas.put(group + "/" + version.path("name").asText() + "/" + kind, factory.getSchema(schema));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ManifestValidator(Map.copyOf(schemas));
    }

    /** The problems of one object, empty when it is valid. */
    List<String> validate(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        String id = Kustomize.id(object);
        List<String> problems = new ArrayList<>();
        Class<?> builtIn = BUILT_IN.get(type);
        JsonSchema schema = customKinds.get(type);
        if (builtIn != null) {
            check(id, () -> validateBuiltIn(builtIn, gson(object)), problems);
        } else if (schema != null) {
            for (ValidationMessage message : schema.validate(object)) {
                problems.add(id + ": " + message.getMessage());
            }
            check(id, () -> V1ObjectMeta.validateJsonElement(gson(object.path("metadata"))), problems);
        } else {
            problems.add(id + ": no schema for " + type);
        }
        if (object.path("metadata").path("name").asText().isEmpty()) {
            problems.add(id + ": metadata.name is required");
        }
        return problems;
    }

    /** The problems of all objects. */
    List<String> validateAll(List<? extends JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        objects.forEach(object -> problems.addAll(validate(object)));
        return problems;
    }

    private interface Check {
        void run() throws IOException;
    }

    private static void check(String id, Check check, List<String> problems) {
        try {
            check.run();
        } catch (RuntimeException | IOException e) {
            // the generated validators throw IllegalArgumentException, gson IllegalStateException
            String message = e.getMessage();
            int json = message.indexOf(" JSON: ");
            problems.add(id + ": " + (json > 0 ? message.substring(0, json) : message));
        }
    }

    /**
     * The model's generated validator (fields and shapes), then reading it into the model, which checks
     * what the validator leaves out: numbers, booleans, quantities ("512Mi"), int-or-string.
     */
    private static void validateBuiltIn(Class<?> model, JsonElement json) throws IOException {
        try {
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) e.getCause();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        try {
            io.kubernetes.client.openapi.JSON.deserialize(json.toString(), model);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IllegalArgumentException("does not read as " + model.getSimpleName() + ": " + cause.getMessage(), e);
        }
    }

    private static JsonElement gson(JsonNode node) {
        return JsonParser.parseString(node.toString());
    }

    /**
     * An OpenAPI v3 structural schema as strict JSON Schema: objects accept only declared fields unless
     * they preserve unknown ones; int-or-string and nullable become types; formats, which are
     * Kubernetes' own (int32, ...), and the x-kubernetes extensions are dropped once read. Inside
     * oneOf/anyOf/allOf/not, schemas only say which fields must be there (Kubernetes forbids them to
     * declare structure), so they are left open.
     */
    static JsonNode strict(JsonNode node) {
        return strict(node, true);
    }

    private static JsonNode strict(JsonNode node, boolean structural) {
        if (node instanceof ArrayNode array) {
            array.forEach(item -> strict(item, structural));
        } else if (node instanceof ObjectNode schema) {
            boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            if (schema.path("x-kubernetes-int-or-string").asBoolean(false) && !schema.has("type")) {
                ArrayNode types = schema.putArray("type");
                types.add("integer").add("string");
            }
            if (schema.path("nullable").asBoolean(false) && schema.path("type").isTextual()) {
                String type = schema.path("type").asText();
                schema.putArray("type").add(type).add("null");
            }
            schema.remove("nullable");
            schema.remove("format");
            for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
                if (names.next().startsWith("x-kubernetes-")) {
                    names.remove();
                }
            }
            JsonNode properties = schema.get("properties");
            if (properties instanceof ObjectNode declared) {
                declared.fields().forEachRemaining(field -> strict(field.getValue(), structural));
                if (structural && !preserve && !schema.has("additionalProperties")) {
                    schema.put("additionalProperties", false);
                }
            }
            for (String key : List.of("items", "additionalProperties")) {
                if (schema.get(key) != null && !schema.get(key).isBoolean()) {
                    strict(schema.get(key), structural);
                }
            }
            for (String key : List.of("oneOf", "anyOf", "allOf", "not")) {
                if (schema.get(key) != null) {
                    strict(schema.get(key), false);
                }
            }
        }
        return node;
    }
}

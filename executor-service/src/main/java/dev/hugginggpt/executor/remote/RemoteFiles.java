package dev.hugginggpt.executor.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.executor.backend.InputRejected;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/** Task inputs read for a remote service (text, the bytes of resources) and files it returns, stored. */
final class RemoteFiles {
    private final ResourceStore store;

    RemoteFiles(ResourceStore store) {
        this.store = store;
    }

    static String text(Map<String, String> args) throws ModelException {
        String text = args.get("text");
        if (text == null || text.isBlank()) {
            throw new InputRejected("the task has no text to work on");
        }
        return text.strip();
    }

    static String required(Map<String, String> args, String missing, String... keys) throws ModelException {
        for (String key : keys) {
            String value = args.get(key);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        throw new ModelException(missing);
    }

    HuggingFaceBackend.Body raw(Map<String, String> args, String key) throws ModelException {
        ResourceRef ref = resource(args, key);
        return new HuggingFaceBackend.Body(bytes(ref), ref.contentType());
    }

    String base64(Map<String, String> args, String key) throws ModelException {
        return Base64.getEncoder().encodeToString(bytes(resource(args, key)));
    }

    ResourceRef resource(Map<String, String> args, String key) throws ModelException {
        String id = args.get(key);
        if (id == null || id.isBlank()) {
            throw new ModelException("the task has no " + key + " argument");
        }
        return store.describe(id.strip()).orElseThrow(() -> new ModelException(
                "'" + id + "' is not a resource of this system; upload the file first (POST /v1/resources)"));
    }

    Path path(ResourceRef ref) throws ModelException {
        return store.path(ref.id()).orElseThrow(() -> new ModelException("resource " + ref.id() + " is gone"));
    }

    private byte[] bytes(ResourceRef ref) throws ModelException {
        try {
            return Files.readAllBytes(path(ref));
        } catch (IOException e) {
            throw new ModelException("cannot read resource " + ref.id() + ": " + e.getMessage());
        }
    }

    TaskOutput store(byte[] content, String contentType, String task) throws ModelException {
        if (content.length == 0) {
            throw new ModelException("the service returned an empty " + contentType + " file");
        }
        String type = contentType.split(";")[0].strip();
        try {
            ResourceRef ref = store.save(new ByteArrayInputStream(content), task + "." + type.substring(type.indexOf('/') + 1), type);
            return TaskOutput.file(ref, Map.of("contentType", type, "bytes", content.length));
        } catch (IOException e) {
            throw new ModelException("cannot store the returned file: " + e.getMessage());
        }
    }

    static byte[] json(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service's error message ({@code error} or {@code error.message}), else the start of the body. */
    static String errorMessage(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        try {
            JsonNode root = Json.MAPPER.readTree(text);
            JsonNode error = root.path("error");
            if (error.isTextual()) {
                return shortened(error.asText());
            }
            if (error.path("message").isTextual()) {
                return shortened(error.path("message").asText());
            }
        } catch (IOException e) {
            // not JSON
        }
        return text.isEmpty() ? "(empty body)" : shortened(text);
    }

    private static String shortened(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}

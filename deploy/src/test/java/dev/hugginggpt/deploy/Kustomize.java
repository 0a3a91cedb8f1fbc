package dev.hugginggpt.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize}, as {@code kubectl apply -k} would. */
final class Kustomize {
    static final Path K8S = Path.of(System.getProperty("hg.k8s.dir", "k8s"));
    static final ObjectMapper YAML = new YAMLMapper();

    private Kustomize() {
    }

    static List<ObjectNode> render(Path dir) {
        String kubectl = System.getenv().getOrDefault("KUBECTL", "kubectl");
        try {
            Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString()).start();
            process.getOutputStream().close();
            var stdout = process.getInputStream().readAllBytes();
            var stderr = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: "
                        + new String(stderr, StandardCharsets.UTF_8));
            }
            return parse(new String(stdout, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("kubectl (with kustomize) is needed on the PATH, or KUBECTL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<ObjectNode> parse(String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode node = values.next();
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue;
                }
                if (!node.isObject()) {
                    throw new IllegalArgumentException("not an object: " + node);
                }
                objects.add((ObjectNode) node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    static String id(JsonNode object) {
        return object.path("kind").asText("?") + "/" + object.path("metadata").path("name").asText("?");
    }
}

package dev.hugginggpt.executor.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.TaskOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the Inference API's JSON answers, whose shape depends on the task. */
final class HuggingFaceAnswers {
    private HuggingFaceAnswers() {
    }

    static TaskOutput read(String task, byte[] body) throws ModelException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ModelException("the Hugging Face Inference API sent an unreadable answer for " + task + ": "
                    + RemoteFiles.errorMessage(body));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ModelException("the Hugging Face Inference API sent an empty answer for " + task);
        }
        if (root.isObject() && root.has("error")) {
            throw new ModelException("the Hugging Face Inference API reported: " + RemoteFiles.errorMessage(body));
        }
        JsonNode first = root.isArray() && root.size() > 0 ? root.get(0) : root;
        if (first.isArray() && first.size() > 0 && first.get(0).isObject()) {
            root = first;
            first = first.get(0);
        }
        for (String field : List.of("generated_text", "summary_text", "translation_text", "text", "answer")) {
            if (first.isObject() && first.path(field).isTextual()) {
                Map<String, Object> data = new LinkedHashMap<>();
                if (first.has("score")) {
                    data.put("score", first.get("score").asDouble());
                }
                return TaskOutput.text(first.get(field).asText().strip(), data);
            }
        }
        if (root.isObject() && root.has("labels") && root.has("scores")) {
            return labels(zip(root.get("labels"), root.get("scores")), task);
        }
        if (root.isArray() && first.isObject() && first.has("label")) {
            List<Map<String, Object>> items = new ArrayList<>();
            root.forEach(n -> items.add(Json.MAPPER.convertValue(n, Map.class)));
            if (first.has("box")) {
                return objects(items);
            }
            if (first.has("entity_group") || first.has("entity")) {
                return TaskOutput.text(entities(root), Map.of("entities", items));
            }
            return labels(items, task);
        }
        if (root.isArray() && root.size() > 0 && root.get(0).isNumber()) {
            List<Double> scores = new ArrayList<>();
            root.forEach(n -> scores.add(n.asDouble()));
            String text = scores.size() == 1 ? String.format(Locale.ROOT, "%.3f", scores.get(0)) : scores.toString();
            return TaskOutput.text(text, Map.of("scores", scores));
        }
        throw new ModelException("the Hugging Face Inference API answered " + task + " in a shape this backend does"
                + " not know: " + RemoteFiles.errorMessage(body));
    }

    private static List<Map<String, Object>> zip(JsonNode labels, JsonNode scores) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < labels.size() && i < scores.size(); i++) {
            items.add(Map.of("label", labels.get(i).asText(), "score", scores.get(i).asDouble()));
        }
        return items;
    }

    private static TaskOutput labels(List<Map<String, Object>> items, String task) throws ModelException {
        if (items.isEmpty()) {
            throw new ModelException("the Hugging Face Inference API returned no label for " + task);
        }
        items.sort((a, b) -> Double.compare(score(b), score(a)));
        return TaskOutput.text(String.valueOf(items.get(0).get("label")), Map.of("labels", items));
    }

    private static TaskOutput objects(List<Map<String, Object>> items) {
        List<String> found = items.stream().map(i -> i.get("label") + String.format(Locale.ROOT, " (%.2f)", score(i))).toList();
        String text = items.size() + (items.size() == 1 ? " object: " : " objects: ") + String.join(", ", found);
        return TaskOutput.text(text, Map.of("objects", items));
    }

    private static String entities(JsonNode root) {
        List<String> parts = new ArrayList<>();
        root.forEach(n -> parts.add(n.path("word").asText() + " (" + n.path("entity_group").asText(n.path("entity").asText()) + ")"));
        return String.join(", ", parts);
    }

    private static double score(Map<String, Object> item) {
        return item.get("score") instanceof Number n ? n.doubleValue() : 0;
    }
}

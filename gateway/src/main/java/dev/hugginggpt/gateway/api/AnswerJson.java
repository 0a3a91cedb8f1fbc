package dev.hugginggpt.gateway.api;

import dev.hugginggpt.gateway.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hugginggpt.gateway.view.RequestView;
import dev.hugginggpt.gateway.view.TaskView;
import dev.hugginggpt.protocol.ResourceRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The answer as JSON, for a chat completion with {@code response_format} json_object or json_schema: the request, its
 * workflow, its tasks as planned, each task's result, the files produced, and the answer's text. With a json_schema,
 * the JSON is cut to the properties the schema names, object by object (a property it names that the answer does not
 * have is null); a schema naming a top-level property the answer never has is refused up front, by name.
 */
final class AnswerJson {
    static final Set<String> PROPERTIES = Set.of("requestId", "status", "answer", "workflow", "tasks", "results", "files", "error");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnswerJson() {
    }

    /** Refuses, before anything runs, a schema that asks for top-level properties the answer does not have. */
    static void requireAnswerable(ChatCompletionRequest.ResponseFormat format) {
        if (format == null || format.schema() == null) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        format.schema().path("properties").fieldNames().forEachRemaining(name -> {
            if (!PROPERTIES.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw ProblemException.unsupportedParameter("response_format", "the answer as JSON has the properties "
                    + PROPERTIES.stream().sorted().collect(Collectors.joining(", ")) + "; the json_schema asks for "
                    + String.join(", ", unknown) + ", which it does not have");
        }
    }

    static ObjectNode of(RequestView view, String answerText) {
        ObjectNode root = NODES.objectNode().put("requestId", view.id()).put("status", view.status().name());
        root.put("answer", answerText);
        root.put("workflow", view.tasks().stream().map(t -> t.id() + " " + t.task()).collect(Collectors.joining(" → ")));
        ArrayNode tasks = root.putArray("tasks");
        ArrayNode results = root.putArray("results");
        ArrayNode files = root.putArray("files");
        for (TaskView t : view.tasks()) {
            ObjectNode task = tasks.addObject().put("id", t.id()).put("task", t.task());
            ArrayNode dep = task.putArray("dep");
            t.dep().stream().filter(d -> d >= 0).forEach(dep::add);
            ObjectNode args = task.putObject("args");
            (t.args() == null ? Map.<String, String>of() : t.args()).forEach(args::put);
            ObjectNode result = results.addObject().put("taskId", t.id()).put("task", t.task()).put("status", t.status().name());
            result.put("model", t.model());
            if (t.output() != null) {
                result.put("text", t.output().text());
                ArrayNode produced = result.putArray("files");
                for (ResourceRef file : t.output().resources() == null ? List.<ResourceRef>of() : t.output().resources()) {
                    produced.add(file.id());
                    files.addObject().put("id", file.id()).put("name", file.name()).put("contentType", file.contentType())
                            .put("size", file.size()).put("url", "/v1/resources/" + file.id());
                }
                if (t.output().data() != null) {
                    result.set("data", dev.hugginggpt.protocol.Json.MAPPER.valueToTree(new LinkedHashMap<>(t.output().data())));
                }
            }
            result.put("error", t.error());
        }
        root.put("error", view.error());
        return root;
    }

    /** The JSON cut to what the schema names: an object keeps (in the schema's order) only its properties. */
    static JsonNode shaped(JsonNode value, JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return value;
        }
        if (value != null && value.isObject() && schema.path("properties").isObject()) {
            ObjectNode shaped = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                JsonNode own = value.get(property.getKey());
                shaped.set(property.getKey(), own == null ? NODES.nullNode() : shaped(own, property.getValue()));
            }
            return shaped;
        }
        if (value != null && value.isArray() && schema.path("items").isObject()) {
            ArrayNode shaped = NODES.arrayNode();
            value.forEach(item -> shaped.add(shaped(item, schema.path("items"))));
            return shaped;
        }
        return value;
    }
}

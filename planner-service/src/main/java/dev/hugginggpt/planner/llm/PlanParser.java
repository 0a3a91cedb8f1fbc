package dev.hugginggpt.planner.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.hugginggpt.protocol.PlannedTask;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plan out of an LLM answer: finds the JSON array in prose or code fences, repairs what
 * models commonly get wrong (trailing commas, single quotes, comments), and maps it to tasks.
 * Anything it cannot read is a {@link PlanParseException} with a message fit to send back to the model.
 */
public final class PlanParser {
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();
    private static final Pattern FENCE = Pattern.compile("```(?:json|JSON)?\\s*(.*?)```", Pattern.DOTALL);

    private PlanParser() {
    }

    public static List<PlannedTask> parse(String answer) {
        if (answer == null || answer.isBlank()) {
            throw new PlanParseException("the answer was empty; reply with a JSON array of tasks");
        }
        String body = answer.strip();
        Matcher fence = FENCE.matcher(body);
        if (fence.find()) {
            body = fence.group(1).strip();
        }
        String json = outermostArray(body);
        JsonNode root;
        try {
            root = LENIENT.readTree(json.replace('“', '"').replace('”', '"'));
        } catch (JsonEOFException e) {
            throw new PlanParseException("the JSON ends before it is complete; send the whole array");
        } catch (JsonProcessingException e) {
            throw new PlanParseException("the answer is not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (root.isObject() && root.has("tasks")) {
            root = root.get("tasks");
        } else if (root.isObject() && root.has("task")) {
            root = LENIENT.createArrayNode().add(root);
        }
        if (!root.isArray()) {
            throw new PlanParseException("the answer must be a JSON array of tasks");
        }
        List<PlannedTask> tasks = new ArrayList<>();
        int position = 0;
        for (JsonNode node : root) {
            tasks.add(task(node, position++));
        }
        return tasks;
    }

    private static PlannedTask task(JsonNode node, int position) {
        if (!node.isObject()) {
            throw new PlanParseException("task at position " + position + " is not an object");
        }
        JsonNode task = node.get("task");
        if (task == null || !task.isTextual() || task.asText().isBlank()) {
            throw new PlanParseException("task at position " + position + " has no \"task\" string");
        }
        int id = position;
        JsonNode idNode = node.get("id");
        if (idNode != null && !idNode.isNull()) {
            if (idNode.canConvertToInt() || idNode.isTextual() && idNode.asText().matches("-?\\d+")) {
                id = idNode.asInt();
            } else {
                throw new PlanParseException("task at position " + position + " has a non-numeric id " + idNode);
            }
        }
        List<Integer> dep = new ArrayList<>();
        JsonNode depNode = node.get("dep");
        if (depNode != null && depNode.isArray()) {
            for (JsonNode d : depNode) {
                if (!(d.canConvertToInt() || d.isTextual() && d.asText().matches("-?\\d+"))) {
                    throw new PlanParseException("task " + id + " has a non-numeric dependency " + d);
                }
                dep.add(d.asInt());
            }
        } else if (depNode != null && depNode.canConvertToInt()) {
            dep.add(depNode.asInt());
        }
        Map<String, String> args = new LinkedHashMap<>();
        JsonNode argsNode = node.get("args");
        if (argsNode != null && argsNode.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = argsNode.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                args.put(f.getKey(), f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString());
            }
        } else if (argsNode != null && !argsNode.isNull()) {
            throw new PlanParseException("task " + id + " has \"args\" that is not an object");
        }
        return new PlannedTask(id, task.asText(), dep.isEmpty() ? List.of(-1) : dep, args);
    }

    private static String outermostArray(String text) {
        int start = text.indexOf('[');
        int objectStart = text.indexOf('{');
        if (start < 0 || objectStart >= 0 && objectStart < start && !text.substring(objectStart).contains("\"tasks\"")
                && text.lastIndexOf(']') < 0) {
            return objectStart >= 0 ? text.substring(objectStart, text.lastIndexOf('}') + 1) : text;
        }
        int end = text.lastIndexOf(']');
        if (end <= start) {
            throw new PlanParseException("the JSON array is not closed");
        }
        return text.substring(start, end + 1);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

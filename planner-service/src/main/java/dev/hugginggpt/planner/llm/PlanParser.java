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
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** "<GENERATED-0>", "<GENERATED>0": a reference to task 0's output, misspelled. */
    private static final Pattern MISSPELLED_REFERENCE = Pattern.compile("<GENERATED-(\\d{1,9})>|<GENERATED>(\\d{1,9})\\b");
    private static final Pattern FENCE = Pattern.compile("```(?:json|JSON)?\\s*(.*?)```", Pattern.DOTALL);
    /** The plan format, as the re-asks name it. */
    static final String FORMAT = "a JSON array of tasks, [{\"task\": TASK TYPE, \"id\": 0, \"dep\": [-1], \"args\": {\"text\": ..., "
            + "\"image\": ..., \"audio\": ..., \"video\": ...}}], or [] when the request needs no task";

    private PlanParser() {
    }

    /** Whether the answer is prose with no JSON in it at all: no plan, no attempt at one. */
    public static boolean isProse(String answer) {
        return answer != null && !answer.isBlank() && answer.indexOf('[') < 0 && answer.indexOf('{') < 0;
    }

    public static List<PlannedTask> parse(String answer) {
        if (answer == null || answer.isBlank()) {
            throw new PlanParseException("the answer was empty; reply with " + FORMAT);
        }
        Matcher fence = FENCE.matcher(answer.strip());
        String body = MISSPELLED_REFERENCE.matcher(fence.find() ? fence.group(1).strip() : answer.strip())
                .replaceAll(m -> "<GENERATED>-" + (m.group(1) != null ? m.group(1) : m.group(2)));
        JsonNode root;
        if (body.indexOf('[') < 0 && body.indexOf('{') < 0) {
            try {
                root = LENIENT.readTree(body);
            } catch (JsonProcessingException e) {
                throw new PlanParseException("the answer is prose with no JSON plan in it (it is not valid JSON); reply with " + FORMAT + " only");
            }
        } else {
            root = read(outermostObject(body).orElseGet(() -> outermostArray(body)), body);
        }
        if (TaskNodesSchema.isIn(root)) {
            return TaskNodesSchema.tasks(root);
        }
        if (root.isObject() && root.has("tasks")) {
            root = root.get("tasks");
        } else if (root.isObject() && root.has("task")) {
            root = LENIENT.createArrayNode().add(root);
        }
        if (!root.isArray()) {
            throw new PlanParseException("the answer must be a JSON array of tasks, not " + (root.isObject() ? "an object with "
                    + fieldNames(root) : "a JSON " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)) + "; reply with " + FORMAT);
        }
        List<PlannedTask> tasks = new ArrayList<>();
        int position = 0;
        for (JsonNode node : root) {
            tasks.add(task(node, position++));
        }
        return tasks;
    }

    /**
     * The JSON value of the answer; an object that comes first but does not read (prose in braces) gives way to the array.
     * Jackson's own words are not passed on: the model is told where the JSON breaks.
     */
    private static JsonNode read(String json, String body) {
        String text = json.replace('“', '"').replace('”', '"');
        try {
            return LENIENT.readTree(text);
        } catch (JsonEOFException e) {
            throw new PlanParseException("the JSON ends before it is complete (cut off?); send the whole plan as " + FORMAT);
        } catch (JsonProcessingException e) {
            if (json.startsWith("{") && !json.startsWith("[")) {
                // tasks written one after another without the brackets of their array: {...}, {...}
                try {
                    return LENIENT.readTree("[" + text + "]");
                } catch (JsonProcessingException notAList) {
                    if (body.indexOf('[') >= 0 && !json.equals(outermostArray(body))) {
                        return read(outermostArray(body), body);
                    }
                }
            }
            var at = e.getLocation();
            throw new PlanParseException("the answer is not valid JSON: it breaks at line " + (at == null ? "?" : at.getLineNr())
                    + ", column " + (at == null ? "?" : at.getColumnNr()) + "; reply with " + FORMAT + " only");
        }
    }

    private static String fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "no fields" : "the fields " + String.join(", ", names.subList(0, Math.min(5, names.size())));
    }

    private static PlannedTask task(JsonNode node, int position) {
        if (!node.isObject()) {
            throw new PlanParseException("task at position " + position + " is not an object but " + (node.isTextual()
                    ? "the text \"" + abbreviated(node.asText()) + "\"" : "a JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                    + "; each task is an object like {\"task\": TASK TYPE, \"id\": 0, \"dep\": [-1], \"args\": {...}}");
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

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** The answer's outermost object, when one opens before any array: a plan in another schema, or one task. */
    private static java.util.Optional<String> outermostObject(String text) {
        int open = text.indexOf('{');
        int array = text.indexOf('[');
        int close = text.lastIndexOf('}');
        if (open < 0 || close <= open || array >= 0 && array < open) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(text.substring(open, close + 1));
    }

    private static String outermostArray(String text) {
        int start = text.indexOf('[');
        if (start < 0) {
            return text;
        }
        int end = text.lastIndexOf(']');
        if (end <= start) {
            throw new PlanParseException("the JSON array is not closed (cut off?); send the whole plan as " + FORMAT);
        }
        return text.substring(start, end + 1);
    }
}

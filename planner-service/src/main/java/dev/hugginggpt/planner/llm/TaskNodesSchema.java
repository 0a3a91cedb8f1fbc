package dev.hugginggpt.planner.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hugginggpt.protocol.GeneratedRefs;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.TaskType;
import dev.hugginggpt.protocol.TaskVocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The other plan schema models trained on TaskBench answer in: {@code {"task_steps": [...], "task_nodes": [{"task":
 * "Image-to-Text", "arguments": ["example.jpg"]}, ...], "task_links": [{"source": "Image-to-Text", "target":
 * "Text-to-Speech"}]}}. Each node becomes a task with its position as id; {@code <node-N>} in an argument is task N's
 * output; an argument is placed under the key of its kind (a file by its extension, an output by what its task
 * produces, text as the type's text inputs in order); a link adds a dependency.
 */
final class TaskNodesSchema {
    private static final Pattern NODE_REF = Pattern.compile("<node-(\\d{1,9})>");

    private TaskNodesSchema() {
    }

    static boolean isIn(JsonNode root) {
        return root.isObject() && root.has("task_nodes");
    }

    static List<PlannedTask> tasks(JsonNode root) {
        JsonNode nodes = root.get("task_nodes");
        if (nodes.isObject()) {
            nodes = JsonNodeFactory.instance.arrayNode().add(nodes);
        }
        if (!nodes.isArray()) {
            throw new PlanParseException("\"task_nodes\" must be a list of tasks; better, reply in the expected format: " + PlanParser.FORMAT);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (!node.isObject() || !node.path("task").isTextual() || node.path("task").asText().isBlank()) {
                throw new PlanParseException("task node at position " + names.size() + " has no \"task\" name; reply in the"
                        + " expected format: " + PlanParser.FORMAT);
            }
            names.add(node.get("task").asText());
        }
        List<PlannedTask> tasks = new ArrayList<>();
        for (int id = 0; id < names.size(); id++) {
            Map<String, String> args = arguments(nodes.get(id).path("arguments"), names.get(id), names);
            Set<Integer> deps = new LinkedHashSet<>(GeneratedRefs.in(args));
            for (JsonNode link : root.path("task_links")) {
                int source = names.indexOf(link.path("source").asText());
                if (link.path("target").asText().equals(names.get(id)) && source >= 0 && source < id) {
                    deps.add(source);
                }
            }
            tasks.add(new PlannedTask(id, names.get(id), deps.isEmpty() ? List.of(-1) : List.copyOf(deps), args));
        }
        return tasks;
    }

    private static Map<String, String> arguments(JsonNode arguments, String task, List<String> names) {
        Optional<TaskType> type = TaskVocabulary.find(task);
        List<String> textKeys = type.map(TaskNodesSchema::textKeys).orElse(List.of("text"));
        Map<String, String> args = new LinkedHashMap<>();
        int texts = 0;
        for (JsonNode argument : arguments.isArray() ? arguments : JsonNodeFactory.instance.arrayNode().add(arguments)) {
            if (argument.isObject() && argument.has("value")) {
                args.put(argument.path("name").asText("text"), refs(argument.get("value").asText()));
                continue;
            }
            String value = refs(argument.isTextual() ? argument.asText() : argument.toString());
            MediaKind kind = kindOf(value, names);
            // a text beyond the type's text inputs is an option of the task ("female" for a voice): kept, not merged
            String key = kind != MediaKind.TEXT ? kind.argKey() : texts < textKeys.size() ? textKeys.get(texts) : "option" + (texts - textKeys.size() + 1);
            texts += kind == MediaKind.TEXT ? 1 : 0;
            args.putIfAbsent(key, value);
        }
        return args;
    }

    /** The keys of a type's text inputs in order: a question and its context, two texts to compare, one text. */
    private static List<String> textKeys(TaskType type) {
        long texts = type.inputs().stream().filter(k -> k == MediaKind.TEXT).count();
        if (texts < 2) {
            return List.of("text");
        }
        return type.name().equals("question-answering") ? List.of("text", "context") : List.of("text", "text2");
    }

    /** The kind of an argument: a file's by its extension, an output's by what its task produces, else text. */
    private static MediaKind kindOf(String value, List<String> names) {
        Optional<MediaKind> file = MediaKind.ofFileName(value.strip());
        if (file.isPresent() && !value.strip().contains(" ")) {
            return file.get();
        }
        List<Integer> refs = GeneratedRefs.in(value);
        if (refs.size() == 1 && value.strip().equals(GeneratedRefs.of(refs.get(0))) && refs.get(0) < names.size()) {
            return TaskVocabulary.find(names.get(refs.get(0))).map(TaskType::output).orElse(MediaKind.TEXT);
        }
        return MediaKind.TEXT;
    }

    private static String refs(String value) {
        Matcher m = NODE_REF.matcher(value);
        return m.replaceAll("<GENERATED>-$1");
    }
}

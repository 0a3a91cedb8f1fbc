package dev.hugginggpt.planner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.protocol.GeneratedRefs;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.PlannedTask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the metrics see of a plan: the task names in plan order and the set of edges (producing task
 * name, consuming task name). Names are compared after lower-casing and turning runs of spaces and
 * underscores into one hyphen.
 */
public record PlanGraph(List<String> names, Set<Edge> edges) {
    private static final Pattern NODE_REF = Pattern.compile("<node-(\\d+)>");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_]+", Pattern.UNICODE_CHARACTER_CLASS);

    public record Edge(String from, String to) {
    }

    public static final PlanGraph EMPTY = new PlanGraph(List.of(), Set.of());

    public static String normalizeName(String name) {
        return SEPARATORS.matcher(name.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
    }

    /**
     * A TaskBench gold plan: edges from {@code <node-N>} in the arguments, else from task_links. A
     * single node written as an object instead of a one-element array is read as that array.
     */
    public static PlanGraph ofTaskBench(JsonNode nodes, JsonNode taskLinks) {
        JsonNode taskNodes = nodes.isObject() ? Json.MAPPER.createArrayNode().add(nodes) : nodes;
        List<String> names = new ArrayList<>();
        taskNodes.forEach(node -> names.add(normalizeName(node.path("task").asText())));
        Set<Edge> edges = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            for (JsonNode argument : taskNodes.get(i).path("arguments")) {
                String text = argument.isTextual() ? argument.asText() : argument.toString();
                Matcher m = NODE_REF.matcher(text);
                while (m.find()) {
                    int source = Integer.parseInt(m.group(1));
                    if (source < names.size()) {
                        edges.add(new Edge(names.get(source), names.get(i)));
                    }
                }
            }
        }
        if (edges.isEmpty() && taskLinks != null) {
            taskLinks.forEach(link -> edges.add(new Edge(normalizeName(link.path("source").asText()),
                    normalizeName(link.path("target").asText()))));
        }
        return new PlanGraph(List.copyOf(names), edges);
    }

    /** One of our plans: edges from {@code dep} and from {@code <GENERATED>-N} in the arguments. */
    public static PlanGraph ofPlan(List<PlannedTask> tasks) {
        Map<Integer, String> nameById = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (PlannedTask task : tasks) {
            String name = normalizeName(task.task() == null ? "" : task.task());
            nameById.put(task.id(), name);
            names.add(name);
        }
        Set<Edge> edges = new LinkedHashSet<>();
        for (PlannedTask task : tasks) {
            for (int source : GeneratedRefs.dependencies(task)) {
                if (nameById.containsKey(source)) {
                    edges.add(new Edge(nameById.get(source), normalizeName(task.task() == null ? "" : task.task())));
                }
            }
        }
        return new PlanGraph(List.copyOf(names), edges);
    }
}

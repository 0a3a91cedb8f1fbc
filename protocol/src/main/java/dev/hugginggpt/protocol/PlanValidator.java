package dev.hugginggpt.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Checks a plan is a DAG the pipeline can run: known task types, ids unique, dependencies only on
 * earlier tasks, no dangling {@code <GENERATED>-N}, resource arguments fed by a task of the right
 * output kind, every required input present, and not more tasks than allowed.
 */
public final class PlanValidator {
    private final int maxTasks;
    private final Predicate<String> taskTypeAllowed;

    public PlanValidator(int maxTasks, Predicate<String> taskTypeAllowed) {
        this.maxTasks = maxTasks;
        this.taskTypeAllowed = taskTypeAllowed;
    }

    /** Adds the tasks that args refer to into {@code dep} and writes [-1] for "no dependency", as the original does. */
    public static List<PlannedTask> normalize(List<PlannedTask> tasks) {
        List<PlannedTask> out = new ArrayList<>(tasks.size());
        for (PlannedTask t : tasks) {
            List<Integer> deps = new ArrayList<>(GeneratedRefs.dependencies(t));
            Map<String, String> args = t.args() == null ? Map.of() : new LinkedHashMap<>(t.args());
            String task = t.task() == null ? null : TaskVocabulary.canonical(t.task());
            out.add(new PlannedTask(t.id(), task, deps.isEmpty() ? List.of(-1) : deps, args, t.model()));
        }
        return out;
    }

    public List<String> validate(List<PlannedTask> tasks) {
        List<String> errors = new ArrayList<>();
        if (tasks.size() > maxTasks) {
            errors.add("the plan has " + tasks.size() + " tasks; at most " + maxTasks + " are allowed");
            return errors;
        }
        Map<Integer, TaskType> typeById = new HashMap<>();
        for (PlannedTask t : tasks) {
            if (t.task() == null || t.task().isBlank()) {
                errors.add("task " + t.id() + " has no task type");
            } else if (!TaskVocabulary.isKnown(t.task())) {
                errors.add("task " + t.id() + " has unknown task type '" + t.task() + "': it is not one of this system's task types");
            } else if (!taskTypeAllowed.test(TaskVocabulary.normalize(t.task()))) {
                errors.add("task " + t.id() + " has task type '" + t.task() + "', which no configured backend serves");
            } else {
                typeById.putIfAbsent(t.id(), TaskVocabulary.find(t.task()).orElseThrow());
            }
        }
        errors.addAll(structureProblems(tasks));
        tasks.forEach(t -> checkArgs(t, typeById, errors));
        return errors;
    }

    /**
     * What keeps tasks from being a DAG that can be scheduled, whatever their types: ids must be unique and not
     * negative, and each task may depend only on tasks before it in the list (so there is no cycle).
     */
    public static List<String> structureProblems(List<PlannedTask> tasks) {
        List<String> errors = new ArrayList<>();
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            PlannedTask t = tasks.get(i);
            if (t.id() < 0) {
                errors.add("task at position " + i + " has a negative id " + t.id());
            }
            if (position.putIfAbsent(t.id(), i) != null) {
                errors.add("task id " + t.id() + " is used twice");
            }
        }
        for (int i = 0; i < tasks.size(); i++) {
            PlannedTask t = tasks.get(i);
            for (int dep : GeneratedRefs.dependencies(t)) {
                Integer at = position.get(dep);
                if (dep == t.id()) {
                    errors.add("task " + t.id() + " depends on itself");
                } else if (at == null) {
                    errors.add("task " + t.id() + " refers to task " + dep + ", which is not in the plan");
                } else if (at > i) {
                    errors.add("task " + t.id() + " depends on task " + dep + ", which comes after it");
                }
            }
        }
        return errors;
    }

    private static void checkArgs(PlannedTask t, Map<Integer, TaskType> typeById, List<String> errors) {
        TaskType type = typeById.get(t.id());
        Map<String, String> args = t.args() == null ? Map.of() : t.args();
        if (type == null) {
            return;
        }
        if (args.values().stream().allMatch(v -> v == null || v.isBlank())) {
            errors.add("task " + t.id() + " (" + type.name() + ") has no arguments");
            return;
        }
        for (MediaKind needed : new HashSet<>(type.inputs())) {
            if (needed != MediaKind.TEXT && !args.containsKey(needed.argKey())) {
                errors.add("task " + t.id() + " (" + type.name() + ") needs an '" + needed.argKey() + "' argument");
            }
        }
        for (Map.Entry<String, String> arg : args.entrySet()) {
            MediaKind expected = MediaKind.ofArgKey(arg.getKey()).orElse(null);
            if (expected == null || expected == MediaKind.TEXT) {
                continue;
            }
            List<Integer> refs = GeneratedRefs.in(arg.getValue());
            if (refs.size() > 1) {
                errors.add("task " + t.id() + " takes '" + arg.getKey() + "' from " + refs.size() + " tasks (" + refs.stream()
                        .map(GeneratedRefs::of).collect(java.util.stream.Collectors.joining(", ")) + "); a file argument names one"
                        + " file: plan one task per input");
            }
            for (int ref : refs) {
                TaskType producer = typeById.get(ref);
                if (producer != null && !producer.produces(expected)) {
                    errors.add("task " + t.id() + " takes '" + arg.getKey() + "' from task " + ref + " ("
                            + producer.name() + "), which produces " + producer.outputs().stream().map(MediaKind::argKey)
                                    .collect(java.util.stream.Collectors.joining(" and ")) + ", not " + expected.argKey());
                }
            }
        }
    }
}

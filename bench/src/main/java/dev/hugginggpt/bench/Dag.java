package dev.hugginggpt.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Shape and critical path of a plan, from its tasks' dependencies. */
public final class Dag {
    private Dag() {
    }

    /**
     * The longest chain of task run times through the dependencies: the model time the request could not have
     * avoided however many executors ran it. Dependencies on tasks not in the list are ignored.
     */
    public static double criticalPathMillis(List<TaskTiming> tasks) {
        Map<Integer, TaskTiming> byId = index(tasks);
        Map<Integer, Double> finish = new HashMap<>();
        double longest = 0;
        for (TaskTiming t : tasks) {
            longest = Math.max(longest, finishOf(t, byId, finish, 0));
        }
        return longest;
    }

    /** Levels of the plan: 1 for independent tasks, 1 + the deepest dependency otherwise. */
    public static int depth(List<TaskTiming> tasks) {
        Map<Integer, TaskTiming> byId = index(tasks);
        Map<Integer, Integer> levels = new HashMap<>();
        int deepest = 0;
        for (TaskTiming t : tasks) {
            deepest = Math.max(deepest, levelOf(t, byId, levels, 0));
        }
        return deepest;
    }

    /** The most tasks on one level: how many could run at once. */
    public static int width(List<TaskTiming> tasks) {
        Map<Integer, TaskTiming> byId = index(tasks);
        Map<Integer, Integer> levels = new HashMap<>();
        Map<Integer, Integer> perLevel = new HashMap<>();
        for (TaskTiming t : tasks) {
            perLevel.merge(levelOf(t, byId, levels, 0), 1, Integer::sum);
        }
        return perLevel.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** "6 tasks, 3 levels, width 4". */
    public static String shape(List<TaskTiming> tasks) {
        return tasks.size() + (tasks.size() == 1 ? " task" : " tasks") + ", " + depth(tasks) + (depth(tasks) == 1 ? " level" : " levels")
                + ", width " + width(tasks);
    }

    private static Map<Integer, TaskTiming> index(List<TaskTiming> tasks) {
        Map<Integer, TaskTiming> byId = new HashMap<>();
        tasks.forEach(t -> byId.put(t.id(), t));
        return byId;
    }

    private static double finishOf(TaskTiming t, Map<Integer, TaskTiming> byId, Map<Integer, Double> memo, int guard) {
        Double known = memo.get(t.id());
        if (known != null) {
            return known;
        }
        if (guard > byId.size()) {
            throw new IllegalArgumentException("the plan's dependencies have a cycle at task " + t.id());
        }
        double start = 0;
        for (int dep : t.deps()) {
            TaskTiming d = byId.get(dep);
            if (d != null) {
                start = Math.max(start, finishOf(d, byId, memo, guard + 1));
            }
        }
        double finish = start + t.millis();
        memo.put(t.id(), finish);
        return finish;
    }

    private static int levelOf(TaskTiming t, Map<Integer, TaskTiming> byId, Map<Integer, Integer> memo, int guard) {
        Integer known = memo.get(t.id());
        if (known != null) {
            return known;
        }
        if (guard > byId.size()) {
            throw new IllegalArgumentException("the plan's dependencies have a cycle at task " + t.id());
        }
        int level = 1;
        for (int dep : t.deps()) {
            TaskTiming d = byId.get(dep);
            if (d != null) {
                level = Math.max(level, 1 + levelOf(d, byId, memo, guard + 1));
            }
        }
        memo.put(t.id(), level);
        return level;
    }
}

package dev.hugginggpt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One task of a request view: its dependencies and when the executor ran it. */
public record TaskTiming(int id, String task, List<Integer> deps, String status, String model, Instant startedAt,
        Instant finishedAt) {

    /** How long the model ran on the executor; 0 for a task that never started. */
    public double millis() {
        if (startedAt == null || finishedAt == null) {
            return 0;
        }
        return Duration.between(startedAt, finishedAt).toNanos() / 1e6;
    }

    public static List<TaskTiming> fromView(JsonNode view) {
        List<TaskTiming> tasks = new ArrayList<>();
        for (JsonNode t : view.path("tasks")) {
            List<Integer> deps = new ArrayList<>();
            for (JsonNode d : t.path("dep")) {
                if (d.asInt() >= 0) {
                    deps.add(d.asInt());
                }
            }
            tasks.add(new TaskTiming(t.path("id").asInt(), t.path("task").asText(), List.copyOf(deps),
                    t.path("status").asText(), t.path("model").asText(null), instant(t.path("startedAt")),
                    instant(t.path("finishedAt"))));
        }
        return tasks;
    }

    static Instant instant(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : Instant.parse(node.asText());
    }
}

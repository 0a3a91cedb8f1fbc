package dev.hugginggpt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a request's time went, from the timestamps of its events (every service stamps its own events; all run on
 * this machine, so one clock). Per-task hops are averaged over the request's tasks.
 */
public record Hops(Map<String, Double> millis) {
    public static final List<String> NAMES = List.of(
            "client → gateway accepted",
            "accepted → planned (gateway → Kafka → planner, planning)",
            "planned → first task dispatched (Kafka → selector, selection)",
            "dispatched → started, per task (Kafka → executor)",
            "model run, per task",
            "finished → selector, per task (Kafka → selector)",
            "selector done → answered (Kafka → gateway responder)",
            "answered → client (gateway views → HTTP)");

    public static Hops of(List<JsonNode> events, Instant sentAt, Instant answeredAt) {
        Instant accepted = null;
        Instant planned = null;
        Instant firstSelected = null;
        Instant responding = null;
        Instant done = null;
        Map<Integer, Instant> selected = new LinkedHashMap<>();
        List<Double> dispatch = new ArrayList<>();
        List<Double> run = new ArrayList<>();
        List<Double> back = new ArrayList<>();
        for (JsonNode e : events) {
            Instant at = TaskTiming.instant(e.path("at"));
            int task = e.path("taskId").asInt(-1);
            switch (e.path("type").asText()) {
                case "ACCEPTED" -> accepted = accepted == null ? at : accepted;
                case "PLANNED" -> planned = at;
                case "TASK_SELECTED" -> {
                    selected.put(task, at);
                    firstSelected = firstSelected == null ? at : firstSelected;
                }
                case "TASK_FINISHED" -> {
                    // the result's own start time: an executor announces only tasks that run for a while
                    Instant started = TaskTiming.instant(e.path("result").path("startedAt"));
                    Instant finished = TaskTiming.instant(e.path("result").path("finishedAt"));
                    if (started != null && finished != null && e.path("result").hasNonNull("executor")) {
                        if (selected.containsKey(task)) {
                            dispatch.add(ms(selected.get(task), started));
                        }
                        run.add(ms(started, finished));
                        back.add(ms(finished, at));
                    }
                }
                case "RESPONDING" -> responding = at;
                case "DONE" -> done = at;
                default -> {
                }
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(NAMES.get(0), ms(sentAt, accepted));
        m.put(NAMES.get(1), ms(accepted, planned));
        m.put(NAMES.get(2), ms(planned, firstSelected));
        m.put(NAMES.get(3), mean(dispatch));
        m.put(NAMES.get(4), mean(run));
        m.put(NAMES.get(5), mean(back));
        m.put(NAMES.get(6), ms(responding, done));
        m.put(NAMES.get(7), ms(done, answeredAt));
        return new Hops(m);
    }

    private static double ms(Instant from, Instant to) {
        return from == null || to == null ? Double.NaN : Duration.between(from, to).toNanos() / 1e6;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The median of each hop over many requests. */
    public static Map<String, Double> medians(List<Hops> all) {
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String name : NAMES) {
            double[] values = all.stream().mapToDouble(h -> h.millis().getOrDefault(name, Double.NaN))
                    .filter(v -> !Double.isNaN(v)).toArray();
            medians.put(name, Summary.of(values).p50());
        }
        return medians;
    }
}

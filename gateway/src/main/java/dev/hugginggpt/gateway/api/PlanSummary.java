package dev.hugginggpt.gateway.api;

import dev.hugginggpt.protocol.PlannedTask;
import java.util.List;
import java.util.stream.Collectors;

/** A plan in one line: "0 text-to-speech → 1 text-classification". */
final class PlanSummary {
    private PlanSummary() {
    }

    static String of(List<PlannedTask> tasks) {
        return tasks.stream().map(t -> t.id() + " " + t.task()).collect(Collectors.joining(" → "));
    }
}

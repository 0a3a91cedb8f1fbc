package dev.hugginggpt.planner.service;

import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.PlannedTask;
import java.util.List;

/** A plan, or the reason there is none. */
public record PlanningResult(List<PlannedTask> tasks, String planner, LlmUsage usage, String failure) {

    public static PlanningResult planned(List<PlannedTask> tasks, String planner, LlmUsage usage) {
        return new PlanningResult(tasks, planner, usage, null);
    }

    public static PlanningResult failed(String planner, LlmUsage usage, String reason) {
        return new PlanningResult(List.of(), planner, usage, reason);
    }

    public boolean ok() {
        return failure == null;
    }
}

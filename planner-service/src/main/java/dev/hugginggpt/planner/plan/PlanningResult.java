package dev.hugginggpt.planner.plan;

import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.PlannedTask;
import java.util.List;

/**
 * A plan, or the reason there is none. {@code reply}: the direct answer of a request that asks for no task
 * (a greeting, "what can you do?"), with an empty plan.
 */
public record PlanningResult(List<PlannedTask> tasks, String planner, LlmUsage usage, String failure, String reply) {

    public static PlanningResult planned(List<PlannedTask> tasks, String planner, LlmUsage usage) {
        return new PlanningResult(tasks, planner, usage, null, null);
    }

    /** No task: the request is conversation, and this is the answer. */
    public static PlanningResult replied(String reply, String planner, LlmUsage usage) {
        return new PlanningResult(List.of(), planner, usage, null, reply);
    }

    public static PlanningResult failed(String planner, LlmUsage usage, String reason) {
        return new PlanningResult(List.of(), planner, usage, reason, null);
    }

    public boolean ok() {
        return failure == null;
    }
}

package dev.hugginggpt.protocol;

import java.util.List;

/** hg.plans: a validated plan, with the request context the later stages need. */
public record Plan(
        String requestId,
        String tenant,
        String userMessage,
        List<PlannedTask> tasks,
        String planner,
        LlmUsage usage,
        List<ResourceRef> resources,
        RequestOptions options,
        long planningMillis) {
}

package dev.hugginggpt.protocol;

import java.util.List;

/**
 * hg.plans: a validated plan, with the request context the later stages need. {@code reply}: the planner's direct
 * answer when the request asks for no task (conversation: a greeting, "what can you do?"); null otherwise.
 */
public record Plan(
        String requestId,
        String tenant,
        String userMessage,
        List<PlannedTask> tasks,
        String planner,
        LlmUsage usage,
        List<ResourceRef> resources,
        RequestOptions options,
        long planningMillis,
        String reply) implements Checked {

    public Plan(String requestId, String tenant, String userMessage, List<PlannedTask> tasks, String planner, LlmUsage usage,
            List<ResourceRef> resources, RequestOptions options, long planningMillis) {
        this(requestId, tenant, userMessage, tasks, planner, usage, resources, options, planningMillis, null);
    }

    @Override
    public List<String> problems() {
        Problems p = new Problems().requireText(requestId, "request id").requireElements(tasks, "tasks");
        if (tasks != null && tasks.stream().allMatch(java.util.Objects::nonNull)) {
            p.addAll("", PlanValidator.structureProblems(tasks));
        }
        return p.addAll("options: ", options == null ? List.of() : options.problems()).list();
    }
}

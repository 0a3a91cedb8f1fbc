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
        long planningMillis) implements Checked {

    @Override
    public List<String> problems() {
        Problems p = new Problems().requireText(requestId, "request id").requireElements(tasks, "tasks");
        if (tasks != null && tasks.stream().allMatch(java.util.Objects::nonNull)) {
            p.addAll("", PlanValidator.structureProblems(tasks));
        }
        return p.addAll("options: ", options == null ? List.of() : options.problems()).list();
    }
}

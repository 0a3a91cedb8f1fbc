package dev.hugginggpt.protocol;

import java.time.Instant;
import java.util.List;

/** hg.outcomes: the plan with every task's terminal result, for response generation. */
public record Outcome(String requestId, Plan plan, List<TaskResult> results, LlmUsage selectionUsage, Instant completedAt) implements Checked {
    @Override
    public List<String> problems() {
        Problems p = new Problems().requireText(requestId, "request id").require(plan != null, "no plan")
                .requireElements(results, "results");
        if (plan != null) {
            p.addAll("plan: ", plan.problems());
        }
        if (results != null) {
            results.stream().filter(java.util.Objects::nonNull).forEach(r -> p.addAll("result: ", r.problems()));
        }
        return p.list();
    }
}

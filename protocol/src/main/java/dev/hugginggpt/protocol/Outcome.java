package dev.hugginggpt.protocol;

import java.time.Instant;
import java.util.List;

/** hg.outcomes: the plan with every task's terminal result, for response generation. */
public record Outcome(String requestId, Plan plan, List<TaskResult> results, LlmUsage selectionUsage, Instant completedAt) {
}

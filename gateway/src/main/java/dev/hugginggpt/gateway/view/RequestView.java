package dev.hugginggpt.gateway.view;

import dev.hugginggpt.protocol.Answer;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.RequestStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Everything known about a request: stage, plan, per-task results and the answer.")
public record RequestView(
        @Schema(required = true, description = "Request id.") String id,
        @Schema(required = true, description = "Stage.") RequestStatus status,
        @Schema(required = true, description = "The conversation as submitted.") List<ChatMessage> messages,
        @Schema(description = "Which planner made the plan: embedded or llm.") String planner,
        @Schema(required = true, description = "The plan and each task's progress.") List<TaskView> tasks,
        @Schema(description = "The answer, once DONE.") Answer answer,
        @Schema(description = "Why the request failed, if FAILED.") String error,
        @Schema(required = true, description = "LLM calls and tokens spent on this request.") LlmUsage llmUsage,
        @Schema(required = true, description = "LLM usage by stage: planning, selection, response.") Map<String, LlmUsage> llmUsageByStage,
        @Schema(description = "Milliseconds spent planning.") Long planningMillis,
        @Schema(description = "When the gateway accepted it.") Instant createdAt,
        @Schema(description = "Last change.") Instant updatedAt) {
}

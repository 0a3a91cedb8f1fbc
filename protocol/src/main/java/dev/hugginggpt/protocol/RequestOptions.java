package dev.hugginggpt.protocol;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Per-request options; every field is optional.")
public record RequestOptions(
        @Schema(description = "Planner to use: auto (LLM when configured, else embedded), llm or embedded.", examples = "auto") String planner,
        @Schema(description = "How many ranked candidate models to consider per task.", examples = "5") Integer topK,
        @Schema(description = "Time limit for one task run, in seconds.", examples = "120") Integer taskTimeoutSeconds,
        @Schema(description = "Stop after planning: the plan is returned and nothing runs.") Boolean planOnly) {

    public static RequestOptions defaults() {
        return new RequestOptions(null, null, null, null);
    }

    public String plannerOrAuto() {
        return planner == null || planner.isBlank() ? "auto" : planner;
    }

    public boolean isPlanOnly() {
        return Boolean.TRUE.equals(planOnly);
    }

    public RequestOptions withPlanOnly() {
        return new RequestOptions(planner, topK, taskTimeoutSeconds, true);
    }
}

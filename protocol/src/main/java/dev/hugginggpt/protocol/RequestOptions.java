package dev.hugginggpt.protocol;

import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Per-request options; every field is optional.")
public record RequestOptions(
        @Schema(description = "Planner to use: auto (LLM when configured, else embedded), llm or embedded.", examples = "auto") String planner,
        @Schema(description = "How many ranked candidate models to consider per task.", examples = "5") Integer topK,
        @Schema(description = "Time limit for one task run, in seconds.", examples = "120") Integer taskTimeoutSeconds,
        @Schema(description = "Stop after planning: the plan is returned and nothing runs.") Boolean planOnly,
        @Schema(description = "The most tokens an answer written by the LLM may take (the templated answer is not cut).",
                examples = "500") Integer maxAnswerTokens) {

    public static final int MAX_TOP_K = 50;
    public static final int MAX_TASK_TIMEOUT_SECONDS = 3600;
    public static final int MAX_ANSWER_TOKENS = 100_000;

    /** Options without a cap on the answer. */
    public RequestOptions(String planner, Integer topK, Integer taskTimeoutSeconds, Boolean planOnly) {
        this(planner, topK, taskTimeoutSeconds, planOnly, null);
    }

    /** Options out of their ranges, in words (the gateway answers these as a 400). */
    public List<String> problems() {
        return new Problems()
                .require(planner == null || Set.of("auto", "llm", "embedded").contains(planner),
                        "planner must be auto, llm or embedded")
                .require(topK == null || topK >= 1 && topK <= MAX_TOP_K, "topK must be between 1 and " + MAX_TOP_K)
                .require(taskTimeoutSeconds == null || taskTimeoutSeconds >= 1
                        && taskTimeoutSeconds <= MAX_TASK_TIMEOUT_SECONDS,
                        "taskTimeoutSeconds must be between 1 and " + MAX_TASK_TIMEOUT_SECONDS)
                .require(maxAnswerTokens == null || maxAnswerTokens >= 1 && maxAnswerTokens <= MAX_ANSWER_TOKENS,
                        "maxAnswerTokens must be between 1 and " + MAX_ANSWER_TOKENS)
                .list();
    }

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
        return new RequestOptions(planner, topK, taskTimeoutSeconds, true, maxAnswerTokens);
    }

    public RequestOptions withMaxAnswerTokens(Integer maxTokens) {
        return new RequestOptions(planner, topK, taskTimeoutSeconds, planOnly, maxTokens);
    }
}

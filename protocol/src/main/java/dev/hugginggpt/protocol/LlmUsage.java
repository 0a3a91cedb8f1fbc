package dev.hugginggpt.protocol;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "LLM calls and tokens spent.")
public record LlmUsage(
        @Schema(description = "Number of LLM calls.") int calls,
        @Schema(description = "Prompt tokens.") long inputTokens,
        @Schema(description = "Completion tokens.") long outputTokens) {

    public static final LlmUsage NONE = new LlmUsage(0, 0, 0);

    /** One call, with the token counts the endpoint reported (absent counts as zero). */
    public static LlmUsage oneCall(Integer inputTokens, Integer outputTokens) {
        return new LlmUsage(1, inputTokens == null ? 0 : inputTokens, outputTokens == null ? 0 : outputTokens);
    }

    public LlmUsage plus(LlmUsage other) {
        if (other == null) {
            return this;
        }
        return new LlmUsage(calls + other.calls, inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }
}

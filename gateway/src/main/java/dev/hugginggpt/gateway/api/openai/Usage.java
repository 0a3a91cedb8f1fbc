package dev.hugginggpt.gateway.api.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hugginggpt.protocol.LlmUsage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CompletionUsage", description = "LLM tokens the whole request spent: planning, model choice and answer (0 offline).")
public record Usage(
        @JsonProperty("prompt_tokens") @Schema(required = true) long promptTokens,
        @JsonProperty("completion_tokens") @Schema(required = true) long completionTokens,
        @JsonProperty("total_tokens") @Schema(required = true) long totalTokens) {

    public static Usage of(LlmUsage usage) {
        long in = usage == null ? 0 : usage.inputTokens();
        long out = usage == null ? 0 : usage.outputTokens();
        return new Usage(in, out, in + out);
    }
}

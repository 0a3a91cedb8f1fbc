package dev.hugginggpt.protocol;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The answer to the user.")
public record Answer(
        @Schema(description = "The answer text.") String text,
        @Schema(description = "How it was written: template (offline) or llm.") String generator,
        @Schema(description = "LLM usage of response generation.") LlmUsage usage,
        @Schema(description = "True when the LLM stopped at the request's maxAnswerTokens; absent otherwise.") Boolean truncated) {

    public Answer(String text, String generator, LlmUsage usage) {
        this(text, generator, usage, null);
    }
}

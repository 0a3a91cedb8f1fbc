package dev.hugginggpt.gateway.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An OpenAI chat completion: the pipeline's answer as the assistant's message.")
public record ChatCompletion(
        @Schema(required = true, examples = "chatcmpl-5f0c2b7a9d") String id,
        @Schema(required = true, enumeration = "chat.completion") String object,
        @Schema(required = true, description = "Unix seconds.") long created,
        @Schema(required = true, enumeration = "hugginggpt") String model,
        @Schema(required = true, description = "Always one choice.") List<Choice> choices,
        @Schema(required = true) Usage usage,
        @Schema(required = true) CompletionExtension hugginggpt) {

    @Schema(name = "ChatCompletionChoice")
    public record Choice(
            @Schema(required = true) int index,
            @Schema(required = true) Message message,
            @JsonProperty("finish_reason") @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(required = true, enumeration = {"stop", "length"}, description = "length: the LLM stopped at max_tokens, or the"
                    + " request was still running when the wait ended.") String finishReason) {
    }

    @Schema(name = "ChatCompletionMessage", description = "The assistant's answer.")
    public record Message(
            @Schema(required = true, enumeration = "assistant") String role,
            @Schema(required = true, description = "The answer: text, or JSON when response_format asks for it.") String content) {
    }
}

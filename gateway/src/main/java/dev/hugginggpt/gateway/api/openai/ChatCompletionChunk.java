package dev.hugginggpt.gateway.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = """
        One event of a streamed chat completion (`data: {chunk}`; the stream ends with `data: [DONE]`). The first chunk \
        has the role; then, while the pipeline runs, chunks with an empty delta whose hugginggpt.progress names each \
        stage and task event; then the answer (token by token when an LLM writes it); then a chunk with finish_reason; \
        with stream_options.include_usage, a last chunk with no choices and the usage.""")
public record ChatCompletionChunk(
        @Schema(required = true) String id,
        @Schema(required = true, enumeration = "chat.completion.chunk") String object,
        @Schema(required = true, description = "Unix seconds.") long created,
        @Schema(required = true, enumeration = "hugginggpt") String model,
        @Schema(required = true, description = "One choice; none in the usage chunk.") List<Choice> choices,
        @Schema(description = "Only in the last chunk, with stream_options.include_usage.") Usage usage,
        @Schema(required = true) CompletionExtension hugginggpt) {

    @Schema(name = "ChatCompletionChunkChoice")
    public record Choice(
            @Schema(required = true) int index,
            @Schema(required = true) Delta delta,
            @JsonProperty("finish_reason") @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(required = true, type = SchemaType.STRING, nullable = true, enumeration = {"stop", "length"},
                    description = "null until the last chunk of the answer.") String finishReason) {
    }

    @Schema(name = "ChatCompletionChunkDelta", description = "What this chunk adds: the role (first chunk), text, or nothing (progress).")
    public record Delta(
            @Schema(enumeration = "assistant") String role,
            String content) {
    }
}

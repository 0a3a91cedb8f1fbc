package dev.hugginggpt.gateway.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The chat completion request as the OpenAPI document describes it (the gateway reads it with
 * {@link ChatCompletionRequest.Reader}, token by token).
 */
@Schema(name = "ChatCompletionRequest", description = """
        An OpenAI chat completion request. Sampling parameters (temperature, top_p, seed, presence_penalty, \
        frequency_penalty, logit_bias, user, metadata, store, parallel_tool_calls, service_tier, reasoning_effort, \
        prediction) are accepted and have no effect: the pipeline's models and its LLM run with the deployment's settings.""")
record ChatCompletionParameters(
        @Schema(required = true, enumeration = "hugginggpt") String model,
        @Schema(required = true, description = "The conversation; the last message must be the user's.") List<InputMessage> messages,
        @Schema(description = "Send the answer as Server-Sent Events (chat.completion.chunk).") Boolean stream,
        @JsonProperty("stream_options") StreamOptions streamOptions,
        @JsonProperty("max_completion_tokens") @Schema(minimum = "1", description = "The most tokens an LLM-written answer may"
                + " take (finish_reason length when it stops there); the templated answer is not cut.") Integer maxCompletionTokens,
        @JsonProperty("max_tokens") @Schema(minimum = "1", deprecated = true, description = "The older name of"
                + " max_completion_tokens.") Integer maxTokens,
        @Schema(description = "Up to 4 sequences: the answer ends before the first of them (finish_reason stop).",
                oneOf = {String.class, String[].class}) Object stop,
        @JsonProperty("response_format") ResponseFormat responseFormat,
        @Schema(minimum = "1", maximum = "1", description = "1 only: one answer per request; more is a 400 naming n.") Integer n,
        @Schema(maxItems = 0, description = "Absent or empty: this model calls no tools of the client's; tools given are a 400"
                + " naming tools.") List<Map<String, Object>> tools,
        @JsonProperty("tool_choice") @Schema(enumeration = {"none", "auto"}, description = "none or auto; anything that"
                + " forces a tool is a 400.") String toolChoice,
        @Schema(enumeration = "false", description = "false only; log probabilities are not available (true is a 400).") Boolean logprobs,
        @JsonProperty("top_logprobs") @Schema(maximum = "0", description = "0 only.") Integer topLogprobs,
        @Schema(description = "Accepted, no effect.") Double temperature,
        @JsonProperty("top_p") @Schema(description = "Accepted, no effect.") Double topP,
        @Schema(description = "Accepted, no effect.") Long seed,
        @Schema(description = "Accepted, no effect.") String user) {

    @Schema(name = "ChatCompletionRequestMessage", description = """
            One message. content is a string or an array of parts: text, image_url (a data: URL), input_audio \
            (base64 data, format), file (file_data as a data: URL, filename); URLs are not fetched. An assistant \
            message with content null (it only called tools) is skipped; a tool message's text is history.""")
    record InputMessage(
            @Schema(required = true, enumeration = {"system", "developer", "user", "assistant", "tool"}) String role,
            @Schema(oneOf = {String.class, ContentPart[].class}, type = SchemaType.STRING, nullable = true) Object content,
            @Schema(description = "Ignored.") String name,
            @JsonProperty("tool_call_id") @Schema(description = "Ignored.") String toolCallId,
            @JsonProperty("tool_calls") @Schema(description = "Ignored: only the content of a message is history.")
            List<Map<String, Object>> toolCalls) {
    }

    @Schema(name = "ChatCompletionContentPart")
    record ContentPart(
            @Schema(required = true, enumeration = {"text", "image_url", "input_audio", "file", "refusal"}) String type,
            String text,
            @JsonProperty("image_url") ImageUrl imageUrl,
            @JsonProperty("input_audio") InputAudio inputAudio,
            InputFile file,
            String refusal) {
    }

    @Schema(name = "ChatCompletionImageUrl")
    record ImageUrl(@Schema(required = true, description = "data:image/...;base64,...") String url, String detail) {
    }

    @Schema(name = "ChatCompletionInputAudio")
    record InputAudio(@Schema(required = true, description = "Base64.") String data,
            @Schema(required = true, enumeration = {"wav", "mp3", "flac", "ogg"}) String format) {
    }

    @Schema(name = "ChatCompletionInputFile")
    record InputFile(@JsonProperty("file_data") @Schema(description = "data:...;base64,...") String fileData, String filename) {
    }

    @Schema(name = "ChatCompletionStreamOptions")
    record StreamOptions(@JsonProperty("include_usage") @Schema(description = "Send a last chunk with the usage.") Boolean includeUsage) {
    }

    @Schema(name = "ChatCompletionResponseFormat", description = """
            text (the default); json_object: the answer as a JSON object (requestId, status, answer, workflow, tasks, \
            results, files, error); json_schema: that object cut to the properties the schema names (a top-level \
            property it does not have is a 400 naming response_format).""")
    record ResponseFormat(
            @Schema(required = true, enumeration = {"text", "json_object", "json_schema"}) String type,
            @JsonProperty("json_schema") JsonSchemaFormat jsonSchema) {
    }

    @Schema(name = "ChatCompletionJsonSchema")
    record JsonSchemaFormat(@Schema(required = true) String name, String description,
            @Schema(description = "A JSON Schema object.") Map<String, Object> schema, Boolean strict) {
    }
}

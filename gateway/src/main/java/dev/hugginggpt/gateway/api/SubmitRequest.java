package dev.hugginggpt.gateway.api;

import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.RequestOptions;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A request: the conversation so far, ending with the user's new message, and uploaded files.")
public record SubmitRequest(
        @Schema(description = "The conversation; the last user message is the request.", required = true) List<ChatMessage> messages,
        @Schema(description = "Ids of uploaded resources (POST /v1/resources) the request may use.") List<String> resources,
        @Schema(description = "Options.") RequestOptions options) {
}

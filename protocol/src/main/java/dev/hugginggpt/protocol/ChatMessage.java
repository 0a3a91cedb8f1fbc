package dev.hugginggpt.protocol;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One turn of the conversation.")
public record ChatMessage(
        @Schema(description = "Who said it: user, assistant or system.", examples = "user") String role,
        @Schema(description = "What was said, in any language.", examples = "Read 'Bonjour tout le monde' aloud") String content) {

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }
}

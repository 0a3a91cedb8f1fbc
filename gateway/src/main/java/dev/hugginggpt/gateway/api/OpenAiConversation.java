package dev.hugginggpt.gateway.api;

import dev.hugginggpt.gateway.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The conversation of an OpenAI chat completion request, and the files its last message carries. Content comes as a
 * string or as parts; the last message's files are the request's resources, an earlier message's files are named in its
 * text, as the conversation's files. A history from a client that uses tools elsewhere is taken as far as it is text: an
 * assistant message that only called tools (content null) says nothing, a tool's result is what the assistant's turn
 * produced, so it is the assistant's text.
 */
record OpenAiConversation(List<ChatMessage> messages, List<String> resources) {

    static OpenAiConversation of(List<JsonNode> all, InlineFiles.Batch batch) {
        if (all == null) {
            throw ProblemException.badParameter("messages", "'messages' must be an array of {role, content}");
        }
        List<ChatMessage> messages = new ArrayList<>();
        List<String> lastFiles = List.of();
        for (int i = 0; i < all.size(); i++) {
            JsonNode message = all.get(i);
            boolean last = i == all.size() - 1;
            String role = role(message.path("role"), last);
            List<String> attached = new ArrayList<>();
            String text = text(message.path("content"), batch, attached);
            if (last) {
                lastFiles = attached;
            } else if (!attached.isEmpty()) {
                text = (text == null || text.isBlank() ? "" : text.strip() + " ") + "(attached: " + String.join(", ", attached) + ")";
            }
            if (role.equals("tool")) {
                role = "assistant";
                text = text == null || text.isBlank() ? null : "Tool result: " + text;
            }
            if ((text == null || text.isBlank()) && "assistant".equals(role) && !last) {
                continue; // an assistant turn that only called tools: nothing of it is text
            }
            messages.add(new ChatMessage(role, text));
        }
        return new OpenAiConversation(messages, lastFiles);
    }

    /** The protocol's role of an OpenAI role (developer is the newer name of system; function the older one of tool). */
    private static String role(JsonNode role, boolean last) {
        String name = role.isTextual() ? role.asText() : null;
        if (last && ("tool".equals(name) || "function".equals(name))) {
            throw ProblemException.badParameter("messages", "the last message must be the user's: a " + name + " result cannot"
                    + " be answered here, as this model calls no tools; send the user's next message");
        }
        if (name == null) {
            return null; // refused with the other checks of the conversation
        }
        return switch (name) {
            case "developer" -> "system";
            case "function" -> "tool";
            default -> name;
        };
    }

    private static String text(JsonNode content, InlineFiles.Batch batch, List<String> attached) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            return null;
        }
        StringBuilder parts = new StringBuilder();
        for (JsonNode part : content) {
            Optional<ResourceRef> file = batch.store(part);
            if (file.isPresent()) {
                if (!attached.contains(file.get().id())) {
                    attached.add(file.get().id());
                }
            } else if (part.path("text").isTextual()) {
                parts.append(part.path("text").asText());
            } else if (part.path("refusal").isTextual()) {
                parts.append(part.path("refusal").asText());
            } else {
                throw ProblemException.badParameter("messages", "a text content part needs its 'text' as a string");
            }
        }
        return parts.toString();
    }
}

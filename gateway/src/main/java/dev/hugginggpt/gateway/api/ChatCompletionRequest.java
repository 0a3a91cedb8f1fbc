package dev.hugginggpt.gateway.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the gateway reads of an OpenAI chat completion request: the model, whether to stream, and the messages. Read as
 * a stream of tokens: the other fields are skipped without being built, and the messages array is refused at its
 * {@value RequestSubmitter#MAX_MESSAGES}th element plus one, before that element is built.
 */
@JsonDeserialize(using = ChatCompletionRequest.Reader.class)
public record ChatCompletionRequest(String model, boolean stream, List<JsonNode> messages) {

    static final class Reader extends StdDeserializer<ChatCompletionRequest> {
        Reader() {
            super(ChatCompletionRequest.class);
        }

        @Override
        public ChatCompletionRequest deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                throw ProblemException.badRequest("the body must be a JSON object with 'model' and 'messages'");
            }
            String model = OpenAiCompatResource.MODEL;
            boolean stream = false;
            List<JsonNode> messages = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                JsonToken value = p.nextToken();
                switch (field) {
                    case "model" -> {
                        if (value != JsonToken.VALUE_STRING) {
                            throw ProblemException.badRequest("'model' must be a string: '" + OpenAiCompatResource.MODEL + "'");
                        }
                        model = p.getText();
                    }
                    case "stream" -> {
                        if (!value.isBoolean() && value != JsonToken.VALUE_NULL) {
                            throw ProblemException.badRequest("'stream' must be true or false");
                        }
                        stream = value == JsonToken.VALUE_TRUE;
                    }
                    case "messages" -> messages = messages(p, ctxt);
                    default -> p.skipChildren();
                }
            }
            return new ChatCompletionRequest(model, stream, messages);
        }

        private static List<JsonNode> messages(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw ProblemException.badRequest("'messages' must be an array of {role, content}");
            }
            List<JsonNode> messages = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (messages.size() == RequestSubmitter.MAX_MESSAGES) {
                    throw ProblemException.badRequest("at most " + RequestSubmitter.MAX_MESSAGES + " messages are accepted");
                }
                messages.add(ctxt.readTree(p));
            }
            return messages;
        }
    }
}

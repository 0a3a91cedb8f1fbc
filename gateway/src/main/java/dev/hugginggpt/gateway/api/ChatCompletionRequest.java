package dev.hugginggpt.gateway.api;

import dev.hugginggpt.gateway.problem.ProblemException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.hugginggpt.gateway.api.openai.ModelObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the gateway reads of an OpenAI chat completion request. Read as a stream of tokens: the parameters it ignores
 * (sampling: temperature, top_p, seed, penalties, user, metadata, ...) are skipped without being built, the messages
 * array is refused at its {@value RequestSubmitter#MAX_MESSAGES}th element plus one, before that element is built, and
 * a parameter asking for what this server does not do (tools, several choices, log probabilities, audio out, web
 * search) is refused by name at once ({@link ProblemException#unsupportedParameter}).
 *
 * @param maxTokens      max_completion_tokens, or the older max_tokens: the cap on an answer the LLM writes
 * @param stop           up to 4 sequences; the answer ends before the first of them
 * @param responseFormat json_object or json_schema: the answer as JSON; null for text
 */
@JsonDeserialize(using = ChatCompletionRequest.Reader.class)
public record ChatCompletionRequest(String model, boolean stream, boolean includeUsage, List<JsonNode> messages,
        Integer maxTokens, List<String> stop, ResponseFormat responseFormat) {
    static final int MAX_STOP_SEQUENCES = 4;

    /** A JSON answer: any object ({@code json_object}), or one shaped by the client's schema ({@code json_schema}). */
    public record ResponseFormat(String type, JsonNode schema) {
    }

    static final class Reader extends StdDeserializer<ChatCompletionRequest> {
        Reader() {
            super(ChatCompletionRequest.class);
        }

        @Override
        public ChatCompletionRequest deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                throw ProblemException.badRequest("the body must be a JSON object with 'model' and 'messages'");
            }
            String model = ModelObject.ID;
            boolean stream = false;
            boolean includeUsage = false;
            List<JsonNode> messages = null;
            Integer maxTokens = null;
            Integer maxCompletionTokens = null;
            List<String> stop = null;
            ResponseFormat format = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                JsonToken value = p.nextToken();
                switch (field) {
                    case "model" -> {
                        if (value != JsonToken.VALUE_STRING) {
                            throw ProblemException.badParameter("model", "'model' must be a string: '" + ModelObject.ID + "'");
                        }
                        model = p.getText();
                    }
                    case "stream" -> stream = bool(p, "stream");
                    case "stream_options" -> includeUsage = includeUsage(p, ctxt);
                    case "messages" -> messages = messages(p, ctxt);
                    case "max_tokens" -> maxTokens = positive(p, "max_tokens");
                    case "max_completion_tokens" -> maxCompletionTokens = positive(p, "max_completion_tokens");
                    case "stop" -> stop = stop(p);
                    case "response_format" -> format = responseFormat(ctxt.readTree(p));
                    case "n" -> {
                        Integer n = positive(p, "n");
                        refuseIf(n != null && n > 1, "n", "n must be 1: the pipeline writes one answer per request");
                    }
                    case "tools", "functions" -> {
                        refuseIf(value == JsonToken.START_ARRAY && p.nextToken() != JsonToken.END_ARRAY, field,
                                "'" + field + "' is not supported: this model calls no tools of yours (its own tasks run inside"
                                        + " the pipeline); send the request without " + field);
                        p.skipChildren();
                    }
                    case "tool_choice", "function_call" -> {
                        boolean mayRunATool = value == JsonToken.START_OBJECT
                                || value == JsonToken.VALUE_STRING && !List.of("none", "auto").contains(p.getText());
                        refuseIf(mayRunATool, field, "'" + field + "' must be absent, \"none\" or \"auto\": this model calls no tools");
                        p.skipChildren();
                    }
                    case "logprobs" -> refuseIf(bool(p, "logprobs"), "logprobs",
                            "logprobs are not available: the answer is written by a pipeline of models, not sampled token by token");
                    case "top_logprobs" -> {
                        Integer top = nonNegative(p, "top_logprobs");
                        refuseIf(top != null && top > 0, "top_logprobs", "top_logprobs are not available: no log probabilities are kept");
                    }
                    case "modalities" -> {
                        JsonNode modalities = ctxt.readTree(p);
                        boolean audio = modalities.isArray() && modalities.toString().contains("\"audio\"");
                        refuseIf(audio, "modalities", "the answer is text; audio the tasks produce is a file named in it"
                                + " (download it from /v1/resources/{id})");
                    }
                    case "audio" -> {
                        refuseIf(value != JsonToken.VALUE_NULL, "audio", "the answer is text; ask for speech in the message"
                                + " (\"read it aloud\") and download the file the task produces");
                        p.skipChildren();
                    }
                    case "web_search_options" -> {
                        refuseIf(value != JsonToken.VALUE_NULL, "web_search_options", "this model does not search the web");
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
            }
            return new ChatCompletionRequest(model, stream, includeUsage, messages,
                    maxCompletionTokens != null ? maxCompletionTokens : maxTokens, stop, format);
        }

        private static void refuseIf(boolean refused, String param, String detail) {
            if (refused) {
                throw ProblemException.unsupportedParameter(param, detail);
            }
        }

        private static boolean bool(JsonParser p, String name) {
            JsonToken value = p.currentToken();
            if (!value.isBoolean() && value != JsonToken.VALUE_NULL) {
                throw ProblemException.badParameter(name, "'" + name + "' must be true or false");
            }
            return value == JsonToken.VALUE_TRUE;
        }

        private static Integer positive(JsonParser p, String name) throws IOException {
            Integer n = nonNegative(p, name);
            if (n != null && n < 1) {
                throw ProblemException.badParameter(name, "'" + name + "' must be at least 1");
            }
            return n;
        }

        private static Integer nonNegative(JsonParser p, String name) throws IOException {
            JsonToken value = p.currentToken();
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() < 0) {
                throw ProblemException.badParameter(name, "'" + name + "' must be a whole number, 0 or more");
            }
            return p.getIntValue();
        }

        private static boolean includeUsage(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode options = ctxt.readTree(p);
            if (options == null || options.isNull()) {
                return false;
            }
            JsonNode include = options.path("include_usage");
            if (!options.isObject() || !include.isMissingNode() && !include.isBoolean() && !include.isNull()) {
                throw ProblemException.badParameter("stream_options", "'stream_options' must be {\"include_usage\": true or false}");
            }
            return include.asBoolean(false);
        }

        private static List<String> stop(JsonParser p) throws IOException {
            JsonToken value = p.currentToken();
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            List<String> stop = new ArrayList<>();
            if (value == JsonToken.VALUE_STRING) {
                stop.add(p.getText());
            } else if (value == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() != JsonToken.VALUE_STRING || stop.size() == MAX_STOP_SEQUENCES) {
                        throw ProblemException.badParameter("stop", "'stop' must be a string or up to " + MAX_STOP_SEQUENCES + " strings");
                    }
                    stop.add(p.getText());
                }
            } else {
                throw ProblemException.badParameter("stop", "'stop' must be a string or up to " + MAX_STOP_SEQUENCES + " strings");
            }
            if (stop.stream().anyMatch(String::isEmpty)) {
                throw ProblemException.badParameter("stop", "a stop sequence may not be empty");
            }
            return stop.isEmpty() ? null : List.copyOf(stop);
        }

        private static ResponseFormat responseFormat(JsonNode format) {
            if (format == null || format.isNull()) {
                return null;
            }
            String type = format.path("type").asText("");
            return switch (type) {
                case "text" -> null;
                case "json_object" -> new ResponseFormat(type, null);
                case "json_schema" -> {
                    JsonNode schema = format.path("json_schema").path("schema");
                    if (!format.path("json_schema").isObject() || !schema.isMissingNode() && !schema.isObject()) {
                        throw ProblemException.badParameter("response_format", "a json_schema response_format needs"
                                + " {\"json_schema\": {\"name\": ..., \"schema\": {...}}}");
                    }
                    yield new ResponseFormat(type, schema.isMissingNode() ? null : schema);
                }
                default -> throw ProblemException.badParameter("response_format",
                        "response_format.type must be text, json_object or json_schema");
            };
        }

        private static List<JsonNode> messages(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw ProblemException.badParameter("messages", "'messages' must be an array of {role, content}");
            }
            List<JsonNode> messages = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (messages.size() == RequestSubmitter.MAX_MESSAGES) {
                    throw ProblemException.badParameter("messages", "at most " + RequestSubmitter.MAX_MESSAGES + " messages are accepted");
                }
                messages.add(ctxt.readTree(p));
            }
            return messages;
        }
    }
}

package dev.hugginggpt.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hugginggpt.gateway.access.Caller;
import dev.hugginggpt.gateway.config.RequestJson;
import dev.hugginggpt.gateway.view.RequestView;
import dev.hugginggpt.gateway.view.RequestViews;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.Json;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.smallrye.mutiny.Uni;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OpenAI chat completions protocol in front of the pipeline, so existing chat clients work:
 * model {@code hugginggpt}, the conversation in, the answer out, streamed or not. Errors use the
 * OpenAI error shape. The full request view stays at {@code /v1/requests/{id}} (id in {@code hugginggpt.requestId}).
 */
@Path("/v1")
@Tag(name = "openai", description = "OpenAI-compatible chat completions.")
public class OpenAiCompatResource {
    static final String MODEL = "hugginggpt";

    private final RequestSubmitter submitter;
    private final RequestViews views;
    private final Caller caller;
    private final InlineFiles files;
    private final Duration timeout;

    public OpenAiCompatResource(RequestSubmitter submitter, RequestViews views, Caller caller, InlineFiles files,
            @ConfigProperty(name = "hg.gateway.chat-timeout", defaultValue = "300s") Duration timeout) {
        this.submitter = submitter;
        this.views = views;
        this.caller = caller;
        this.files = files;
        this.timeout = timeout;
    }

    /** The conversation of a chat completion request, and the files its last message carries. */
    private record Conversation(List<ChatMessage> messages, List<String> resources) {
    }

    @GET
    @Path("/models")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listModels", summary = "List models (OpenAI protocol)", description = "The one model: hugginggpt.")
    @APIResponse(responseCode = "200", description = "The model list.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "OpenAI model list.")))
    public JsonNode models() {
        ObjectNode list = Json.MAPPER.createObjectNode().put("object", "list");
        list.putArray("data").addObject().put("id", MODEL).put("object", "model").put("created", 0).put("owned_by", "hugginggpt");
        return list;
    }

    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createChatCompletion", summary = "Chat completion (OpenAI protocol)",
            description = "Runs the request through planning, selection, execution and response; 'stream': true sends chunks as"
                    + " Server-Sent Events. Files may come inside the messages: image_url (a data: URL), input_audio, file (file_data);"
                    + " URLs are not fetched.")
    @APIResponse(responseCode = "200", description = "The completion, or its chunks as Server-Sent Events.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "OpenAI chat completion.")),
            @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)) })
    @Blocking
    @CustomDeserialization(RequestJson.class)
    public Uni<Response> complete(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "OpenAI chat completion request: model, messages, stream.")))
            ChatCompletionRequest body) {
        String tenant = caller.tenant();
        String completionId = "chatcmpl-" + java.util.UUID.randomUUID().toString().replace("-", "");
        long created = System.currentTimeMillis() / 1000;
        boolean streamed = body != null && body.stream();
        InlineFiles.Batch batch = files.batch(tenant);
        return Uni.createFrom().item(() -> conversation(body, batch))
                .chain(c -> submitter.submit(new SubmitRequest(c.messages(), c.resources(), null), tenant, false))
                .onFailure().invoke(batch::discard)
                .chain(id -> Uni.createFrom().completionStage(() -> views.whenTerminal(id))
                        .ifNoItem().after(timeout).recoverWithItem(() -> views.find(id).orElseThrow()))
                .map(view -> streamed
                        ? Response.ok(events(completionId, created, view)).type("text/event-stream").build()
                        : Response.ok(completion(completionId, created, view)).type(MediaType.APPLICATION_JSON).build())
                .onFailure(ProblemException.class).recoverWithItem(e -> error((ProblemException) e));
    }

    /**
     * The streamed form: the role, the answer, the finish, then [DONE]. Sent when the answer is ready,
     * as the pipeline's answer is written in one piece; follow /v1/requests/{id}/events for live stages.
     */
    private static String events(String completionId, long created, RequestView view) {
        return sse(chunk(completionId, created, view.id(), Json.MAPPER.createObjectNode().put("role", "assistant"), null))
                + sse(chunk(completionId, created, view.id(), Json.MAPPER.createObjectNode().put("content", answer(view)), null))
                + sse(chunk(completionId, created, view.id(), Json.MAPPER.createObjectNode(), finishReason(view)))
                + "data: [DONE]\n\n";
    }

    /**
     * The conversation from OpenAI messages: content as a string or as parts. The last message's files are the
     * request's resources; an earlier message's files are named in its text, as the conversation's files.
     */
    private static Conversation conversation(ChatCompletionRequest body, InlineFiles.Batch batch) {
        if (body == null || body.messages() == null) {
            throw ProblemException.badRequest("'messages' must be an array of {role, content}");
        }
        if (!MODEL.equals(body.model())) {
            throw new ProblemException(404, "Not found", "the only model is '" + MODEL + "', not '" + body.model() + "'");
        }
        List<ChatMessage> messages = new ArrayList<>();
        List<String> lastFiles = List.of();
        List<JsonNode> all = body.messages();
        for (int i = 0; i < all.size(); i++) {
            JsonNode content = all.get(i).path("content");
            String text;
            List<String> attached = new ArrayList<>();
            if (content.isTextual()) {
                text = content.asText();
            } else if (content.isArray()) {
                StringBuilder parts = new StringBuilder();
                for (JsonNode part : content) {
                    Optional<ResourceRef> file = batch.store(part);
                    if (file.isEmpty() && !part.path("text").isTextual()) {
                        throw ProblemException.badRequest("a text content part needs its 'text' as a string");
                    } else if (file.isEmpty()) {
                        parts.append(part.path("text").asText());
                    } else if (!attached.contains(file.get().id())) {
                        attached.add(file.get().id());
                    }
                }
                text = parts.toString();
            } else {
                text = null;
            }
            if (i == all.size() - 1) {
                lastFiles = attached;
            } else if (!attached.isEmpty()) {
                text = (text == null || text.isBlank() ? "" : text.strip() + " ") + "(attached: " + String.join(", ", attached) + ")";
            }
            JsonNode role = all.get(i).path("role");
            String name = role.isTextual() ? role.asText() : null;
            messages.add(new ChatMessage("developer".equals(name) ? "system" : name, text));
        }
        return new Conversation(messages, lastFiles);
    }

    private static String answer(RequestView view) {
        if (view.answer() != null) {
            return view.answer().text();
        }
        return view.error() != null ? "The request failed: " + view.error()
                : "The request is still running; follow it at /v1/requests/" + view.id();
    }

    private static String finishReason(RequestView view) {
        return view.answer() != null || view.error() != null ? "stop" : "length";
    }

    private static ObjectNode completion(String completionId, long created, RequestView view) {
        ObjectNode root = Json.MAPPER.createObjectNode().put("id", completionId).put("object", "chat.completion")
                .put("created", created).put("model", MODEL);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", answer(view));
        choice.put("finish_reason", finishReason(view));
        long in = view.llmUsage() == null ? 0 : view.llmUsage().inputTokens();
        long out = view.llmUsage() == null ? 0 : view.llmUsage().outputTokens();
        root.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
        extension(root, view.id(), view);
        return root;
    }

    private static ObjectNode chunk(String completionId, long created, String requestId, ObjectNode delta, String finish) {
        ObjectNode root = Json.MAPPER.createObjectNode().put("id", completionId).put("object", "chat.completion.chunk")
                .put("created", created).put("model", MODEL);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        root.putObject("hugginggpt").put("requestId", requestId);
        return root;
    }

    /** Where the workflow, the models and the files of the answer can be read. */
    private static void extension(ObjectNode root, String requestId, RequestView view) {
        ObjectNode ext = root.putObject("hugginggpt").put("requestId", requestId).put("status", view.status().name());
        ArrayNode tasks = ext.putArray("tasks");
        view.tasks().forEach(t -> tasks.addObject().put("id", t.id()).put("task", t.task()).put("model", t.model())
                .put("status", t.status().name()));
    }

    private static String sse(ObjectNode chunk) {
        try {
            return "data: " + Json.MAPPER.writeValueAsString(chunk) + "\n\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** OpenAI's error shape, with the same status the native API would give. */
    static Response error(ProblemException e) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        String type = e.status() == 401 ? "authentication_error" : e.status() == 429 ? "rate_limit_error"
                : e.status() == 404 ? "not_found_error" : "invalid_request_error";
        root.putObject("error").put("message", e.getMessage()).put("type", type).putNull("param").putNull("code");
        Response.ResponseBuilder r = Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(root);
        if (e.retryAfterSeconds() != null) {
            r.header("Retry-After", e.retryAfterSeconds());
        }
        return r.build();
    }
}

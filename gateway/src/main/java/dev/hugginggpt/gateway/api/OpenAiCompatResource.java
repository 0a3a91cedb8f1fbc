package dev.hugginggpt.gateway.api;

import dev.hugginggpt.gateway.config.GatewayConfig;
import dev.hugginggpt.gateway.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hugginggpt.gateway.access.Caller;
import dev.hugginggpt.gateway.api.openai.ChatCompletion;
import dev.hugginggpt.gateway.api.openai.ChatCompletionChunk;
import dev.hugginggpt.gateway.api.openai.ModelObject;
import dev.hugginggpt.gateway.api.openai.OpenAiError;
import dev.hugginggpt.gateway.api.openai.Usage;
import dev.hugginggpt.gateway.config.RequestJson;
import dev.hugginggpt.gateway.view.RequestView;
import dev.hugginggpt.gateway.view.RequestViews;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.RequestOptions;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * The OpenAI chat completions protocol in front of the pipeline, so existing chat clients work: model {@code hugginggpt},
 * the conversation in, the answer out, streamed or not. What OpenAI's parameters ask for is done where it makes sense
 * (max_tokens, stop, stream_options, response_format) and refused by name where it does not (tools, n, logprobs, audio
 * out). Errors use the OpenAI error shape. The full request view stays at {@code /v1/requests/{id}} (id in
 * {@code hugginggpt.requestId}).
 */
@Path("/v1")
@Tag(name = "openai", description = "OpenAI-compatible chat completions.")
public class OpenAiCompatResource {
    private static final Map<String, List<String>> EVENT_STREAM = Map.of("Content-Type", List.of("text/event-stream"),
            "Cache-Control", List.of("no-cache"), "X-Accel-Buffering", List.of("no"));
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of(MediaType.APPLICATION_JSON));

    private final RequestSubmitter submitter;
    private final RequestViews views;
    private final Caller caller;
    private final InlineFiles files;
    private final Duration timeout;
    private final Duration heartbeat;

    public OpenAiCompatResource(RequestSubmitter submitter, RequestViews views, Caller caller, InlineFiles files,
            GatewayConfig config) {
        this.submitter = submitter;
        this.views = views;
        this.caller = caller;
        this.files = files;
        this.timeout = config.streams().chatTimeout();
        this.heartbeat = config.streams().streamHeartbeat();
    }

    /** What the chat completion sends: its status, headers and body (one JSON object, or the chunks of the stream). */
    private record Reply(Map<String, List<String>> headers, Multi<byte[]> body) {
    }

    @GET
    @Path("/models")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listModels", summary = "List models (OpenAI protocol)", description = "The one model: hugginggpt.")
    @APIResponse(responseCode = "200", description = "The model list.", content = @Content(schema = @Schema(implementation = ModelObject.ModelList.class)))
    public ModelObject.ModelList models() {
        return new ModelObject.ModelList("list", List.of(ModelObject.HUGGINGGPT));
    }

    @GET
    @Path("/models/{model}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "retrieveModel", summary = "Get a model (OpenAI protocol)", description = "hugginggpt; any other id is a 404.")
    @APIResponse(responseCode = "200", description = "The model.", content = @Content(schema = @Schema(implementation = ModelObject.class)))
    @APIResponse(responseCode = "404", description = "No such model.", content = @Content(schema = @Schema(implementation = OpenAiError.class)))
    public ModelObject model(@PathParam("model") String model) {
        if (!ModelObject.ID.equals(model)) {
            throw new ProblemException(404, "Not found", "the only model is '" + ModelObject.ID + "', not '" + model + "'");
        }
        return ModelObject.HUGGINGGPT;
    }

    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createChatCompletion", summary = "Chat completion (OpenAI protocol)", description = """
            Runs the request through planning, selection, execution and response. With 'stream': true the answer is \
            Server-Sent Events: the role at once, a progress chunk per stage and task event (comments keep the \
            connection alive meanwhile), the answer (token by token when an LLM writes it), [DONE]. Files may come \
            inside the messages: image_url (a data: URL), input_audio, file (file_data); URLs are not fetched.""")
    @APIResponse(responseCode = "200", description = "The completion, or its chunks as Server-Sent Events.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChatCompletion.class)),
            @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = ChatCompletionChunk.class)) })
    @APIResponse(responseCode = "400", description = "Invalid request, or a parameter this server does not support (error.param names it).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenAiError.class)))
    @APIResponse(responseCode = "404", description = "A model other than hugginggpt.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenAiError.class)))
    @Blocking
    @CustomDeserialization(RequestJson.class)
    public RestMulti<byte[]> complete(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ChatCompletionParameters.class))) ChatCompletionRequest body) {
        if (body == null) {
            throw ProblemException.badParameter("messages", "'messages' must be an array of {role, content}");
        }
        if (!ModelObject.ID.equals(body.model())) {
            throw new ProblemException(404, "Not found", "the only model is '" + ModelObject.ID + "', not '" + body.model() + "'");
        }
        AnswerJson.requireAnswerable(body.responseFormat());
        String tenant = caller.tenant();
        String completionId = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        long created = System.currentTimeMillis() / 1000;
        InlineFiles.Batch batch = files.batch(tenant);
        Uni<Reply> reply = Uni.createFrom().item(() -> OpenAiConversation.of(body.messages(), batch))
                .chain(c -> submitter.submit(new SubmitRequest(c.messages(), c.resources(),
                        body.maxTokens() == null ? null : RequestOptions.defaults().withMaxAnswerTokens(body.maxTokens())), tenant, false))
                .onFailure().invoke(batch::discard)
                .map(id -> body.stream()
                        ? new Reply(EVENT_STREAM, new CompletionStream(completionId, created, id, body, views).chunks(timeout, heartbeat))
                        : new Reply(JSON, Multi.createFrom().uni(whole(completionId, created, id, body))));
        return RestMulti.fromUniResponse(reply, Reply::body, Reply::headers, r -> 200);
    }

    /** The completion in one piece, once the request is over (or the wait has ended). */
    private Uni<byte[]> whole(String completionId, long created, String requestId, ChatCompletionRequest body) {
        return Uni.createFrom().completionStage(() -> views.whenTerminal(requestId))
                .ifNoItem().after(timeout).recoverWithItem(() -> views.find(requestId).orElseThrow())
                .map(view -> bytes(completion(completionId, created, view, body)));
    }

    private static ChatCompletion completion(String completionId, long created, RequestView view, ChatCompletionRequest body) {
        String content;
        String finish = OpenAiAnswers.finishReason(view);
        if (body.responseFormat() != null) {
            content = OpenAiAnswers.json(view, body.responseFormat());
        } else {
            String text = OpenAiAnswers.text(view);
            content = StreamedAnswer.cut(text, body.stop());
            finish = content.length() < text.length() ? "stop" : finish;
        }
        return new ChatCompletion(completionId, "chat.completion", created, ModelObject.ID,
                List.of(new ChatCompletion.Choice(0, new ChatCompletion.Message("assistant", content), finish)),
                Usage.of(view.llmUsage()), OpenAiAnswers.extension(view));
    }

    private static byte[] bytes(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** OpenAI's error shape, with the same status the native API would give, and the parameter at fault if one is. */
    static Response error(ProblemException e) {
        String type = switch (e.status()) {
            case 401 -> "authentication_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> e.status() >= 500 ? "server_error" : "invalid_request_error";
        };
        String code = e.isUnsupportedParameter() ? "unsupported_parameter"
                : e.status() == 404 && e.getMessage().startsWith("the only model") ? "model_not_found" : null;
        Response.ResponseBuilder r = Response.status(e.status()).type(MediaType.APPLICATION_JSON)
                .entity(new OpenAiError(new OpenAiError.Body(e.getMessage(), type, e.param(), code)));
        if (e.retryAfterSeconds() != null) {
            r.header("Retry-After", e.retryAfterSeconds());
        }
        return r.build();
    }
}

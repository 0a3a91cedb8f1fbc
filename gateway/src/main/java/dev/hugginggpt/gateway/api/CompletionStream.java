package dev.hugginggpt.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hugginggpt.gateway.api.openai.ChatCompletionChunk;
import dev.hugginggpt.gateway.api.openai.CompletionExtension;
import dev.hugginggpt.gateway.api.openai.ModelObject;
import dev.hugginggpt.gateway.api.openai.Usage;
import dev.hugginggpt.gateway.view.RequestView;
import dev.hugginggpt.gateway.view.RequestViews;
import dev.hugginggpt.gateway.view.SequencedEvent;
import dev.hugginggpt.gateway.view.TaskView;
import dev.hugginggpt.protocol.EventType;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.RequestEvent;
import io.smallrye.mutiny.Multi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A streamed chat completion, as Server-Sent Events: the role at once; an empty-delta chunk for each stage and task
 * event while the pipeline runs (its {@code hugginggpt.progress} says which), with a comment line whenever nothing has
 * happened for a while; the answer, piece by piece as an LLM writes it (whichever gateway instance writes it: the pieces
 * come through hg.events), else whole when it is ready; the finish; the usage if asked for; {@code [DONE]}.
 */
final class CompletionStream {
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private final String completionId;
    private final long created;
    private final String requestId;
    private final ChatCompletionRequest body;
    private final RequestViews views;
    private final StreamedAnswer text;
    private boolean finished;

    CompletionStream(String completionId, long created, String requestId, ChatCompletionRequest body, RequestViews views) {
        this.completionId = completionId;
        this.created = created;
        this.requestId = requestId;
        this.body = body;
        this.views = views;
        this.text = new StreamedAnswer(body.stop());
    }

    Multi<byte[]> chunks(Duration timeout, Duration heartbeat) {
        Multi<byte[]> run = views.stream(requestId, 0).select().first(timeout)
                .onItem().transformToIterable(this::onEvent)
                .onCompletion().switchTo(() -> Multi.createFrom().iterable(unfinished()));
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(() -> sse(chunk(new ChatCompletionChunk.Delta("assistant", null), null))),
                Heartbeats.whileQuiet(run, heartbeat, () -> KEEP_ALIVE));
    }

    private List<byte[]> onEvent(SequencedEvent e) {
        if (finished) {
            return List.of();
        }
        RequestEvent event = e.event();
        if (!e.isKept()) {
            String piece = body.responseFormat() == null ? text.piece(event.message()) : "";
            return piece.isEmpty() ? List.of() : List.of(sse(content(piece)));
        }
        if (event.type() == EventType.DONE || event.type() == EventType.FAILED || event.type() == EventType.PLANNING_FAILED) {
            return ending(views.find(requestId).orElseThrow());
        }
        return List.of(sse(progress(e)));
    }

    /** The answer's rest, the finish, the usage if asked for, and [DONE]. */
    private List<byte[]> ending(RequestView view) {
        finished = true;
        List<byte[]> out = new ArrayList<>();
        String rest = body.responseFormat() != null ? OpenAiAnswers.json(view, body.responseFormat()) : text.rest(OpenAiAnswers.text(view));
        if (!rest.isEmpty()) {
            out.add(sse(content(rest)));
        }
        ChatCompletionChunk finish = new ChatCompletionChunk(completionId, "chat.completion.chunk", created, ModelObject.ID,
                List.of(new ChatCompletionChunk.Choice(0, new ChatCompletionChunk.Delta(null, null),
                        text.stopped() ? "stop" : OpenAiAnswers.finishReason(view))),
                null, OpenAiAnswers.extension(view));
        out.add(sse(finish));
        if (body.includeUsage()) {
            out.add(sse(new ChatCompletionChunk(completionId, "chat.completion.chunk", created, ModelObject.ID, List.of(),
                    Usage.of(view.llmUsage()), CompletionExtension.of(requestId))));
        }
        out.add(DONE);
        return out;
    }

    /** The wait ended before the request did: the answer says where to follow it. */
    private List<byte[]> unfinished() {
        return finished ? List.of() : ending(views.find(requestId).orElseThrow());
    }

    private ChatCompletionChunk progress(SequencedEvent e) {
        RequestEvent event = e.event();
        String task = null;
        if (event.taskId() != null) {
            task = views.find(requestId).flatMap(v -> v.tasks().stream().filter(t -> t.id() == event.taskId()).findFirst())
                    .map(TaskView::task).orElse(null);
        }
        String model = event.choice() != null ? event.choice().modelId()
                : event.result() != null && event.result().model() != null ? event.result().model().modelId() : null;
        String status = event.result() == null || event.result().status() == null ? null : event.result().status().name();
        CompletionExtension.Progress progress = new CompletionExtension.Progress(e.id(), event.type().name(), event.taskId(),
                task, model, status);
        return new ChatCompletionChunk(completionId, "chat.completion.chunk", created, ModelObject.ID,
                List.of(new ChatCompletionChunk.Choice(0, new ChatCompletionChunk.Delta(null, null), null)), null,
                new CompletionExtension(requestId, null, null, progress));
    }

    private ChatCompletionChunk content(String piece) {
        return chunk(new ChatCompletionChunk.Delta(null, piece), null);
    }

    private ChatCompletionChunk chunk(ChatCompletionChunk.Delta delta, String finishReason) {
        return new ChatCompletionChunk(completionId, "chat.completion.chunk", created, ModelObject.ID,
                List.of(new ChatCompletionChunk.Choice(0, delta, finishReason)), null, CompletionExtension.of(requestId));
    }

    private static byte[] sse(Object chunk) {
        try {
            return ("data: " + Json.MAPPER.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

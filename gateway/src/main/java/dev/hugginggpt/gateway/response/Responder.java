package dev.hugginggpt.gateway.response;

import dev.hugginggpt.gateway.config.GatewayConfig;
import dev.hugginggpt.gateway.messaging.BoundedSubscriber;
import dev.hugginggpt.gateway.messaging.GatewaySource;
import dev.hugginggpt.gateway.metrics.GatewayMetrics;
import dev.hugginggpt.gateway.view.RequestViews;
import dev.hugginggpt.protocol.Answer;
import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.InvalidRecord;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.Outcome;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.TopicWriter;
import dev.hugginggpt.protocol.Topics;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.hugginggpt.protocol.RequestOptions;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.TracingMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Stage 4, response generation. One gateway instance (shared consumer group) answers each outcome:
 * with the LLM when configured (falling back to the template, labelled as such, if the LLM fails),
 * else with the template. The answer goes out as a DONE event that every instance materializes; an LLM's answer also
 * goes out piece by piece as it is written (ANSWER_DELTA events), for the clients that stream it.
 */
@ApplicationScoped
public class Responder {
    private static final Logger LOG = Logger.getLogger(Responder.class);
    private static final String INSTRUCTIONS = """
            #4 Response generation stage. You answer the user from the results of the AI tasks that ran for them.
            First answer the request directly. Then describe the workflow: each task, the model used and what it
            produced, with file ids as given. Say plainly which tasks failed and why. Use only what the results
            contain; if a result is missing, say so; never invent one. Answer in the user's language.""";

    private final boolean llmConfigured;
    private final int llmCallBudget;
    private final Duration taskEventsWait;
    private final int answersInProgress;
    private final StreamingChatModel chatModel;
    private final Duration llmTimeout;
    private final Duration answerPieceInterval;
    private final TopicWriter records;
    private final RequestViews views;
    private final GatewayMetrics metrics;
    private final Tracer tracer;

    public Responder(GatewayConfig config,
            @ConfigProperty(name = "quarkus.langchain4j.openai.timeout", defaultValue = "60s") Duration llmTimeout,
            StreamingChatModel chatModel, TopicWriter records, RequestViews views,
            GatewayMetrics metrics, Tracer tracer) {
        this.llmTimeout = llmTimeout;
        this.answerPieceInterval = config.streams().answerPieceInterval();
        this.views = views;
        this.metrics = metrics;
        this.llmConfigured = config.answers().llmBaseUrl().filter(u -> !u.isBlank()).isPresent();
        this.llmCallBudget = config.answers().llmCallBudget();
        this.taskEventsWait = config.answers().taskEventsWait();
        this.answersInProgress = config.answers().answersInProgress();
        this.chatModel = chatModel;
        this.records = records;
        this.tracer = tracer;
    }

    /**
     * Up to {@code hg.gateway.answers-in-progress} outcomes are answered at once, none holding a thread while it waits
     * for its tasks' events, for Kafka or for the LLM's stream. Each outcome is acknowledged once
     * its DONE is stored, so an instance killed before that leaves it to the next.
     */
    @Incoming(Channels.OUTCOMES)
    public Flow.Subscriber<Message<Outcome>> outcomes() {
        return new BoundedSubscriber<>(Channels.OUTCOMES, answersInProgress, this::answer);
    }

    private CompletionStage<Void> answer(Message<Outcome> message) {
        Outcome outcome = InvalidRecord.require(message.getPayload(), Topics.OUTCOMES);
        if (views.find(outcome.requestId()).filter(v -> v.status().isTerminal()).isPresent()) {
            // a selector that crashed between publishing an outcome and storing its state publishes it again; or the
            // request was failed meanwhile (it made no progress for too long, a record of it was dead-lettered)
            LOG.infof("request %s is already over; its outcome is not answered again", outcome.requestId());
            return CompletableFuture.completedFuture(null);
        }
        logOperatorHints(outcome);
        Context received = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext).orElseGet(Context::current);
        Span span = tracer.spanBuilder("write answer").setParent(received).setAttribute("hg.request.id", outcome.requestId())
                .startSpan();
        Context traced = received.with(span);
        return taskEvents(outcome)
                .thenCompose(ignored -> compose(outcome))
                .thenCompose(answer -> write(outcome, answer, traced))
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        span.recordException(failure).setStatus(StatusCode.ERROR);
                        LOG.errorf(failure, "request %s: its answer could not be written", outcome.requestId());
                    }
                    span.end();
                });
    }

    /** The answer tells the user what the service cannot do; which setting would enable it is for the operator, here. */
    private static void logOperatorHints(Outcome outcome) {
        for (TaskResult r : outcome.results()) {
            if (!r.succeeded() && r.error() != null) {
                LOG.infof("request %s: task %d (%s) %s: %s", outcome.requestId(), r.taskId(), r.task(),
                        r.status().name().toLowerCase(java.util.Locale.ROOT), r.error());
            }
        }
        if (outcome.plan().tasks().isEmpty() && "embedded".equals(outcome.plan().planner())) {
            LOG.infof("request %s: the offline planner found no task; it reads English and Korean, an LLM (HG_LLM_BASE_URL)"
                    + " plans requests in any language", outcome.requestId());
        }
    }

    /**
     * The selector sends an outcome together with the events of its last tasks, not after them, so the outcome can
     * arrive first: the answer waits until this instance's view holds every task's result, so that DONE lands in
     * hg.events after them. A selector killed between the two writes sends both again once its successor has taken
     * over; past {@code hg.gateway.task-events-wait} the answer is written anyway.
     */
    private CompletableFuture<Void> taskEvents(Outcome outcome) {
        Set<Integer> taskIds = outcome.results().stream().map(TaskResult::taskId).collect(Collectors.toSet());
        return views.whenTasksTerminal(outcome.requestId(), taskIds)
                .orTimeout(taskEventsWait.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(timedOut -> {
                    LOG.warnf("request %s: the events of its tasks did not arrive within %s; answering without them",
                            outcome.requestId(), taskEventsWait);
                    return null;
                });
    }

    /** The template at once; the LLM's answer once it has streamed it. */
    private CompletableFuture<Timed> compose(Outcome outcome) {
        // a plan without tasks and without the planner's direct answer has nothing an LLM could say more of
        if (!llmConfigured || outcome.plan().tasks().isEmpty() && outcome.plan().reply() == null) {
            return CompletableFuture.completedFuture(Timed.of(() -> template(outcome)));
        }
        if (callsSpent(outcome) >= llmCallBudget) {
            return CompletableFuture.completedFuture(Timed.of(() -> new Answer(TemplateAnswer.write(outcome),
                    "template (the request's budget of " + llmCallBudget + " LLM calls was spent)", LlmUsage.NONE)));
        }
        long started = System.nanoTime();
        return withLlm(outcome).thenApply(answer -> new Timed(answer, Duration.ofNanos(System.nanoTime() - started)));
    }
    private record Timed(Answer answer, Duration took) {
        static Timed of(Supplier<Answer> writing) {
            long started = System.nanoTime();
            Answer answer = writing.get();
            return new Timed(answer, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private CompletionStage<Void> write(Outcome outcome, Timed written, Context traced) {
        metrics.answered(written.answer(), written.took());
        RequestEvent done = RequestEvent.done(outcome.requestId(), written.answer(), GatewaySource.ID);
        // Stored, so this instance's waiting clients need not wait for it to come back from Kafka (the copy that
        // comes back is a duplicate the views ignore; other instances materialize it from there).
        return records.send(Topics.EVENTS, outcome.requestId(), done, TracingMetadata.withCurrent(traced))
                .subscribeAsCompletionStage().thenRun(() -> views.apply(done));
    }

    private static int callsSpent(Outcome outcome) {
        int planning = outcome.plan().usage() == null ? 0 : outcome.plan().usage().calls();
        int selection = outcome.selectionUsage() == null ? 0 : outcome.selectionUsage().calls();
        return planning + selection;
    }

    private static Answer template(Outcome outcome) {
        return new Answer(TemplateAnswer.write(outcome), "template", LlmUsage.NONE);
    }

    /**
     * The LLM writes the answer as a stream: each piece goes out on hg.events as an ANSWER_DELTA (at most one per
     * {@code hg.gateway.answer-piece-interval}), which every gateway instance passes to the clients streaming this request's
     * completion, whichever instance holds their connection; DONE then carries the whole answer.
     */
    private CompletableFuture<Answer> withLlm(Outcome outcome) {
        String facts = TemplateAnswer.write(outcome);
        String requestId = outcome.requestId();
        StreamedLlmAnswer written = new StreamedLlmAnswer(requestId, facts, piece -> records.sendAndForget(
                Topics.EVENTS, requestId, RequestEvent.answerDelta(requestId, piece, GatewaySource.ID)),
                answerPieceInterval);
        ChatRequest.Builder request = ChatRequest.builder().messages(SystemMessage.from(INSTRUCTIONS),
                UserMessage.from("My request: " + outcome.plan().userMessage() + "\nTask results:\n" + facts));
        RequestOptions options = outcome.plan().options();
        if (options != null && options.maxAnswerTokens() != null) {
            request.maxOutputTokens(options.maxAnswerTokens());
        }
        // off the thread that completed the wait for the tasks' events (it may be an event loop)
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                chatModel.chat(request.build(), written);
            } catch (RuntimeException e) {
                written.onError(e);
            }
        });
        ScheduledFuture<?> deadline = Infrastructure.getDefaultWorkerPool().schedule(() -> written.timedOut(llmTimeout),
                llmTimeout.toMillis(), TimeUnit.MILLISECONDS);
        return written.answer().whenComplete((answer, failure) -> deadline.cancel(false));
    }
}

package dev.hugginggpt.selector.messaging;

import dev.hugginggpt.protocol.ExecutorHeartbeat;
import dev.hugginggpt.protocol.InvalidRecord;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.Outcome;
import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.selector.catalog.ExecutorRegistry;
import dev.hugginggpt.selector.config.SelectorConfig;
import dev.hugginggpt.selector.metrics.SelectorMetrics;
import dev.hugginggpt.selector.scheduling.DagScheduler;
import dev.hugginggpt.selector.scheduling.ModelChooser;
import dev.hugginggpt.selector.scheduling.SchedulerAction;
import dev.hugginggpt.selector.scheduling.TaskRouter;
import dev.hugginggpt.selector.scheduling.TenantShare;
import dev.hugginggpt.selector.selection.Candidates;
import dev.hugginggpt.selector.selection.InContextChoice;
import dev.hugginggpt.selector.selection.InContextChooser;
import dev.hugginggpt.selector.selection.ModelSelector;
import dev.hugginggpt.selector.selection.TaskCandidates;
import dev.hugginggpt.selector.state.DagStateStore;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** Wires the scheduler to Kafka: plans and results in; tasks, events and outcomes out. */
@ApplicationScoped
public class SchedulingService {
    private static final Logger LOG = Logger.getLogger(SchedulingService.class);
    private static final Duration DEADLINE_GRACE = Duration.ofSeconds(5);

    private final String source = "selector-" + UUID.randomUUID().toString().substring(0, 8);
    private final DagScheduler scheduler;
    private final ExecutorRegistry executors;
    /** Dispatches, events and outcomes: one producer, so records written together share a produce request. */
    private final MutinyEmitter<Object> records;
    private final SelectorMetrics metrics;
    private final TaskRouter router;
    private final SelectorConfig config;
    private final ModelSelector selector;
    private final InContextChooser inContext;
    private final boolean llmConfigured;

    private final DagStateStore state;
    private final GroupCommit<Step> steps;
    /** Done once the last batch begun has handed its DAG state to the producer (guarded by the group commit). */
    private CompletableFuture<Void> stateHandedOver = CompletableFuture.completedFuture(null);
    /** The FAILED events of requests whose stored state could not be resumed, sent with the next clock tick. */
    private final Queue<SchedulerAction> unusableState = new ConcurrentLinkedQueue<>();
    private final SchedulingPartitions partitions;

    /** A value and the trace context it arrived in. */
    private record Caused<T>(Context context, T value) {
    }

    /** One change to the scheduler (a plan, a result, a clock tick), in the trace context of what caused it. */
    private record Step(Context context, Supplier<List<SchedulerAction>> change) {
    }

    public SchedulingService(SelectorConfig config, ModelSelector selector, InContextChooser inContext,
            DagStateStore state, ExecutorRegistry executors, SelectorMetrics metrics,
            @Channel("records") MutinyEmitter<Object> records,
            @Identifier("scheduling-partitions") SchedulingPartitions partitions) {
        this.config = config;
        this.selector = selector;
        this.inContext = inContext;
        this.llmConfigured = config.llmBaseUrl().filter(u -> !u.isBlank()).isPresent();
        this.executors = executors;
        this.metrics = metrics;
        this.records = records;
        this.router = new TaskRouter(config.taskPartitions(), config.taskTimeout().plus(DEADLINE_GRACE), executors::live);
        ModelChooser chooser = (plan, task, args) -> {
            Candidates candidates = selector.candidates(task, topK(plan));
            if (candidates.isEmpty()) {
                return new ModelChooser.Choice(List.of(), candidates.unavailableReason());
            }
            List<ModelChoice> ordered = selector.choose(candidates, plan.userMessage(), args);
            return new ModelChooser.Choice(ordered, null);
        };
        TenantShare share = TenantShare.of(config.tenantSlotShare(), () -> executors.live().stream()
                .filter(e -> !e.stopping()).mapToInt(ExecutorHeartbeat::slots).sum());
        this.scheduler = new DagScheduler(chooser, source, config.maxAttempts(), config.taskTimeout(), share);
        this.state = state;
        this.steps = new GroupCommit<>(config.batchesFinishing(), this::begin);
        this.partitions = partitions;
        metrics.activeRequests(scheduler::activeRequests);
    }

    /**
     * Plans and task results, from one consumer so that a request's plan and results reach the same instance.
     * Unordered: a plan's in-context choice (an LLM call) does not hold up the records behind it, and the results of a
     * DAG level's tasks, which finish together, are scheduled in one batch.
     */
    @Incoming("scheduling")
    @WithSpan("schedule")
    @Blocking(ordered = false)
    public void onRecord(Object record) {
        if (record instanceof Plan plan) {
            onPlan(plan);
        } else if (record instanceof TaskResult result) {
            onResult(result);
        } else {
            throw new InvalidRecord(record == null ? "an empty record" : "neither a plan nor a task result: " + record);
        }
    }

    /**
     * This instance takes over the requests of the partitions it was given (their state read back before any of their
     * records is consumed), or gives up those of the partitions it lost. On the consumer's thread, between polls.
     */
    void onPartitions(@Observes SchedulingPartitions.Changed change) {
        if (change.assigned()) {
            DagStateStore.Loaded loaded = state.load(change.partitions(), change.partitionCount());
            List<SchedulerAction> failed = scheduler.restore(loaded.snapshots());
            unusableState.addAll(failed);
            loaded.unreadable().forEach((requestId, why) -> unusableState.add(new SchedulerAction.Event(
                    RequestEvent.failed(requestId, "the selector's stored state of this request cannot be read: " + why,
                            source))));
            LOG.infof("partitions %s: resumed %d unfinished requests from the DAG state topic", change.partitions(),
                    loaded.snapshots().size() - failed.size());
        } else {
            int given = scheduler.handOver(id -> change.partitions().contains(
                    SchedulingPartitions.partitionOf(id, change.partitionCount())));
            LOG.infof("partitions %s went to another instance with %d unfinished requests", change.partitions(), given);
        }
    }

    private void onPlan(Plan plan) {
        InvalidRecord.require(plan, Topics.PLANS);
        if (!partitions.owns(plan.requestId())) {
            return; // its partition went to another instance, which reads it again
        }
        LOG.debugf("request %s: plan with %d tasks", plan.requestId(), plan.tasks().size());
        Span.current().setAttribute("hg.request.id", plan.requestId());
        long started = System.nanoTime();
        InContextChoice choice = chooseInContext(plan);
        metrics.chose(choice.usage().calls() > 0, Duration.ofNanos(System.nanoTime() - started), choice.usage());
        steps.submit(new Step(Context.current(), () -> scheduler.onPlan(plan, choice)));
    }

    private InContextChoice chooseInContext(Plan plan) {
        int planningCalls = plan.usage() == null ? 0 : plan.usage().calls();
        if (!llmConfigured || planningCalls + 2 > config.llmCallBudget()) {
            return InContextChoice.NONE;
        }
        List<TaskCandidates> tasks = plan.tasks().stream()
                .map(t -> new TaskCandidates(t.id(), t.task(), t.args(), selector.candidates(t.task(), topK(plan)).ranked()))
                .toList();
        return inContext.choose(plan.userMessage(), tasks);
    }

    private int topK(Plan plan) {
        return plan.options() != null && plan.options().topK() != null ? plan.options().topK() : config.topK();
    }

    private void onResult(TaskResult result) {
        InvalidRecord.require(result, Topics.TASK_RESULTS);
        Span.current().setAttribute("hg.request.id", result.requestId());
        steps.submit(new Step(Context.current(), () -> {
            router.finished(result.requestId() + "/" + result.taskId());
            return scheduler.onResult(result);
        }));
    }

    /** On the consumer's event loop: a heartbeat is recorded at once, never queued behind busy worker threads. */
    @Incoming("executors")
    @NonBlocking
    public void onHeartbeat(ExecutorHeartbeat heartbeat) {
        InvalidRecord.require(heartbeat, Topics.EXECUTORS);
        executors.record(heartbeat);
    }

    @Scheduled(every = "1s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkDeadlines() {
        steps.submit(new Step(Context.current(), () -> {
            List<SchedulerAction> actions = new ArrayList<>();
            for (SchedulerAction failed = unusableState.poll(); failed != null; failed = unusableState.poll()) {
                actions.add(failed);
            }
            actions.addAll(scheduler.onTick(Instant.now(), DEADLINE_GRACE));
            return actions;
        }));
    }

    public int activeRequests() {
        return scheduler.activeRequests();
    }

    /**
     * Phase one of a batch of steps (under the group commit's lock): applies them to the scheduler, hands every
     * dispatch to the producer, then each request's events as one record, then the outcomes of the requests it
     * finished, and captures the changed requests' DAG state. Phase two (returned) waits for those writes, then writes
     * the DAG state once the batch before has handed over its own: a request's state is stored only after the
     * dispatches and the outcome it records (a selector killed in between has its successor send them again). An
     * outcome may land before the events beside it; the gateway answers it once its view holds them. The next batch
     * begins while this one waits. Each record is sent in the trace of what caused it.
     */
    private Runnable begin(List<Step> batch) {
        List<Uni<Void>> sends = new ArrayList<>();
        Map<String, Caused<List<RequestEvent>>> events = new LinkedHashMap<>();
        List<Caused<Outcome>> finished = new ArrayList<>();
        Set<String> changed = new LinkedHashSet<>();
        for (Step step : batch) {
            try (Scope scope = step.context().makeCurrent()) {
                List<SchedulerAction> actions = step.change().get();
                metrics.emitted(actions);
                for (SchedulerAction action : actions) {
                    changed.add(requestOf(action));
                    if (action instanceof SchedulerAction.Dispatch d) {
                        sends.add(send(d.task().requestId(), dispatchRecord(d.task())));
                    } else if (action instanceof SchedulerAction.Event e) {
                        eventsOf(events, step.context(), e.event().requestId()).add(e.event());
                    } else if (action instanceof SchedulerAction.Finish f) {
                        eventsOf(events, step.context(), f.outcome().requestId())
                                .add(RequestEvent.responding(f.outcome().requestId(), source));
                        finished.add(new Caused<>(step.context(), f.outcome()));
                    }
                }
            }
        }
        for (Map.Entry<String, Caused<List<RequestEvent>>> request : events.entrySet()) {
            try (Scope scope = request.getValue().context().makeCurrent()) {
                sends.add(send(request.getKey(), eventsRecord(request.getKey(), request.getValue().value())));
            }
        }
        for (Caused<Outcome> outcome : finished) {
            try (Scope scope = outcome.context().makeCurrent()) {
                sends.add(send(outcome.value().requestId(),
                        KafkaRecord.of(Topics.OUTCOMES, outcome.value().requestId(), outcome.value())));
            }
        }
        handOver(sends);
        // a request handed over to another instance is that instance's to write now
        changed.removeIf(id -> !scheduler.schedules(id));
        Map<String, byte[]> snapshots = state.capture(changed, scheduler::snapshot);
        CompletableFuture<Void> previous = stateHandedOver;
        CompletableFuture<Void> handedOver = new CompletableFuture<>();
        stateHandedOver = handedOver;
        return () -> {
            Runnable stateWritten;
            try {
                awaitAll(sends);
                previous.join();
                stateWritten = state.write(snapshots);
            } finally {
                handedOver.complete(null);
            }
            stateWritten.run();
        };
    }

    /**
     * A request's record, memoized (awaiting it later does not send it again). A record Kafka refuses for good (too
     * large for the topic, say) fails its request with the reason instead of the whole batch; other failures (the
     * broker unreachable) fail the batch, whose records are then dead-lettered.
     */
    private Uni<Void> send(String requestId, Message<Object> record) {
        return records.sendMessage(record)
                .onFailure(SchedulingService::refusedForGood).recoverWithUni(refused -> {
                    LOG.warnf("request %s: Kafka refused a record: %s; the request is failed", requestId, refused.getMessage());
                    return records.sendMessage(KafkaRecord.of(Topics.EVENTS, requestId, RequestEvent.failed(requestId,
                            "the selector could not pass this request on (" + refused.getMessage() + ")", source)));
                })
                .memoize().indefinitely();
    }

    private static boolean refusedForGood(Throwable failure) {
        return failure instanceof org.apache.kafka.common.errors.RecordTooLargeException
                || failure instanceof org.apache.kafka.common.errors.SerializationException
                || failure.getCause() != null && failure.getCause() != failure && refusedForGood(failure.getCause());
    }

    /** Starts the sends now, in list order (each is memoized, so awaiting it later does not send again). */
    private static void handOver(List<Uni<Void>> sends) {
        sends.forEach(send -> send.subscribe().with(ok -> { }, failure -> { }));
    }

    private static void awaitAll(List<Uni<Void>> sends) {
        if (!sends.isEmpty()) {
            Uni.join().all(sends).andCollectFailures().await().atMost(Duration.ofSeconds(60));
        }
    }

    /** A request's events of one batch, in the trace context of the first step that caused one. */
    private static List<RequestEvent> eventsOf(Map<String, Caused<List<RequestEvent>>> events, Context context,
            String requestId) {
        return events.computeIfAbsent(requestId, id -> new Caused<>(context, new ArrayList<>())).value();
    }

    /**
     * One record for all of a request's events of a batch (a level's results and the next level's choices, the last
     * result and RESPONDING): a JSON array when there are several, which the gateway reads as well as a single event.
     */
    private static Message<Object> eventsRecord(String requestId, List<RequestEvent> events) {
        Object value = events.size() == 1 ? events.get(0) : List.copyOf(events);
        return KafkaRecord.of(Topics.EVENTS, requestId, value);
    }

    private static String requestOf(SchedulerAction action) {
        if (action instanceof SchedulerAction.Dispatch d) {
            return d.task().requestId();
        } else if (action instanceof SchedulerAction.Event e) {
            return e.event().requestId();
        }
        return ((SchedulerAction.Finish) action).outcome().requestId();
    }

    /** To a partition of the executor with the most free slots (see {@link TaskRouter}). */
    private Message<Object> dispatchRecord(TaskDispatch task) {
        int partition = router.route(task.key(), Instant.now());
        return Message.<Object>of(task).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.TASKS).withKey(task.key()).withPartition(partition).build());
    }
}

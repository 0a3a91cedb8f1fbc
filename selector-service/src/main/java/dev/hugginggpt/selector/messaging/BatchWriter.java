package dev.hugginggpt.selector.messaging;

import dev.hugginggpt.protocol.Outcome;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.TopicWriter;
import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.selector.config.SelectorConfig;
import dev.hugginggpt.selector.metrics.SelectorMetrics;
import dev.hugginggpt.selector.scheduling.DagScheduler;
import dev.hugginggpt.selector.scheduling.SchedulerAction;
import dev.hugginggpt.selector.scheduling.TaskRouter;
import dev.hugginggpt.selector.state.DagStateStore;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;

/**
 * Applies changes to the scheduler and writes what they cause (dispatches and cancels first, then each request's
 * events, then outcomes), in two phases (a {@link GroupCommit}): a batch of
 * changes hands its dispatches, events and outcomes to the producer and captures the changed requests' DAG state;
 * once those records are written, the state is (after the batch before has handed over its own). A request's state
 * is therefore stored only after the dispatches and the outcome it records: a selector killed in between has its
 * successor send them again. The next batch begins while this one waits.
 */
@ApplicationScoped
public class BatchWriter {
    private static final Logger LOG = Logger.getLogger(BatchWriter.class);

    private final DagScheduler scheduler;
    private final TaskRouter router;
    private final DagStateStore state;
    private final TopicWriter records;
    private final SelectorMetrics metrics;
    private final GroupCommit<Step> steps;
    /** Done once the last batch begun has handed its DAG state to the producer (guarded by the group commit). */
    private CompletableFuture<Void> stateHandedOver = CompletableFuture.completedFuture(null);

    /**
     * One change to the scheduler (a plan, a result, a clock tick), in the trace context of what caused it; the
     * request it is about, if one, has its state stored even when the change sends nothing (a plan whose tasks all wait
     * for their tenant's share of the slots).
     */
    private record Step(Context context, String requestId, Supplier<List<SchedulerAction>> change) {
    }

    /** A value and the trace context it arrived in. */
    private record Caused<T>(Context context, T value) {
    }

    public BatchWriter(DagScheduler scheduler, TaskRouter router, DagStateStore state, TopicWriter records,
            SelectorMetrics metrics, SelectorConfig config) {
        this.scheduler = scheduler;
        this.router = router;
        this.state = state;
        this.records = records;
        this.metrics = metrics;
        this.steps = new GroupCommit<>(config.batchesFinishing(), this::begin);
    }

    /** Applies a change of the request in the current trace context; returns once what it caused is written. */
    public void apply(String requestId, Supplier<List<SchedulerAction>> change) {
        steps.submit(new Step(Context.current(), requestId, change));
    }

    /** Applies a change of no one request (a clock tick). */
    public void apply(Supplier<List<SchedulerAction>> change) {
        apply(null, change);
    }

    /**
     * Phase one of a batch (under the group commit's lock): applies the changes, hands every dispatch to the producer,
     * then each request's events as one record, then the outcomes of the requests it finished, and captures the
     * changed requests' DAG state. Phase two (returned) waits for those writes, then writes the state. An outcome may
     * land before the events beside it; the gateway answers it once its view holds them. Each record is sent in the
     * trace of what caused it.
     */
    private Runnable begin(List<Step> batch) {
        List<Uni<Void>> sends = new ArrayList<>();
        Map<String, Caused<List<RequestEvent>>> events = new LinkedHashMap<>();
        List<Caused<Outcome>> finished = new ArrayList<>();
        Set<String> changed = new LinkedHashSet<>();
        for (Step step : batch) {
            try (Scope scope = step.context().makeCurrent()) {
                if (step.requestId() != null) {
                    changed.add(step.requestId());
                }
                List<SchedulerAction> actions = step.change().get();
                metrics.emitted(actions);
                for (SchedulerAction action : actions) {
                    changed.add(action.requestId());
                    if (action instanceof SchedulerAction.Dispatch d) {
                        int partition = router.route(d.task().key(), Instant.now());
                        sends.add(send(d.task().requestId(), records.sendToPartition(Topics.TASKS, d.task().key(), d.task(), partition)));
                    } else if (action instanceof SchedulerAction.Stop s) {
                        sends.add(send(s.requestId(), records.send(Topics.CONTROLS, s.requestId(), s.cancel())));
                    } else if (action instanceof SchedulerAction.Event e) {
                        eventsOf(events, step.context(), e.event().requestId()).add(e.event());
                    } else if (action instanceof SchedulerAction.Finish f) {
                        eventsOf(events, step.context(), f.outcome().requestId())
                                .add(RequestEvent.responding(f.outcome().requestId(), SelectorSource.ID));
                        finished.add(new Caused<>(step.context(), f.outcome()));
                    }
                }
            }
        }
        for (Map.Entry<String, Caused<List<RequestEvent>>> request : events.entrySet()) {
            try (Scope scope = request.getValue().context().makeCurrent()) {
                sends.add(send(request.getKey(), records.sendEvents(request.getKey(), request.getValue().value())));
            }
        }
        for (Caused<Outcome> outcome : finished) {
            try (Scope scope = outcome.context().makeCurrent()) {
                sends.add(send(outcome.value().requestId(), records.send(Topics.OUTCOMES, outcome.value().requestId(), outcome.value())));
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
    private Uni<Void> send(String requestId, Uni<Void> record) {
        return record.onFailure(BatchWriter::refusedForGood).recoverWithUni(refused -> {
            LOG.warnf("request %s: Kafka refused a record: %s; the request is failed", requestId, refused.getMessage());
            return records.sendEvents(requestId, List.of(RequestEvent.failed(requestId,
                    "the selector could not pass this request on (" + refused.getMessage() + ")", SelectorSource.ID)));
        }).memoize().indefinitely();
    }

    private static boolean refusedForGood(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof SerializationException
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
}

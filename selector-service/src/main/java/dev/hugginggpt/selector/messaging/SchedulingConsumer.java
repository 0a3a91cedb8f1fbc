package dev.hugginggpt.selector.messaging;

import dev.hugginggpt.protocol.Cancel;
import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.ExecutorHeartbeat;
import dev.hugginggpt.protocol.InvalidRecord;
import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.selector.catalog.ExecutorRegistry;
import dev.hugginggpt.selector.metrics.SelectorMetrics;
import dev.hugginggpt.selector.scheduling.DagScheduler;
import dev.hugginggpt.selector.scheduling.SchedulerAction;
import dev.hugginggpt.selector.scheduling.TaskRouter;
import dev.hugginggpt.selector.selection.InContextChoice;
import dev.hugginggpt.selector.selection.PlanModelChoice;
import dev.hugginggpt.selector.state.DagStateStore;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The selector's Kafka side: plans, cancels and task results in (one consumer of both topics), executor heartbeats in, the
 * partitions it is given or loses, and a clock tick for deadlines. Each becomes a change to the scheduler, written by
 * the {@link BatchWriter}.
 */
@ApplicationScoped
public class SchedulingConsumer {
    private static final Logger LOG = Logger.getLogger(SchedulingConsumer.class);

    private final DagScheduler scheduler;
    private final BatchWriter writer;
    private final TaskRouter router;
    private final DagStateStore state;
    private final ExecutorRegistry executors;
    private final PlanModelChoice modelChoice;
    private final SelectorMetrics metrics;
    private final SchedulingPartitions partitions;
    /** The FAILED events of requests whose stored state could not be resumed, sent with the next clock tick. */
    private final Queue<SchedulerAction> unusableState = new ConcurrentLinkedQueue<>();

    public SchedulingConsumer(DagScheduler scheduler, BatchWriter writer, TaskRouter router, DagStateStore state,
            ExecutorRegistry executors, PlanModelChoice modelChoice, SelectorMetrics metrics,
            @Identifier("scheduling-partitions") SchedulingPartitions partitions) {
        this.scheduler = scheduler;
        this.writer = writer;
        this.router = router;
        this.state = state;
        this.executors = executors;
        this.modelChoice = modelChoice;
        this.metrics = metrics;
        this.partitions = partitions;
    }

    /**
     * Plans and task results, from one consumer so that a request's plan and results reach the same instance.
     * Unordered: a plan's in-context choice (an LLM call) does not hold up the records behind it, and the results of a
     * DAG level's tasks, which finish together, are scheduled in one batch.
     */
    @Incoming(Channels.SCHEDULING)
    @WithSpan("schedule")
    @Blocking(ordered = false)
    public void onRecord(Object record) {
        if (record instanceof Plan plan) {
            onPlan(plan);
        } else if (record instanceof TaskResult result) {
            onResult(result);
        } else if (record instanceof Cancel cancel) {
            onCancel(cancel);
        } else {
            throw new InvalidRecord(record == null ? "an empty record" : "neither a plan, a cancel nor a task result: " + record);
        }
    }

    /** After the request's plan on its partition, so it reaches the instance that schedules the request, in order. */
    private void onCancel(Cancel cancel) {
        InvalidRecord.require(cancel, Topics.PLAN_CANCELS);
        if (!partitions.owns(cancel.requestId())) {
            return;
        }
        Span.current().setAttribute("hg.request.id", cancel.requestId());
        LOG.infof("request %s: cancel (%s)", cancel.requestId(), cancel.reason());
        writer.apply(cancel.requestId(), () -> scheduler.onCancel(cancel));
    }

    private void onPlan(Plan plan) {
        InvalidRecord.require(plan, Topics.PLANS);
        if (!partitions.owns(plan.requestId())) {
            return; // its partition went to another instance, which reads it again
        }
        LOG.debugf("request %s: plan with %d tasks", plan.requestId(), plan.tasks().size());
        Span.current().setAttribute("hg.request.id", plan.requestId());
        long started = System.nanoTime();
        InContextChoice choice = modelChoice.choose(plan);
        metrics.chose(choice.usage().calls() > 0, Duration.ofNanos(System.nanoTime() - started), choice.usage());
        writer.apply(plan.requestId(), () -> scheduler.onPlan(plan, choice));
    }

    private void onResult(TaskResult result) {
        InvalidRecord.require(result, Topics.TASK_RESULTS);
        Span.current().setAttribute("hg.request.id", result.requestId());
        writer.apply(result.requestId(), () -> {
            router.finished(result.requestId() + "/" + result.taskId());
            return scheduler.onResult(result);
        });
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
                            SelectorSource.ID))));
            LOG.infof("partitions %s: resumed %d unfinished requests from the DAG state topic", change.partitions(),
                    loaded.snapshots().size() - failed.size());
        } else {
            int given = scheduler.handOver(id -> change.partitions().contains(
                    SchedulingPartitions.partitionOf(id, change.partitionCount())));
            LOG.infof("partitions %s went to another instance with %d unfinished requests", change.partitions(), given);
        }
    }

    /** On the consumer's event loop: a heartbeat is recorded at once, never queued behind busy worker threads. */
    @Incoming(Channels.EXECUTORS)
    @NonBlocking
    public void onHeartbeat(ExecutorHeartbeat heartbeat) {
        InvalidRecord.require(heartbeat, Topics.EXECUTORS);
        executors.record(heartbeat);
    }

    @Scheduled(every = "1s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkDeadlines() {
        writer.apply(() -> {
            List<SchedulerAction> actions = new ArrayList<>();
            for (SchedulerAction failed = unusableState.poll(); failed != null; failed = unusableState.poll()) {
                actions.add(failed);
            }
            actions.addAll(scheduler.onTick(Instant.now(), DagScheduler.DEADLINE_GRACE));
            return actions;
        });
    }
}

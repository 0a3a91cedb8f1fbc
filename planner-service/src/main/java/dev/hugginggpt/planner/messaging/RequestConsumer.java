package dev.hugginggpt.planner.messaging;

import dev.hugginggpt.planner.metrics.PlannerMetrics;
import dev.hugginggpt.planner.plan.PlanningResult;
import dev.hugginggpt.planner.service.PlanningService;
import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.InvalidRecord;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.TopicWriter;
import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.protocol.UserRequest;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * hg.requests -> plan -> hg.plans (unless plan-only, or waiting for approval: then the gateway sends it once approved)
 * and hg.events. The offset commits after both are sent.
 */
@ApplicationScoped
public class RequestConsumer {
    private static final Logger LOG = Logger.getLogger(RequestConsumer.class);
    private static final String SOURCE = "planner-" + UUID.randomUUID().toString().substring(0, 8);

    private final PlanningService planning;
    private final PlannerMetrics metrics;
    /** Plans and events: one producer, so a plan and its PLANNED event share a produce request. */
    private final TopicWriter records;

    public RequestConsumer(PlanningService planning, PlannerMetrics metrics, TopicWriter records) {
        this.planning = planning;
        this.metrics = metrics;
        this.records = records;
    }

    /**
     * A request that cannot be read or used is refused (dead-lettered, see {@link InvalidRecord}); a plan that cannot
     * be sent (too large for the topic, say) fails its request with the reason instead.
     */
    @Incoming(Channels.REQUESTS)
    @WithSpan("plan request")
    @Blocking(ordered = false)
    public void onRequest(UserRequest request) {
        InvalidRecord.require(request, Topics.REQUESTS);
        long started = System.nanoTime();
        String key = request.requestId();
        Span.current().setAttribute("hg.request.id", key);
        PlanningResult result = planning.plan(request);
        long nanos = System.nanoTime() - started;
        long millis = nanos / 1_000_000;
        metrics.planned(result, Duration.ofNanos(nanos));
        if (!result.ok()) {
            LOG.infof("request %s: planning failed after %d ms: %s", key, millis, result.failure());
            records.send(Topics.EVENTS, key, RequestEvent.planningFailed(key, result.failure(), result.usage(), SOURCE))
                    .await().indefinitely();
            return;
        }
        RequestOptions options = request.options() == null ? RequestOptions.defaults() : request.options();
        Plan plan = new Plan(key, request.tenant(), request.lastUserMessage(), result.tasks(), result.planner(),
                result.usage() == null ? LlmUsage.NONE : result.usage(), request.resources(), options, millis, result.reply());
        LOG.infof("request %s: %d tasks planned by %s in %d ms", key, plan.tasks().size(), plan.planner(), millis);
        try {
            if (options.requiresApproval() && !options.isPlanOnly()) {
                awaitApproval(plan);
            } else {
                send(plan, options.isPlanOnly());
            }
        } catch (RuntimeException e) {
            LOG.warnf("request %s: its plan could not be sent: %s", key, e.getMessage());
            records.send(Topics.EVENTS, key, RequestEvent.planningFailed(key,
                    "the plan could not be passed on (" + e.getMessage() + ")", result.usage(), SOURCE)).await().indefinitely();
        }
    }

    /**
     * The plan stays in hg.events, where every gateway keeps it until it is approved or ends: PLANNED and
     * AWAITING_APPROVAL in one record, so that no view sees the one without the other.
     */
    private void awaitApproval(Plan plan) {
        records.sendEvents(plan.requestId(), List.of(RequestEvent.planned(plan, SOURCE),
                RequestEvent.awaitingApproval(plan.requestId(), SOURCE))).await().indefinitely();
    }

    /** Together, one round of writes: the gateways' views take the selector's task events before PLANNED too. */
    private void send(Plan plan, boolean planOnly) {
        Uni<Void> planned = records.send(Topics.EVENTS, plan.requestId(), RequestEvent.planned(plan, SOURCE));
        if (planOnly) {
            planned.await().indefinitely();
        } else {
            Uni.combine().all().unis(planned, records.send(Topics.PLANS, plan.requestId(), plan))
                    .discardItems().await().indefinitely();
        }
    }
}

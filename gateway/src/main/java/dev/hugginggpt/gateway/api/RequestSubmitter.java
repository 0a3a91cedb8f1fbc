package dev.hugginggpt.gateway.api;

import dev.hugginggpt.gateway.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hugginggpt.gateway.access.ResourceOwners;
import dev.hugginggpt.gateway.access.TenantLimits;
import dev.hugginggpt.gateway.lifecycle.RequestFailures;
import dev.hugginggpt.gateway.messaging.GatewaySource;
import dev.hugginggpt.gateway.messaging.RequestRecordLimit;
import dev.hugginggpt.gateway.metrics.GatewayMetrics;
import dev.hugginggpt.gateway.view.RequestViews;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TopicWriter;
import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.protocol.UserRequest;
import dev.hugginggpt.protocol.resources.ResourceStore;
import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Checks a submitted request, records it as accepted, and hands it to the planner over hg.requests. */
@ApplicationScoped
public class RequestSubmitter {
    static final int MAX_MESSAGES = 100;
    static final int MAX_MESSAGE_CHARS = 20_000;
    /** Resource ids a request may name, in 'resources' and in its messages' text together: each is looked up on disk. */
    static final int MAX_RESOURCES = 100;
    private static final Set<String> ROLES = Set.of("user", "assistant", "system");

    private final ResourceStore store;
    private final RequestViews views;
    private final TenantLimits limits;
    private final ResourceOwners owners;
    /** Requests and events (and DONE, see Responder): one producer for the gateway. */
    private final TopicWriter records;
    private final GatewayMetrics metrics;

    private final RequestRecordLimit recordLimit;
    private final RequestFailures failures;
    private final ObjectMapper json;
    private final SubmittedPlans plans;
    /** The planner named in the view of a request that brought its own plan. */
    public static final String CLIENT_PLANNER = "client";

    public RequestSubmitter(ResourceStore store, RequestViews views, TenantLimits limits, ResourceOwners owners,
            GatewayMetrics metrics, TopicWriter records, RequestRecordLimit recordLimit,
            RequestFailures failures, ObjectMapper json, SubmittedPlans plans) {
        this.plans = plans;
        this.recordLimit = recordLimit;
        this.failures = failures;
        this.json = json;
        this.store = store;
        this.views = views;
        this.limits = limits;
        this.owners = owners;
        this.metrics = metrics;
        this.records = records;
    }

    public Uni<String> submit(SubmitRequest body, String tenant, boolean planOnly) {
        if (body != null && body.plan() != null && planOnly) {
            throw ProblemException.badRequest("a request that only plans cannot bring its own 'plan'; submit it to"
                    + " POST /v1/requests to run it");
        }
        SubmittedPlans.Checked plan = body == null || body.plan() == null ? null : plans.check(body.plan(), tenant, "plan");
        if (plan != null && (body.messages() == null || body.messages().isEmpty())) {
            body = new SubmitRequest(List.of(new ChatMessage("user", "Run this plan: " + PlanSummary.of(plan.tasks()))),
                    body.resources(), body.options(), body.plan());
        }
        UserRequest request = validate(body, tenant, planOnly);
        requireFitsTopic(request);
        Plan own = plan == null ? null : ownPlan(request, plan);
        if (views.activeRequests(tenant) >= limits.maxConcurrent()) {
            throw ProblemException.tooManyRequests("tenant " + tenant + " already has " + limits.maxConcurrent()
                    + " requests running; wait for one to finish", 5);
        }
        java.time.Duration wait = limits.acquire(tenant);
        if (!wait.isZero()) {
            throw ProblemException.tooManyRequests("tenant " + tenant + " may send " + limits.perMinute()
                    + " requests a minute", Math.max(1, (wait.toMillis() + 999) / 1000));
        }
        Span.current().setAttribute("hg.request.id", request.requestId());
        RequestEvent accepted = RequestEvent.accepted(request, GatewaySource.ID);
        views.apply(accepted);
        metrics.accepted();
        views.whenTerminal(request.requestId()).thenAccept(metrics::finished);
        if (own != null) {
            return skipPlanning(request, accepted, own);
        }
        // Together: this gateway's view already holds ACCEPTED, and the views of the others take it after PLANNED too.
        return Uni.combine().all().unis(records.send(Topics.EVENTS, request.requestId(), accepted),
                records.send(Topics.REQUESTS, request.requestId(), request)).discardItems()
                .replaceWith(request.requestId())
                .onFailure().transform(failure -> {
                    failures.fail(request.requestId(), "the request could not be handed to the planner: " + failure.getMessage());
                    return ProblemException.unavailable("the request could not be handed to the planner ("
                            + failure.getMessage() + "); try again");
                });
    }

    /**
     * A request with its own plan is not planned: ACCEPTED and PLANNED (and AWAITING_APPROVAL when it waits for
     * approval) go to hg.events in one record, and the plan to hg.plans unless it waits; the view holds them at once.
     */
    private Uni<String> skipPlanning(UserRequest request, RequestEvent accepted, Plan plan) {
        List<RequestEvent> events = new ArrayList<>(List.of(accepted, RequestEvent.planned(plan, GatewaySource.ID)));
        if (request.options().requiresApproval()) {
            events.add(RequestEvent.awaitingApproval(request.requestId(), GatewaySource.ID));
        }
        events.subList(1, events.size()).forEach(views::apply);
        Uni<Void> sent = records.sendEvents(request.requestId(), events);
        if (!request.options().requiresApproval()) {
            sent = Uni.combine().all().unis(sent, records.send(Topics.PLANS, request.requestId(), plan))
                    .discardItems();
        }
        return sent.replaceWith(request.requestId()).onFailure().transform(failure -> {
            failures.fail(request.requestId(), "the plan could not be handed to the selector: " + failure.getMessage());
            return ProblemException.unavailable("the plan could not be handed to the selector (" + failure.getMessage()
                    + "); try again");
        });
    }

    /** The request's own plan, as the selector will read it; it must fit hg.plans. */
    private Plan ownPlan(UserRequest request, SubmittedPlans.Checked checked) {
        List<ResourceRef> files = new ArrayList<>(request.resources());
        checked.files().stream().filter(f -> files.stream().noneMatch(r -> r.id().equals(f.id()))).forEach(files::add);
        Plan plan = new Plan(request.requestId(), request.tenant(), request.lastUserMessage(), checked.tasks(),
                CLIENT_PLANNER, LlmUsage.NONE, List.copyOf(files), request.options(), 0);
        plans.requireFitsTopic(plan);
        return plan;
    }

    /** The request as the planner will read it must fit hg.requests, or nothing is accepted. */
    private void requireFitsTopic(UserRequest request) {
        int bytes;
        try {
            bytes = json.writeValueAsBytes(request).length;
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("the request cannot be written as JSON: " + e.getOriginalMessage());
        }
        if (bytes > recordLimit.maxBytes()) {
            throw ProblemException.tooLarge("the conversation takes " + bytes + " bytes as JSON; at most "
                    + recordLimit.maxBytes() + " are passed on: send fewer or shorter messages");
        }
    }

    /**
     * Text that every service and program downstream takes as it is: no NUL or other control character but tab, CR and
     * LF, and no half of a surrogate pair (JSON escapes can write both; the bytes themselves are checked as UTF-8 when
     * the body is read).
     */
    static boolean isPlainText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return false;
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i)))) {
                return false;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private UserRequest validate(SubmitRequest body, String tenant, boolean planOnly) {
        if (body == null || body.messages() == null || body.messages().isEmpty()) {
            throw ProblemException.badRequest("'messages' must hold at least one message");
        }
        if (body.messages().size() > MAX_MESSAGES) {
            throw ProblemException.badRequest("at most " + MAX_MESSAGES + " messages are accepted");
        }
        for (ChatMessage m : body.messages()) {
            if (m != null && m.content() != null && !isPlainText(m.content())) {
                throw ProblemException.badRequest("message text may not hold control characters (other than tab and line"
                        + " breaks) or unpaired surrogates (\\ud800 alone)");
            }
            if (m == null || m.role() == null || !ROLES.contains(m.role())) {
                throw ProblemException.badRequest("every message needs a role: user, assistant or system");
            }
            if (m.content() == null || m.content().length() > MAX_MESSAGE_CHARS) {
                throw ProblemException.badRequest("every message needs content of at most " + MAX_MESSAGE_CHARS + " characters");
            }
        }
        ChatMessage last = body.messages().get(body.messages().size() - 1);
        if (!"user".equals(last.role()) || last.content().isBlank()) {
            throw ProblemException.badRequest("the last message must be a non-empty user message");
        }
        Set<String> named = new HashSet<>(body.resources() == null ? List.of() : body.resources());
        body.messages().forEach(m -> named.addAll(ResourceStore.idsIn(m.content())));
        if (named.size() > MAX_RESOURCES) {
            throw ProblemException.badRequest("a request may name at most " + MAX_RESOURCES + " resources");
        }
        List<ResourceRef> resources = new ArrayList<>();
        for (String id : body.resources() == null ? List.<String>of() : body.resources()) {
            if (id != null && id.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
                throw ProblemException.badRequest("resources are ids of uploaded files; URLs are not fetched ('" + id
                        + "'); upload the file with POST /v1/resources");
            }
            if (id == null || !owners.mayRead(id, tenant)) {
                throw ProblemException.badRequest("unknown resource '" + id + "'; upload files with POST /v1/resources first");
            }
            resources.add(store.describe(id).orElseThrow(() -> ProblemException.badRequest(
                    "unknown resource '" + id + "'; upload files with POST /v1/resources first")));
        }
        // A file named in the conversation's text goes to the executors as it is named: it must be the tenant's too.
        for (ChatMessage m : body.messages()) {
            for (String id : ResourceStore.idsIn(m.content())) {
                if (!owners.mayRead(id, tenant)) {
                    throw ProblemException.badRequest("unknown resource '" + id
                            + "' in the conversation; upload files with POST /v1/resources first");
                }
            }
        }
        RequestOptions options = body.options() == null ? RequestOptions.defaults() : body.options();
        if (options.planner() != null && !Set.of("auto", "llm", "embedded").contains(options.planner())) {
            throw ProblemException.badRequest("options.planner must be auto, llm or embedded");
        }
        if (options.topK() != null && (options.topK() < 1 || options.topK() > 50)) {
            throw ProblemException.badRequest("options.topK must be between 1 and 50");
        }
        if (options.taskTimeoutSeconds() != null && (options.taskTimeoutSeconds() < 1 || options.taskTimeoutSeconds() > 3600)) {
            throw ProblemException.badRequest("options.taskTimeoutSeconds must be between 1 and 3600");
        }
        if (options.approval() != null && !options.problems().isEmpty()) {
            throw ProblemException.badRequest("options." + String.join("; ", options.problems()));
        }
        if (planOnly) {
            options = options.withPlanOnly();
        }
        String id = UUID.randomUUID().toString();
        return new UserRequest(id, tenant, List.copyOf(body.messages()), resources, options, Instant.now());
    }
}

package dev.hugginggpt.gateway.api;

import dev.hugginggpt.gateway.problem.ProblemException;
import dev.hugginggpt.gateway.lifecycle.RequestFailures;
import dev.hugginggpt.gateway.messaging.GatewaySource;
import dev.hugginggpt.gateway.view.RequestView;
import dev.hugginggpt.gateway.view.RequestViews;
import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TopicWriter;
import dev.hugginggpt.protocol.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a plan that waits for approval, as planned or edited: APPROVED (with the plan that runs) to hg.events, stored
 * before the plan goes to hg.plans, so that every view has the approved plan before any of its tasks' events. The
 * waiting plan itself is the PLANNED event in hg.events, which every gateway reads back at start: a restart of any
 * service loses no pending approval.
 */
@ApplicationScoped
public class Approvals {
    private final RequestViews views;
    private final SubmittedPlans plans;
    private final RequestFailures failures;
    private final TopicWriter records;

    public Approvals(RequestViews views, SubmittedPlans plans, RequestFailures failures,
            TopicWriter records) {
        this.views = views;
        this.plans = plans;
        this.failures = failures;
        this.records = records;
    }

    public RequestView approve(String id, String tenant, ApproveRequest body) {
        RequestView view = views.find(id, tenant).orElseThrow(() -> ProblemException.notFound("no request " + id));
        SubmittedPlans.Checked edited = body == null || body.plan() == null ? null : plans.check(body.plan(), tenant, "plan");
        Plan planned = views.claimApproval(id, tenant).orElseThrow(() -> ProblemException.conflict("request " + id
                + " is " + view.status() + ", not waiting for approval" + (view.status().isTerminal() ? "" :
                " (options.approval: required makes a request wait)")));
        Plan approved;
        try {
            approved = edited == null ? planned : edit(planned, edited);
            plans.requireFitsTopic(approved);
        } catch (RuntimeException e) {
            views.releaseApproval(id);
            throw e;
        }
        RequestEvent event = RequestEvent.approved(approved, edited == null ? "approved as planned"
                : "approved with an edited plan", GatewaySource.ID);
        views.apply(event);
        try {
            records.send(Topics.EVENTS, id, event).await().indefinitely();
            records.send(Topics.PLANS, id, approved).await().indefinitely();
        } catch (RuntimeException e) {
            failures.fail(id, "the approved plan could not be handed to the selector: " + e.getMessage());
            throw ProblemException.unavailable("the approved plan could not be handed to the selector ("
                    + e.getMessage() + "); submit it again");
        }
        return views.find(id).orElseThrow();
    }

    private static Plan edit(Plan planned, SubmittedPlans.Checked edited) {
        List<ResourceRef> files = new ArrayList<>(planned.resources() == null ? List.of() : planned.resources());
        edited.files().stream().filter(f -> files.stream().noneMatch(r -> r.id().equals(f.id()))).forEach(files::add);
        return new Plan(planned.requestId(), planned.tenant(), planned.userMessage(), edited.tasks(), planned.planner(),
                planned.usage(), List.copyOf(files), planned.options(), planned.planningMillis());
    }
}

package dev.hugginggpt.gateway.lifecycle;

import dev.hugginggpt.protocol.Cancel;
import dev.hugginggpt.protocol.TopicWriter;
import dev.hugginggpt.protocol.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A cancel goes to hg.plans ({@link Topics#PLAN_CANCELS}), keyed by the request id: it reaches the selector instance
 * that schedules the request after the request's plan, if any; one that comes before its plan keeps the plan from
 * running.
 */
@ApplicationScoped
public class CancelSender {
    private final TopicWriter records;

    public CancelSender(TopicWriter records) {
        this.records = records;
    }

    public Uni<Void> send(String requestId, String reason) {
        return records.send(Topics.PLAN_CANCELS, requestId, Cancel.of(requestId, reason));
    }
}

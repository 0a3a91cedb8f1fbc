package dev.hugginggpt.gateway.lifecycle;

import dev.hugginggpt.gateway.config.GatewayConfig;
import dev.hugginggpt.gateway.view.RequestViews;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * A plan not approved within {@code hg.gateway.approval-timeout} ends its request: FAILED, its tenant's slot freed,
 * and a cancel to the selector, so that an approval racing the expiry on another instance does not run it either.
 * Every instance sweeps (the wait is measured from the event's time, the same everywhere); a second end changes nothing.
 */
@ApplicationScoped
public class ApprovalExpiry {
    private static final Logger LOG = Logger.getLogger(ApprovalExpiry.class);

    private final RequestViews views;
    private final RequestFailures failures;
    private final CancelSender cancels;
    private final Duration timeout;

    public ApprovalExpiry(RequestViews views, RequestFailures failures, CancelSender cancels,
            GatewayConfig config) {
        this.views = views;
        this.failures = failures;
        this.cancels = cancels;
        this.timeout = config.lifecycle().approvalTimeout();
    }

    @Scheduled(every = "${hg.gateway.approval-sweep-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        for (String id : views.awaitingSince(Instant.now().minus(timeout))) {
            String reason = "the plan was not approved within " + timeout.toSeconds() + " s; nothing ran";
            cancels.send(id, reason).subscribe().with(ok -> { },
                    failure -> LOG.warnf("request %s: its cancel was not sent: %s", id, failure.getMessage()));
            failures.fail(id, reason);
        }
    }
}

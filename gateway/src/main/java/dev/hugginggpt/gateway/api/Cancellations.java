package dev.hugginggpt.gateway.api;

import dev.hugginggpt.gateway.config.GatewayConfig;
import dev.hugginggpt.gateway.problem.ProblemException;
import dev.hugginggpt.gateway.lifecycle.CancelSender;
import dev.hugginggpt.gateway.lifecycle.RequestFailures;
import dev.hugginggpt.gateway.view.RequestView;
import dev.hugginggpt.gateway.view.RequestViews;
import dev.hugginggpt.protocol.RequestStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Ends a request at the client's word. The cancel goes to the selector (hg.plans), which skips the tasks not started,
 * stops the running ones on the executors and ends the request with a FAILED event naming each; the answer waits for
 * it (at most {@code hg.gateway.cancel-wait}). A request with nothing running yet (planning, waiting for approval) is
 * ended here at once; the cancel still goes out, so that its plan, if it comes, does not run.
 */
@ApplicationScoped
public class Cancellations {
    static final String BY_THE_CLIENT = "cancelled by the client";

    private final RequestViews views;
    private final CancelSender cancels;
    private final RequestFailures failures;
    private final Duration wait;

    public Cancellations(RequestViews views, CancelSender cancels, RequestFailures failures,
            GatewayConfig config) {
        this.views = views;
        this.cancels = cancels;
        this.failures = failures;
        this.wait = config.lifecycle().cancelWait();
    }

    public Uni<RequestView> cancel(String id, String tenant) {
        RequestView view = views.find(id, tenant).orElseThrow(() -> ProblemException.notFound("no request " + id));
        if (view.status().isTerminal()) {
            throw ProblemException.conflict("request " + id + " is already " + view.status());
        }
        if (view.status() == RequestStatus.RESPONDING) {
            throw ProblemException.conflict("request " + id + " has run every task; its answer is being written");
        }
        boolean nothingRan = view.status() == RequestStatus.PLANNING || view.status() == RequestStatus.AWAITING_APPROVAL;
        return cancels.send(id, BY_THE_CLIENT).onFailure().transform(failure -> ProblemException.unavailable(
                "the cancel could not be sent (" + failure.getMessage() + "); try again")).chain(() -> {
                    if (nothingRan) {
                        failures.fail(id, BY_THE_CLIENT + " while it was " + view.status() + "; nothing had run");
                        return Uni.createFrom().item(views.find(id).orElseThrow());
                    }
                    return Uni.createFrom().completionStage(() -> views.whenTerminal(id)).ifNoItem().after(wait)
                            .recoverWithItem(() -> {
                                failures.fail(id, BY_THE_CLIENT + "; the selector did not confirm within "
                                        + wait.toMillis() + " ms, its tasks are stopped when it does");
                                return views.find(id).orElseThrow();
                            });
                });
    }
}

package dev.hugginggpt.gateway.lifecycle;

import dev.hugginggpt.gateway.messaging.GatewaySource;
import dev.hugginggpt.gateway.view.RequestViews;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.TopicWriter;
import dev.hugginggpt.protocol.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Ends a request that cannot go on: a FAILED event in this instance's view at once (its tenant's slot is free, its
 * waiting clients answered) and on hg.events for every other instance. A request already over is left as it is.
 */
@ApplicationScoped
public class RequestFailures {
    private static final Logger LOG = Logger.getLogger(RequestFailures.class);
    private static final int MAX_REASON_CHARS = 500;

    private final RequestViews views;
    private final TopicWriter records;

    public RequestFailures(RequestViews views, TopicWriter records) {
        this.views = views;
        this.records = records;
    }

    /** Whether the request was unfinished here (and is failed now). */
    public boolean fail(String requestId, String reason) {
        if (!views.isUnfinished(requestId)) {
            return false;
        }
        String shown = reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) + "…" : reason;
        LOG.warnf("request %s failed: %s", requestId, shown);
        RequestEvent failed = RequestEvent.failed(requestId, shown, GatewaySource.ID);
        views.apply(failed);
        records.send(Topics.EVENTS, requestId, failed).subscribe().with(ok -> { },
                failure -> LOG.warnf("request %s: its FAILED event was not sent: %s", requestId, failure.getMessage()));
        return true;
    }
}

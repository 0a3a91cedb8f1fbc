package dev.hugginggpt.gateway.messaging;

import dev.hugginggpt.gateway.view.RequestViews;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every gateway instance reads all of hg.events (its own consumer group) into its request views. On the consumer's
 * event loop: folding an event is quick and never waits, and it must not queue for a worker thread behind the very
 * work (answers, clients) that waits for it.
 */
@ApplicationScoped
public class EventMaterializer {
    private final RequestViews views;

    public EventMaterializer(RequestViews views) {
        this.views = views;
    }

    @Incoming("events-in")
    @NonBlocking
    public void onEvents(EventRecord record) {
        record.events().forEach(views::apply);
    }
}

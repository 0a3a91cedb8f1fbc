package dev.hugginggpt.gateway.messaging;

import dev.hugginggpt.gateway.view.RequestViews;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every gateway instance reads all of hg.events (its own consumer group) into its request views. */
@ApplicationScoped
public class EventMaterializer {
    private final RequestViews views;

    public EventMaterializer(RequestViews views) {
        this.views = views;
    }

    @Incoming("events-in")
    public void onEvents(EventRecord record) {
        record.events().forEach(views::apply);
    }
}

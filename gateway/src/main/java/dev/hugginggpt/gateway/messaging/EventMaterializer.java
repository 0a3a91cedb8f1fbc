package dev.hugginggpt.gateway.messaging;

import dev.hugginggpt.gateway.view.RequestViews;
import dev.hugginggpt.protocol.RequestEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every gateway instance reads all of hg.events (its own consumer group) into its request views. A record holds one
 * event, or several of one request written together, in order (see {@link EventsDeserializer}).
 */
@ApplicationScoped
public class EventMaterializer {
    private final RequestViews views;

    public EventMaterializer(RequestViews views) {
        this.views = views;
    }

    @Incoming("events-in")
    public void onEvents(List<RequestEvent> events) {
        events.forEach(views::apply);
    }
}

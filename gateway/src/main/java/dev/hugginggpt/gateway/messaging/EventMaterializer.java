package dev.hugginggpt.gateway.messaging;

import dev.hugginggpt.gateway.view.RequestViews;
import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.InvalidRecord;
import dev.hugginggpt.protocol.Topics;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every gateway instance reads all of hg.events (its own consumer group) into its request views. On the consumer's
 * event loop: folding an event is quick and never waits, and it must not queue for a worker thread behind the very
 * work (answers, clients) that waits for it. A record holding an event that cannot be used is refused whole (and
 * dead-lettered).
 */
@ApplicationScoped
public class EventMaterializer {
    private final RequestViews views;

    public EventMaterializer(RequestViews views) {
        this.views = views;
    }

    @Incoming(Channels.EVENTS_IN)
    @NonBlocking
    public void onEvents(EventRecord record) {
        if (record == null || record.events() == null || record.events().isEmpty()) {
            throw new InvalidRecord("an empty " + Topics.EVENTS.name() + " record");
        }
        record.events().forEach(event -> InvalidRecord.require(event, Topics.EVENTS));
        record.events().forEach(views::apply);
    }
}

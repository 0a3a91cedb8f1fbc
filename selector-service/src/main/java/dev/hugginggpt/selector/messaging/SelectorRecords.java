package dev.hugginggpt.selector.messaging;

import dev.hugginggpt.protocol.Outcome;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * What the selector writes, each to its topic: dispatches to hg.tasks, events to hg.events, outcomes to hg.outcomes.
 * One producer for all (the channel "records"), so records handed over together share a produce request.
 */
@ApplicationScoped
public class SelectorRecords {
    private final MutinyEmitter<Object> records;

    public SelectorRecords(@Channel("records") MutinyEmitter<Object> records) {
        this.records = records;
    }

    /** A task, to the partition chosen for it; keyed by {@code requestId/taskId}. */
    public Uni<Void> dispatch(TaskDispatch task, int partition) {
        return records.sendMessage(Message.<Object>of(task).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.TASKS).withKey(task.key()).withPartition(partition).build()));
    }

    /**
     * A request's events of one batch as one record: a JSON array when there are several, which the gateway reads as
     * well as a single event.
     */
    public Uni<Void> events(String requestId, List<RequestEvent> events) {
        Object value = events.size() == 1 ? events.get(0) : List.copyOf(events);
        return records.sendMessage(KafkaRecord.of(Topics.EVENTS, requestId, value));
    }

    public Uni<Void> outcome(Outcome outcome) {
        return records.sendMessage(KafkaRecord.of(Topics.OUTCOMES, outcome.requestId(), outcome));
    }
}

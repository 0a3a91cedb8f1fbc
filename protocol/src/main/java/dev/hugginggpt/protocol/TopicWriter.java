package dev.hugginggpt.protocol;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.OutgoingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * What a service writes to Kafka, each record to its topic, all through the service's one outgoing channel
 * ({@link Channels#RECORDS}): one producer, so records handed over together share a produce request and the records of
 * one partition are stored in the order they were sent. A record goes only to a topic of its type. Every {@code Uni}
 * completes once the producer has the record acknowledged and fails when it could not be written.
 */
@ApplicationScoped
public class TopicWriter {
    private final MutinyEmitter<Object> records;

    public TopicWriter(@Channel(Channels.RECORDS) MutinyEmitter<Object> records) {
        this.records = records;
    }

    public <T> Uni<Void> send(Topic<T> topic, String key, T record) {
        return records.sendMessage(record(topic, key, record, -1));
    }

    /** Within the given trace (its context goes into the record's headers), not the calling thread's. */
    public <T> Uni<Void> send(Topic<T> topic, String key, T record, TracingMetadata trace) {
        return records.sendMessage(record(topic, key, record, -1).addMetadata(trace));
    }

    /** To the partition the caller chose, not the one the key's hash picks. */
    public <T> Uni<Void> sendToPartition(Topic<T> topic, String key, T record, int partition) {
        return records.sendMessage(record(topic, key, record, partition));
    }

    /** Without waiting for it; a failure is logged. */
    public <T> void sendAndForget(Topic<T> topic, String key, T record) {
        records.sendMessageAndForget(record(topic, key, record, -1));
    }

    /**
     * A request's events as one record, so that every gateway's view takes them together: one event as itself,
     * several as a JSON array (which the gateway reads as well).
     */
    public Uni<Void> sendEvents(String requestId, List<RequestEvent> events) {
        Object value = events.size() == 1 ? events.get(0) : List.copyOf(events);
        return records.sendMessage(KafkaRecord.of(Topics.EVENTS.name(), requestId, value));
    }

    private static <T> OutgoingKafkaRecord<String, T> record(Topic<T> topic, String key, T value, int partition) {
        OutgoingKafkaRecord<String, T> record = KafkaRecord.of(topic.name(), key, value, null, partition);
        return topic.recordType() == null ? record
                : record.withHeader(Topics.RECORD_TYPE, topic.recordType().getBytes(StandardCharsets.UTF_8));
    }
}

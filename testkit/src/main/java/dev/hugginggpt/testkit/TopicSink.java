package dev.hugginggpt.testkit;

import dev.hugginggpt.protocol.Topic;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * What a service wrote to Kafka, as a test sees it: each service writes every record through one outgoing channel
 * (one producer) with the topic on the record, and a test reads that channel's in-memory sink one topic at a time.
 */
public final class TopicSink {
    private final InMemorySink<Object> sink;

    public TopicSink(InMemorySink<Object> sink) {
        this.sink = sink;
    }

    /** The records sent to {@code topic}, in the order they were sent. */
    @SuppressWarnings("unchecked")
    public <T> List<Message<T>> received(Topic<?> topic) {
        return sink.received().stream()
                .filter(m -> topic.name().equals(topicOf(m)))
                .map(m -> (Message<T>) m)
                .toList();
    }

    /** Every record names its topic: one without would go to a topic named after the channel. */
    private static String topicOf(Message<?> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class)
                .map(OutgoingKafkaRecordMetadata::getTopic)
                .orElseThrow(() -> new AssertionError("a record without a topic: " + message.getPayload()));
    }

    public void clear() {
        sink.clear();
    }
}

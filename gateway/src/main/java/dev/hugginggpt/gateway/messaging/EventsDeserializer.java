package dev.hugginggpt.gateway.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hugginggpt.protocol.RequestEvent;
import io.quarkus.arc.Arc;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;

/** An hg.events record: one event (a JSON object) or several of one request (a JSON array). */
public class EventsDeserializer implements Deserializer<EventRecord> {
    private final ObjectMapperDeserializer<List<RequestEvent>> events;

    /** With the application's object mapper (the Kafka client makes this one). */
    public EventsDeserializer() {
        this(Arc.container().instance(ObjectMapper.class).get());
    }

    EventsDeserializer(ObjectMapper mapper) {
        this.events = new ObjectMapperDeserializer<>(new TypeReference<>() {
        }, mapper.copy().enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY));
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        events.configure(configs, isKey);
    }

    @Override
    public EventRecord deserialize(String topic, byte[] data) {
        List<RequestEvent> read = events.deserialize(topic, data);
        return read == null ? null : new EventRecord(read);
    }

    @Override
    public void close() {
        events.close();
    }
}

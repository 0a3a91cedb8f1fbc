package dev.hugginggpt.gateway.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hugginggpt.protocol.RequestEvent;
import io.quarkus.arc.Arc;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import java.util.List;

/** An hg.events record: one event (a JSON object) or several of one request (a JSON array), read as a list. */
public class EventsDeserializer extends ObjectMapperDeserializer<List<RequestEvent>> {
    /** With the application's object mapper (the Kafka client makes this one). */
    public EventsDeserializer() {
        this(Arc.container().instance(ObjectMapper.class).get());
    }

    EventsDeserializer(ObjectMapper mapper) {
        super(new TypeReference<>() {
        }, mapper.copy().enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY));
    }
}

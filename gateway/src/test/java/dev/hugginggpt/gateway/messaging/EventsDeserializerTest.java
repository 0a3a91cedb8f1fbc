package dev.hugginggpt.gateway.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hugginggpt.protocol.EventType;
import dev.hugginggpt.protocol.RequestEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventsDeserializerTest {
    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final EventsDeserializer deserializer = new EventsDeserializer(mapper);

    @Test
    void aRecordOfOneEventIsAListOfOne() throws Exception {
        RequestEvent failed = RequestEvent.failed("r-1", "no plan", "test");
        List<RequestEvent> read = deserializer.deserialize("hg.events", mapper.writeValueAsBytes(failed)).events();
        assertEquals(List.of(failed), read);
    }

    @Test
    void aRecordOfSeveralEventsKeepsTheirOrder() throws Exception {
        List<RequestEvent> written = List.of(RequestEvent.failed("r-2", "first", "test"),
                RequestEvent.responding("r-2", "test"));
        List<RequestEvent> read = deserializer.deserialize("hg.events", mapper.writeValueAsBytes(written)).events();
        assertEquals(written, read);
        assertEquals(List.of(EventType.FAILED, EventType.RESPONDING), read.stream().map(RequestEvent::type).toList());
    }
}

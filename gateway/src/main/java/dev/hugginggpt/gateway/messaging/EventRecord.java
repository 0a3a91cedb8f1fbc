package dev.hugginggpt.gateway.messaging;

import dev.hugginggpt.protocol.RequestEvent;
import java.util.List;

/**
 * One hg.events record as the gateway reads it: one event, or several of one request written together, in order. (A
 * record type, not a bare list: an incoming method that takes a list would be given a batch of records.)
 */
public record EventRecord(List<RequestEvent> events) {
    public static EventRecord of(RequestEvent event) {
        return new EventRecord(List.of(event));
    }
}

package dev.hugginggpt.gateway.api;

/**
 * A client reconnected to the event stream of a request that is over, having had its last event: 204 No Content, which
 * tells an EventSource to stop reconnecting.
 */
public class EventStreamOver extends RuntimeException {
    public EventStreamOver(String requestId) {
        super("request " + requestId + " is over and its client has had every event", null, false, false);
    }
}

package dev.hugginggpt.gateway.view;

import dev.hugginggpt.protocol.RequestEvent;

/**
 * An event of a request with its place in the request's history on this gateway: 1 for the first, increasing by one.
 * An {@code ANSWER_DELTA} has none (0): it is passed to the listeners of the moment and not kept.
 */
public record SequencedEvent(long id, RequestEvent event) {
    public boolean isKept() {
        return id > 0;
    }
}

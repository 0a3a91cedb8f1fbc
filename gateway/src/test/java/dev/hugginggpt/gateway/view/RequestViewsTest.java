package dev.hugginggpt.gateway.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hugginggpt.protocol.Answer;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.UserRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admission check's count of unfinished requests per tenant, kept without scanning the records. */
class RequestViewsTest {
    private static RequestEvent accepted(String id, String tenant) {
        return RequestEvent.accepted(new UserRequest(id, tenant, List.of(new ChatMessage("user", "hi")), List.of(),
                RequestOptions.defaults(), Instant.now()), "gateway-test");
    }

    private static RequestEvent done(String id) {
        return RequestEvent.done(id, new Answer("ok", "template", LlmUsage.NONE), "gateway-test");
    }

    @Test
    void countsEachTenantsUnfinishedRequests() {
        RequestViews views = new RequestViews(100);
        views.apply(accepted("r1", "a"));
        views.apply(accepted("r2", "a"));
        views.apply(accepted("r3", "b"));

        assertEquals(2, views.activeRequests("a"));
        assertEquals(1, views.activeRequests("b"));
        assertEquals(0, views.activeRequests("c"));

        views.apply(done("r1"));
        views.apply(done("r1"));
        views.apply(RequestEvent.failed("r3", "no", "selector-test"));

        assertEquals(1, views.activeRequests("a"), "a repeated DONE counts once");
        assertEquals(0, views.activeRequests("b"));
    }

    @Test
    void theAcceptedEventComingBackFromKafkaIsNotCountedTwiceAndALateAcceptedStillCounts() {
        RequestViews views = new RequestViews(100);
        RequestEvent accepted = accepted("r1", "a");
        views.apply(accepted);
        views.apply(accepted);
        assertEquals(1, views.activeRequests("a"));

        views.apply(RequestEvent.responding("r2", "selector-test"));
        assertEquals(1, views.activeRequests("a"), "r2 has no tenant yet");
        views.apply(accepted("r2", "a"));
        assertEquals(2, views.activeRequests("a"));
    }

    @Test
    void aForgottenRequestNoLongerCounts() {
        RequestViews views = new RequestViews(2);
        views.apply(accepted("r1", "a"));
        views.apply(accepted("r2", "a"));
        views.apply(accepted("r3", "a"));

        assertEquals(2, views.activeRequests("a"), "r1 was forgotten past the limit of 2");
        views.apply(done("r2"));
        views.apply(done("r3"));
        assertEquals(0, views.activeRequests("a"));
    }
}

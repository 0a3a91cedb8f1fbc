package dev.hugginggpt.gateway.lifecycle;

import static dev.hugginggpt.testkit.Await.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.EventType;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.testkit.TopicSink;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request ends and frees its tenant's slot: one that makes no progress is failed by the sweeper, one whose
 * record some service dead-lettered is failed with that record's reason, and one too large for its topic is refused.
 */
@QuarkusTest
@TestProfile(RequestEndingsTest.QuickSweeps.class)
class RequestEndingsTest {
    /** Stalls found in two seconds; a tenant of two slots; requests of at most 2000 bytes as JSON. */
    public static class QuickSweeps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hg.gateway.stall-timeout", "2s", "hg.gateway.stall-sweep-every", "200ms",
                    "hg.gateway.max-concurrent-requests", "2", "hg.gateway.max-request-record-bytes", "2000",
                    "hg.gateway.dead-letter-look-again", "300ms");
        }
    }

    @Inject
    @Any
    InMemoryConnector connector;

    TopicSink sent;

    @BeforeEach
    void setUp() {
        sent = new TopicSink(connector.sink(Channels.RECORDS));
        sent.clear();
    }

    @Test
    void aRequestThatMakesNoProgressIsFailedAndItsSlotFreed() {
        String first = submit("key-a", "Read 'one' aloud");
        String second = submit("key-a", "Read 'two' aloud");
        given().header("X-API-Key", "key-a").contentType("application/json").body(body("Read 'three' aloud"))
                .when().post("/v1/requests").then().statusCode(429);
        await("the stalled requests failed", () -> "FAILED".equals(status(first, "key-a")) && "FAILED".equals(status(second, "key-a")));
        given().header("X-API-Key", "key-a").when().get("/v1/requests/" + first).then()
                .body("error", containsString("made no progress"));
        assertTrue(sent.<Object>received(Topics.EVENTS).stream().anyMatch(m -> m.getPayload() instanceof RequestEvent event
                && event.type() == EventType.FAILED && event.requestId().equals(first)), "every instance learns of it");
        submit("key-a", "Read 'three' aloud");
    }

    @Test
    void aDeadLetterFailsTheRequestItNamesWithItsReason() {
        String id = submit("key-b", "Describe this");
        ConsumerRecord<String, byte[]> letter = new ConsumerRecord<>(Topics.DEAD_LETTERS.name(), 0, 0, id, new byte[] {1});
        letter.headers().add(DeadLetterWatcher.TOPIC, Topics.PLANS.name().getBytes(StandardCharsets.UTF_8));
        letter.headers().add(DeadLetterWatcher.REASON, "an invalid hg.plans record: no tasks".getBytes(StandardCharsets.UTF_8));
        connector.source(Channels.DEAD_LETTERS).send(letter);
        await("the named request failed", () -> "FAILED".equals(status(id, "key-b")));
        given().header("X-API-Key", "key-b").when().get("/v1/requests/" + id).then()
                .body("error", containsString("on hg.plans could not be used (an invalid hg.plans record: no tasks)"));
    }

    @Test
    void aDeadLetterThatComesBeforeItsRequestIsLookedAtAgain() {
        ConsumerRecord<String, byte[]> letter = new ConsumerRecord<>(Topics.DEAD_LETTERS.name(), 0, 1, "not-yet/3", new byte[0]);
        letter.headers().add(DeadLetterWatcher.TOPIC, Topics.TASKS.name().getBytes(StandardCharsets.UTF_8));
        connector.source(Channels.DEAD_LETTERS).send(letter);
        RequestEvent accepted = RequestEvent.accepted(new dev.hugginggpt.protocol.UserRequest("not-yet", "tenant-rate",
                java.util.List.of(dev.hugginggpt.protocol.ChatMessage.user("hi")), java.util.List.of(), null,
                java.time.Instant.now()), "gateway-elsewhere");
        connector.source(Channels.EVENTS_IN).send(dev.hugginggpt.gateway.messaging.EventRecord.of(accepted));
        await("the request failed once its view held it", () -> "FAILED".equals(status("not-yet", "key-rate")));
    }

    @Test
    void aConversationTooLargeForTheTopicIsRefusedBeforeAnythingIsAccepted() {
        given().header("X-API-Key", "key-b").contentType("application/json").body(body("x".repeat(3000)))
                .when().post("/v1/requests").then().statusCode(413)
                .body("detail", containsString("at most 2000 are passed on"));
        assertEquals(0, sent.received(Topics.REQUESTS).size());
    }

    private static String submit(String key, String text) {
        return given().header("X-API-Key", key).contentType("application/json").body(body(text))
                .when().post("/v1/requests").then().statusCode(202).extract().path("id");
    }

    private static String body(String text) {
        return "{\"messages\": [{\"role\": \"user\", \"content\": \"" + text + "\"}]}";
    }

    private static String status(String id, String key) {
        return given().header("X-API-Key", key).when().get("/v1/requests/" + id).path("status");
    }
}

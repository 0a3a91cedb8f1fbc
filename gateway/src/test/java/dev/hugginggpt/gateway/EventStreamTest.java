package dev.hugginggpt.gateway;

import static dev.hugginggpt.testkit.Await.await;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.gateway.messaging.EventRecord;
import dev.hugginggpt.protocol.Answer;
import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.protocol.UserRequest;
import dev.hugginggpt.testkit.TopicSink;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /v1/requests/{id}/events as the WHATWG HTML spec's EventSource reads it: ids, event names, Last-Event-ID,
 * 204 once a finished request's client has had everything, comments while nothing happens.
 */
@QuarkusTest
class EventStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    @Any
    InMemoryConnector connector;

    @TestHTTPResource("/")
    URL base;

    TopicSink sent;

    @BeforeEach
    void clear() {
        sent = new TopicSink(connector.sink(Channels.RECORDS));
        sent.clear();
    }

    @Test
    void everyEventHasAnIncreasingIdAndItsTypeAsTheEventNameAndTheStreamEndsAfterDone() throws Exception {
        String id = submit();
        forward(RequestEvent.planned(plan(id), "planner-test"));
        forward(RequestEvent.taskSelected(id, 0, new ModelChoice("local/espeak-ng", "local", "ranked 1 of 1"), "selector-test"));
        try (StreamedHttp stream = StreamedHttp.open(events(id))) {
            assertEquals(200, stream.status());
            assertTrue(stream.header("Content-Type").startsWith("text/event-stream"), stream.header("Content-Type"));
            stream.next(line -> line.matches("event: ?TASK_SELECTED"), WAIT);
            forward(RequestEvent.done(id, new Answer("Spoken.", "template", LlmUsage.NONE), "gateway-test"));
            List<String> rest = stream.rest(WAIT);
            List<Event> events = Event.parse(concat(stream.seen(), List.of()));
            assertEquals(List.of("ACCEPTED", "PLANNED", "TASK_SELECTED", "DONE"), events.stream().map(Event::name).toList(), rest.toString());
            assertEquals(List.of(1L, 2L, 3L, 4L), events.stream().map(Event::id).toList());
            for (Event e : events) {
                assertEquals(e.name(), Json.MAPPER.readTree(e.data()).get("type").asText(), "the name is the data's type");
            }
        }
    }

    @Test
    void aReconnectWithLastEventIdGetsOnlyLaterEventsAndOnceTheRequestIsOverA204() throws Exception {
        String id = submit();
        forward(RequestEvent.planned(plan(id), "planner-test"));
        forward(RequestEvent.taskSelected(id, 0, new ModelChoice("local/espeak-ng", "local", "ranked 1 of 1"), "selector-test"));
        await("the view", () -> "RUNNING".equals(given().header("X-API-Key", "key-a").when().get("/v1/requests/" + id).path("status")));
        try (StreamedHttp stream = StreamedHttp.open(events(id).header("Last-Event-ID", "2"))) {
            stream.next(line -> line.startsWith("data:"), WAIT);
            forward(RequestEvent.done(id, new Answer("Spoken.", "template", LlmUsage.NONE), "gateway-test"));
            stream.rest(WAIT);
            assertEquals(List.of(3L, 4L), Event.parse(stream.seen()).stream().map(Event::id).toList(), stream.seen().toString());
        }
        // an executor's TASK_STARTED can be written after the answer; it changes nothing of a finished stream
        forward(RequestEvent.taskStarted(id, 0, "executor-late", java.time.Instant.now()));
        try (StreamedHttp again = StreamedHttp.open(events(id).header("Last-Event-ID", "4"))) {
            assertEquals(204, again.status(), "nothing more will come: an EventSource stops");
        }
        try (StreamedHttp missedTheEnd = StreamedHttp.open(events(id).header("Last-Event-ID", "3"))) {
            missedTheEnd.rest(WAIT);
            assertEquals(List.of("DONE"), Event.parse(missedTheEnd.seen()).stream().map(Event::name).toList());
        }
        try (StreamedHttp fresh = StreamedHttp.open(events(id))) {
            fresh.rest(WAIT);
            assertEquals(4, Event.parse(fresh.seen()).size(), "a new client without Last-Event-ID gets the whole history");
        }
    }

    @Test
    void aQuietStreamCarriesCommentsThatKeepItsConnection() throws Exception {
        String id = submit();
        try (StreamedHttp stream = StreamedHttp.open(events(id))) {
            stream.next(line -> line.matches("event: ?ACCEPTED"), WAIT);
            stream.next(line -> line.startsWith(":"), Duration.ofSeconds(3));
            stream.next(line -> line.startsWith(":"), Duration.ofSeconds(3));
            forward(RequestEvent.failed(id, "ended by the test", "test"));
            stream.rest(WAIT);
            assertEquals(List.of("ACCEPTED", "FAILED"), Event.parse(stream.seen()).stream().map(Event::name).toList());
        }
    }

    @Test
    void anotherTenantsStreamIsNotFound() throws Exception {
        String id = submit();
        try (StreamedHttp stream = StreamedHttp.open(StreamedHttp.to(base + "v1/requests/" + id + "/events").header("X-API-Key", "key-b"))) {
            assertEquals(404, stream.status());
        }
        forward(RequestEvent.failed(id, "ended by the test", "test"));
    }

    /** One Server-Sent Event as the lines of the stream give it. */
    record Event(long id, String name, String data) {
        static List<Event> parse(List<String> lines) {
            List<Event> events = new ArrayList<>();
            Long id = null;
            String name = null;
            StringBuilder data = null;
            for (String line : concat(lines, List.of(""))) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id == null ? -1 : id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).strip());
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).strip());
                }
            }
            return events;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private java.net.http.HttpRequest.Builder events(String id) {
        return StreamedHttp.to(base + "v1/requests/" + id + "/events").header("X-API-Key", "key-a").header("Accept", "text/event-stream");
    }

    private String submit() {
        String id = given().header("X-API-Key", "key-a").contentType("application/json")
                .body("{\"messages\": [{\"role\": \"user\", \"content\": \"Read 'hello' aloud\"}]}")
                .when().post("/v1/requests").then().statusCode(202).extract().path("id");
        await("the gateway", () -> requests().stream().anyMatch(r -> r.getPayload().requestId().equals(id)));
        return id;
    }

    private void forward(RequestEvent event) {
        connector.source(Channels.EVENTS_IN).send(EventRecord.of(event));
    }

    private List<Message<UserRequest>> requests() {
        return sent.received(Topics.REQUESTS);
    }

    static Plan plan(String id) {
        return new Plan(id, "tenant-a", "Read 'hello' aloud",
                List.of(new PlannedTask(0, "text-to-speech", List.of(-1), Map.of("text", "hello"))), "embedded", LlmUsage.NONE,
                List.of(), RequestOptions.defaults(), 3);
    }
}

package dev.hugginggpt.planner.messaging;

import static dev.hugginggpt.testkit.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.EventType;
import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.protocol.UserRequest;
import dev.hugginggpt.testkit.TopicSink;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The planner service as a whole, its Kafka channels swapped for in-memory ones. */
@QuarkusTest
class RequestConsumerTest {
    @Inject
    @Any
    InMemoryConnector connector;

    TopicSink sent;

    @BeforeEach
    void clear() {
        sent = new TopicSink(connector.sink(Channels.RECORDS));
        sent.clear();
    }

    @Test
    void aRequestBecomesAPlanOnHgPlansAndAPlannedEventKeyedByRequest() {
        connector.source(Channels.REQUESTS).send(request("r-1", "cat.jpg 사진을 설명하고 그 설명을 음성으로 읽어줘", null));
        await("the planner's output", () -> plans().size() == 1 && events().size() == 1);
        Plan plan = plans().get(0).getPayload();
        assertEquals("r-1", plan.requestId());
        assertEquals("embedded", plan.planner());
        assertEquals(List.of("image-to-text", "text-to-speech"), plan.tasks().stream().map(PlannedTask::task).toList());
        assertEquals("<GENERATED>-0", plan.tasks().get(1).args().get("text"));
        RequestEvent planned = events().get(0).getPayload();
        assertEquals(EventType.PLANNED, planned.type());
        assertEquals(plan.tasks(), planned.plan().tasks());
        assertEquals("r-1", keyOf(plans().get(0)));
    }

    @Test
    void aPlanOnlyRequestIsReportedButNotScheduled() {
        connector.source(Channels.REQUESTS).send(request("r-2", "Read 'good morning' aloud.", true));
        await("the planner's output", () -> events().size() == 1);
        assertEquals(EventType.PLANNED, events().get(0).getPayload().type());
        assertTrue(plans().isEmpty());
    }

    @Test
    void aPlanThatWaitsForApprovalStaysInTheEventsWithItsAwaitingEventAndIsNotScheduled() {
        connector.source(Channels.REQUESTS).send(new UserRequest("r-4", "default", List.of(new ChatMessage("user",
                "Read 'good morning' aloud.")), List.of(), new RequestOptions(null, null, null, null, null, "required"),
                Instant.now()));
        await("the planner's output", () -> sent.received(Topics.EVENTS).size() == 1);
        List<?> together = (List<?>) sent.received(Topics.EVENTS).get(0).getPayload();
        assertEquals(List.of(EventType.PLANNED, EventType.AWAITING_APPROVAL),
                together.stream().map(e -> ((RequestEvent) e).type()).toList());
        assertEquals("text-to-speech", ((RequestEvent) together.get(0)).plan().tasks().get(0).task());
        assertTrue(plans().isEmpty(), "the gateway sends the plan once it is approved");
    }

    @Test
    void askingForTheLlmPlannerWithoutAnLlmFailsWithTheConfigurationHint() {
        UserRequest request = new UserRequest("r-3", "default", List.of(new ChatMessage("user", "Describe cat.jpg")),
                List.of(), new RequestOptions("llm", null, null, null), Instant.now());
        connector.source(Channels.REQUESTS).send(request);
        await("the planner's output", () -> events().size() == 1);
        RequestEvent failed = events().get(0).getPayload();
        assertEquals(EventType.PLANNING_FAILED, failed.type());
        assertTrue(failed.message().contains("HG_LLM_BASE_URL"), failed.message());
        assertTrue(plans().isEmpty());
    }

    private static UserRequest request(String id, String text, Boolean planOnly) {
        return new UserRequest(id, "default", List.of(new ChatMessage("user", text)), List.of(),
                new RequestOptions(null, null, null, planOnly), Instant.now());
    }

    private static String keyOf(Message<?> message) {
        return message.getMetadata(io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata.class)
                .map(m -> String.valueOf(m.getKey()))
                .orElseGet(() -> message.getMetadata(io.smallrye.reactive.messaging.kafka.KafkaRecord.class)
                        .map(r -> String.valueOf(r.getKey())).orElse(null));
    }

    private List<Message<Plan>> plans() {
        return sent.received(Topics.PLANS);
    }

    private List<Message<RequestEvent>> events() {
        return sent.received(Topics.EVENTS);
    }
}

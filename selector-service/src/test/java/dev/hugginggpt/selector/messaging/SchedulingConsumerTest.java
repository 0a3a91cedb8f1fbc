package dev.hugginggpt.selector.messaging;

import static dev.hugginggpt.testkit.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.protocol.Cancel;
import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.EventType;
import dev.hugginggpt.protocol.ExecutorHeartbeat;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.Outcome;
import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.TaskStatus;
import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.testkit.OpenAiStandIn.ChatCall;
import dev.hugginggpt.testkit.OpenAiStandIn.Reply;
import dev.hugginggpt.testkit.StandInLlm;
import dev.hugginggpt.testkit.TopicSink;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stage 2 as a service: heartbeats and plans in, one batched LLM choice, dispatches and events out. */
@QuarkusTest
@WithTestResource(StandInLlm.class)
class SchedulingConsumerTest {
    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    MeterRegistry registry;

    TopicSink sent;

    @BeforeEach
    void setUp() {
        sent = new TopicSink(connector.sink(Channels.RECORDS));
        sent.clear();
        StandInLlm.server.reset();
        connector.source(Channels.EXECUTORS).send(new ExecutorHeartbeat("executor-test", List.of(
                card("local/english-voice", "text-to-speech", 100, "English speech synthesizer"),
                card("local/french-voice", "text-to-speech", 10, "French speech synthesizer"),
                card("local/sphinx", "automatic-speech-recognition", 0, "English speech recognizer")),
                List.of(), Instant.now(), false));
    }

    @Test
    void theModelsOfAllTasksAreChosenInOneLlmCallAndTheAnswerIsFollowedOrCorrected() {
        StandInLlm.server.reply("""
                [{"task": 0, "id": "local/french-voice", "reason": "the text is French"},
                 {"task": 2, "id": "local/german-voice", "reason": "made up"}]""");
        connector.source(Channels.SCHEDULING).send(plan("r-batch", 1));
        await("the selector's output", () -> tasks().size() == 2);

        List<ChatCall> calls = StandInLlm.server.calls();
        assertEquals(1, calls.size(), "one call for the whole plan");
        String prompt = calls.get(0).lastUser();
        assertTrue(prompt.contains("Task 0: text-to-speech") && prompt.contains("Task 2: text-to-speech"), prompt);
        assertFalse(prompt.contains("Task 1:"), "a task with one candidate needs no LLM call");

        TaskDispatch first = dispatched(0);
        assertEquals("local/french-voice", first.model().modelId());
        assertTrue(first.model().reason().contains("chosen by the LLM from 2 candidates: the text is French"));
        TaskDispatch third = dispatched(2);
        assertEquals("local/english-voice", third.model().modelId());
        assertTrue(third.model().reason().contains("local/german-voice, which is not a candidate"), third.model().reason());

        // the events of a batch of steps may reach the sink after its dispatches
        await("the MODELS_CHOSEN event", () -> events().stream().anyMatch(e -> e.type() == EventType.MODELS_CHOSEN));
        RequestEvent chosen = events().stream()
                .filter(e -> e.type() == EventType.MODELS_CHOSEN).findFirst().orElseThrow();
        assertEquals(1, chosen.usage().calls());
        assertTrue(chosen.usage().inputTokens() > 0);

        ResourceRef wav = new ResourceRef("r-00000000000000000001.wav", "speech.wav", "audio/wav", 10);
        connector.source(Channels.SCHEDULING).send(succeeded(first, TaskOutput.file(wav, Map.of())));
        connector.source(Channels.SCHEDULING).send(succeeded(third, TaskOutput.file(wav, Map.of())));
        await("the selector's output", () -> tasks().size() == 3);
        TaskDispatch second = dispatched(1);
        assertEquals("local/sphinx", second.model().modelId());
        assertEquals(wav.id(), second.args().get("audio"));
        connector.source(Channels.SCHEDULING).send(succeeded(second, TaskOutput.text("bonjour", Map.of())));
        await("the selector's output", () -> outcomes().size() == 1);
        assertEquals(1, outcomes().get(0).getPayload().selectionUsage().calls());
        assertEquals(1, StandInLlm.server.calls().size(), "no LLM call when later tasks become ready");
    }

    @Test
    void noLlmCallWhenPlanningSpentTheBudgetOfTheRequest() {
        connector.source(Channels.SCHEDULING).send(plan("r-budget", 2));
        await("the selector's output", () -> tasks().size() == 2);
        assertTrue(StandInLlm.server.calls().isEmpty());
        assertEquals("local/english-voice", dispatched(0).model().modelId());
        assertTrue(events().stream().noneMatch(e -> e.type() == EventType.MODELS_CHOSEN));
    }

    @Test
    void theEventsOfARequestWrittenTogetherShareOneRecord() {
        connector.source(Channels.SCHEDULING).send(plan("r-together", 2));
        await("the selector's output", () -> tasks().size() == 2 && eventRecords().size() == 1);
        assertEquals(List.of(EventType.TASK_SELECTED, EventType.TASK_SELECTED), types(eventRecords().get(0)));

        ResourceRef wav = new ResourceRef("r-00000000000000000002.wav", "speech.wav", "audio/wav", 10);
        connector.source(Channels.SCHEDULING).send(succeeded(dispatched(0), TaskOutput.file(wav, Map.of())));
        connector.source(Channels.SCHEDULING).send(succeeded(dispatched(2), TaskOutput.file(wav, Map.of())));
        await("the selector's output", () -> tasks().size() == 3
                && events().stream().filter(e -> e.type() == EventType.TASK_FINISHED).count() == 2);
        connector.source(Channels.SCHEDULING).send(succeeded(dispatched(1), TaskOutput.text("bonjour", Map.of())));
        await("the selector's output", () -> outcomes().size() == 1);
        List<Object> records = eventRecords();
        assertEquals(List.of(EventType.TASK_FINISHED, EventType.RESPONDING), types(records.get(records.size() - 1)),
                "the last result and RESPONDING in one record");
        Map<EventType, Long> counts = events().stream()
                .collect(Collectors.groupingBy(RequestEvent::type, Collectors.counting()));
        assertEquals(Map.of(EventType.TASK_SELECTED, 3L, EventType.TASK_FINISHED, 3L, EventType.RESPONDING, 1L), counts,
                "every event once, in whichever records");
    }

    @Test
    void aCancelOnThePlansTopicEndsTheRequestAndTellsEveryExecutorToStopIt() {
        connector.source(Channels.SCHEDULING).send(plan("r-cancel", 2));
        await("the first tasks", () -> tasks().size() == 2);
        connector.source(Channels.SCHEDULING).send(Cancel.of("r-cancel", "cancelled by the client"));
        await("the cancel's report", () -> events().stream().anyMatch(e -> e.type() == EventType.FAILED));
        List<Message<Cancel>> controls = sent.received(Topics.CONTROLS);
        assertEquals(1, controls.size());
        assertEquals("r-cancel", controls.get(0).getPayload().requestId());
        RequestEvent failed = events().stream().filter(e -> e.type() == EventType.FAILED).findFirst().orElseThrow();
        assertEquals("cancelled by the client: task 1 (automatic-speech-recognition) not started; tasks 0 (text-to-speech),"
                + " 2 (text-to-speech) stopped while running", failed.message());
        connector.source(Channels.SCHEDULING).send(succeeded(dispatched(0), TaskOutput.text("late", Map.of())));
        assertTrue(outcomes().isEmpty(), "a cancelled request has no outcome to answer");
    }

    @Test
    void theDeserializerTellsACancelFromAPlanByItsHeader() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = dev.hugginggpt.protocol.Json.MAPPER;
        SchedulingRecordDeserializer deserializer = new SchedulingRecordDeserializer(mapper);
        org.apache.kafka.common.header.internals.RecordHeaders cancel = new org.apache.kafka.common.header.internals.RecordHeaders();
        cancel.add(Topics.RECORD_TYPE, Cancel.RECORD_TYPE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] bytes = mapper.writeValueAsBytes(Cancel.of("r-x", "cancelled by the client"));
        assertEquals("r-x", ((Cancel) deserializer.deserialize(Topics.PLANS.name(), cancel, bytes)).requestId());
        byte[] plan = mapper.writeValueAsBytes(plan("r-y", 0));
        assertTrue(deserializer.deserialize(Topics.PLANS.name(), new org.apache.kafka.common.header.internals.RecordHeaders(), plan)
                instanceof Plan);
        org.apache.kafka.common.header.internals.RecordHeaders other = new org.apache.kafka.common.header.internals.RecordHeaders();
        other.add(Topics.RECORD_TYPE, "delete-everything".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        org.junit.jupiter.api.Assertions.assertThrows(org.apache.kafka.common.errors.SerializationException.class,
                () -> deserializer.deserialize(Topics.PLANS.name(), other, bytes));
    }

    private static List<EventType> types(Object record) {
        return record instanceof List<?> list ? list.stream().map(e -> ((RequestEvent) e).type()).toList()
                : List.of(((RequestEvent) record).type());
    }

    @Test
    void aFailingLlmLeavesTheRankingInChargeAndTheReasonSaysWhy() {
        StandInLlm.server.otherwise(call -> Reply.error(503, "{\"error\":{\"message\":\"overloaded\"}}"));
        connector.source(Channels.SCHEDULING).send(plan("r-down", 1));
        await("the selector's output", () -> tasks().size() == 2);
        TaskDispatch first = dispatched(0);
        assertEquals("local/english-voice", first.model().modelId());
        assertTrue(first.model().reason().contains("the LLM call failed"), first.model().reason());
    }

    private TaskDispatch dispatched(int taskId) {
        return tasks().stream().map(Message::getPayload).filter(t -> t.taskId() == taskId).findFirst()
                .orElseThrow(() -> new AssertionError("task " + taskId + " was not dispatched"));
    }

    @Test
    void invalidPlansAmongValidOnesAreRefusedAloneAndTheActiveRequestsGaugeCountsTheRest() {
        for (int i = 0; i < 4; i++) {
            connector.source(Channels.SCHEDULING).send(plan("r-mixed-" + i, 3));
            Plan valid = plan("r-mixed-bad-" + i, 3);
            Plan broken = switch (i) {
                case 0 -> new Plan(valid.requestId(), "default", "x", List.of(new PlannedTask(0, "text-to-speech",
                        List.of(4), Map.of("text", "<GENERATED>-4"))), "llm", LlmUsage.NONE, List.of(), null, 1);
                case 1 -> new Plan(valid.requestId(), "default", "x", valid.tasks(), "llm", LlmUsage.NONE, List.of(),
                        new RequestOptions(null, -1, null, null), 1);
                case 2 -> new Plan(valid.requestId(), "default", "x", null, "llm", LlmUsage.NONE, List.of(), null, 1);
                default -> new Plan(null, "default", "x", valid.tasks(), "llm", LlmUsage.NONE, List.of(), null, 1);
            };
            connector.source(Channels.SCHEDULING).send(broken);
        }
        await("the valid plans' first tasks", () -> tasks().size() == 8);
        assertEquals(Set.of("r-mixed-0", "r-mixed-1", "r-mixed-2", "r-mixed-3"),
                tasks().stream().map(m -> m.getPayload().requestId()).collect(Collectors.toSet()));
        System.gc();
        double active = registry.get("hg.requests.active").gauge().value();
        assertTrue(active >= 4, "the gauge reads the scheduler, even after a garbage collection: " + active);
    }

    private static Plan plan(String id, int planningCalls) {
        List<PlannedTask> plan = List.of(
                new PlannedTask(0, "text-to-speech", List.of(-1), Map.of("text", "Bonjour à tous")),
                new PlannedTask(1, "automatic-speech-recognition", List.of(0), Map.of("audio", "<GENERATED>-0")),
                new PlannedTask(2, "text-to-speech", List.of(-1), Map.of("text", "Good morning")));
        return new Plan(id, "default", "Read 'Bonjour à tous' aloud, transcribe it, and read 'Good morning' aloud",
                plan, "llm", new LlmUsage(planningCalls, 100, 50), List.of(), RequestOptions.defaults(), 5);
    }

    private static ModelCard card(String id, String task, long downloads, String description) {
        return new ModelCard(id, task, "local", downloads, 0, description, "MIT");
    }

    private static TaskResult succeeded(TaskDispatch d, TaskOutput output) {
        return new TaskResult(d.requestId(), d.taskId(), d.task(), d.model(), TaskStatus.SUCCEEDED, output, null,
                "executor-test", d.attempt(), Instant.now(), Instant.now());
    }

    private List<Message<TaskDispatch>> tasks() {
        return sent.received(Topics.TASKS);
    }

    /** Every event, in order: a record holds one event or, for several of one request written together, a list. */
    private List<RequestEvent> events() {
        return eventRecords().stream().flatMap(p -> p instanceof List<?> list ? list.stream().map(RequestEvent.class::cast)
                : Stream.of((RequestEvent) p)).toList();
    }

    private List<Object> eventRecords() {
        return sent.received(Topics.EVENTS).stream().map(Message::getPayload).toList();
    }

    private List<Message<Outcome>> outcomes() {
        return sent.received(Topics.OUTCOMES);
    }
}

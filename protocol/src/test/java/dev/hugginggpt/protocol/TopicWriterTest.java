package dev.hugginggpt.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/** Each record goes out on the one channel as the Kafka connector reads it: its topic, key, partition and headers. */
class TopicWriterTest {
    /** What reached the emitter, and through which of its methods. */
    private record Handed(String method, Message<?> message) {
        OutgoingKafkaRecordMetadata<?> kafka() {
            return message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        }
    }

    private final List<Handed> handed = new ArrayList<>();
    private final TopicWriter writer = new TopicWriter(emitter());

    @SuppressWarnings("unchecked")
    private MutinyEmitter<Object> emitter() {
        return (MutinyEmitter<Object>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MutinyEmitter.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "sendMessage" -> {
                        handed.add(new Handed(method.getName(), (Message<?>) args[0]));
                        yield Uni.createFrom().voidItem();
                    }
                    case "sendMessageAndForget" -> {
                        handed.add(new Handed(method.getName(), (Message<?>) args[0]));
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Handed only() {
        assertEquals(1, handed.size(), "records handed to the emitter");
        return handed.get(0);
    }

    @Test
    void aRecordGoesToItsTopicUnderItsKey() {
        Outcome outcome = new Outcome("r-1", null, List.of(), LlmUsage.NONE, Instant.now());
        writer.send(Topics.OUTCOMES, "r-1", outcome).await().indefinitely();
        Handed sent = only();
        assertEquals("sendMessage", sent.method());
        assertSame(outcome, sent.message().getPayload());
        assertEquals("hg.outcomes", sent.kafka().getTopic());
        assertEquals("r-1", sent.kafka().getKey());
        assertEquals(-1, sent.kafka().getPartition(), "the partition the key's hash picks");
        assertNull(sent.kafka().getHeaders().lastHeader(Topics.RECORD_TYPE), "one type of record on hg.outcomes");
    }

    @Test
    void aCancelForTheSelectorGoesOnThePlansTopicMarkedAsACancel() {
        Cancel cancel = Cancel.of("r-2", "cancelled by the client");
        writer.send(Topics.PLAN_CANCELS, "r-2", cancel).await().indefinitely();
        OutgoingKafkaRecordMetadata<?> kafka = only().kafka();
        assertEquals(Topics.PLANS.name(), kafka.getTopic());
        assertEquals("r-2", kafka.getKey());
        Header type = kafka.getHeaders().lastHeader(Topics.RECORD_TYPE);
        assertNotNull(type, "a record on hg.plans that is not a plan says what it is");
        assertEquals(Cancel.RECORD_TYPE, new String(type.value(), StandardCharsets.UTF_8));
    }

    @Test
    void aCancelForTheExecutorsIsTheOnlyTypeOnItsTopicAndUnmarked() {
        writer.send(Topics.CONTROLS, "r-3", Cancel.of("r-3", "stop")).await().indefinitely();
        OutgoingKafkaRecordMetadata<?> kafka = only().kafka();
        assertEquals("hg.controls", kafka.getTopic());
        assertNull(kafka.getHeaders().lastHeader(Topics.RECORD_TYPE));
    }

    @Test
    void aDispatchGoesToThePartitionChosenForIt() {
        TaskDispatch task = new TaskDispatch("r-4", 2, "text-to-speech", Map.of("text", "hi"),
                new ModelChoice("espeak-ng", "local", "only one"), List.of(), 1, Instant.now(), Instant.now());
        writer.sendToPartition(Topics.TASKS, task.key(), task, 5).await().indefinitely();
        OutgoingKafkaRecordMetadata<?> kafka = only().kafka();
        assertEquals("hg.tasks", kafka.getTopic());
        assertEquals("r-4/2", kafka.getKey());
        assertEquals(5, kafka.getPartition());
    }

    @Test
    void eventsWrittenTogetherAreOneRecordAndASingleEventIsItself() {
        RequestEvent delta = RequestEvent.answerDelta("r-5", "Hel", "gateway");
        RequestEvent failed = RequestEvent.failed("r-5", "gone", "gateway");
        writer.sendEvents("r-5", List.of(delta)).await().indefinitely();
        writer.sendEvents("r-5", List.of(delta, failed)).await().indefinitely();
        assertEquals(2, handed.size());
        assertSame(delta, handed.get(0).message().getPayload());
        assertEquals(List.of(delta, failed), handed.get(1).message().getPayload());
        for (Handed sent : handed) {
            assertEquals("hg.events", sent.kafka().getTopic());
            assertEquals("r-5", sent.kafka().getKey());
        }
    }

    @Test
    void aRecordCarriesTheTraceItWasGiven() {
        TracingMetadata trace = TracingMetadata.withCurrent(Context.root());
        RequestEvent event = RequestEvent.failed("r-6", "gone", "gateway");
        writer.send(Topics.EVENTS, "r-6", event, trace).await().indefinitely();
        Handed sent = only();
        assertSame(trace, sent.message().getMetadata(TracingMetadata.class).orElseThrow());
        assertEquals("hg.events", sent.kafka().getTopic());
        assertEquals("r-6", sent.kafka().getKey());
    }

    @Test
    void aRecordSentWithoutWaitingLeavesItsFailureToTheEmitter() {
        writer.sendAndForget(Topics.EVENTS, "r-7", RequestEvent.answerDelta("r-7", "lo", "gateway"));
        Handed sent = only();
        assertEquals("sendMessageAndForget", sent.method(), "the emitter logs a failed send");
        assertTrue(sent.message().getPayload() instanceof RequestEvent);
        assertEquals("hg.events", sent.kafka().getTopic());
    }
}

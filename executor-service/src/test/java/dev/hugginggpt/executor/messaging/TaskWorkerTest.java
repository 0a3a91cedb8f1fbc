package dev.hugginggpt.executor.messaging;

import static dev.hugginggpt.testkit.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.executor.config.ExecutorLimits;
import dev.hugginggpt.protocol.Cancel;
import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.EventType;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.TaskStatus;
import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.testkit.TopicSink;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The executor's task consumer, its Kafka channels swapped for in-memory ones (started-event delay 250 ms). */
@QuarkusTest
class TaskWorkerTest {
    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ExecutorLimits limits;

    TopicSink sent;

    @BeforeEach
    void clear() {
        sent = new TopicSink(connector.sink(Channels.RECORDS));
        sent.clear();
    }

    @Test
    void aQuickTaskSendsItsResultWithoutAStartedEvent() throws InterruptedException {
        connector.source(Channels.TASKS).send(nap("quick", 0));
        await("the result", () -> results("quick").size() == 1);
        Thread.sleep(500);
        TaskResult result = results("quick").get(0);
        assertEquals(TaskStatus.SUCCEEDED, result.status());
        assertTrue(result.startedAt() != null && result.executor() != null, "the result says when and where: " + result);
        assertEquals(List.of(), started("quick"));
    }

    @Test
    void aTaskStillRunningAfterTheDelayIsAnnouncedBeforeItsResult() {
        connector.source(Channels.TASKS).send(nap("slow", 900));
        await("the started event", () -> started("slow").size() == 1);
        assertEquals(List.of(), results("slow"), "announced while the model still runs");
        await("the result", () -> results("slow").size() == 1);
        RequestEvent event = started("slow").get(0);
        TaskResult result = results("slow").get(0);
        assertEquals(result.startedAt(), event.at());
        assertEquals(result.executor(), event.message());
        assertEquals(1, started("slow").size());
    }

    @Test
    void aTextTooLongForARecordIsCutAndKeptWholeInAFile() throws Exception {
        connector.source(Channels.TASKS).send(nap("wordy", 0, Map.of("chars", "3000000")));
        await("the result", () -> results("wordy").size() == 1);
        TaskResult result = results("wordy").get(0);

        assertEquals(TaskStatus.SUCCEEDED, result.status());
        assertTrue(Json.MAPPER.writeValueAsBytes(result).length < 200_000, "a record of " + Json.MAPPER.writeValueAsBytes(result).length);
        ResourceRef whole = result.output().resources().get(0);
        assertEquals("text/plain", whole.contentType());
        assertEquals(3_000_000, whole.size());
        assertTrue(result.output().text().endsWith("; the whole text is in " + whole.id() + "]"), result.output().text());
    }

    @Test
    void aCancelKillsTheRequestsRunningProgramAndItsQueuedTasksDoNotStart() throws Exception {
        connector.source(Channels.TASKS).send(nap("cancelled", 0, Map.of("program", "sleep 37")));
        await("the started event", () -> started("cancelled").size() == 1);
        assertTrue(sleeping(), "the program runs");
        long sent = System.nanoTime();
        connector.source(Channels.CONTROLS).send(Cancel.of("cancelled", "cancelled by the client"));
        await("the result", () -> results("cancelled").size() == 1);
        long millis = (System.nanoTime() - sent) / 1_000_000;
        TaskResult stopped = results("cancelled").get(0);
        assertEquals(TaskStatus.FAILED, stopped.status());
        assertEquals("its request was cancelled: sleep was interrupted; stopped", stopped.error());
        assertTrue(millis < 1000, "the slot was free after " + millis + " ms");
        assertTrue(!sleeping(), "the program was killed");

        connector.source(Channels.TASKS).send(nap("cancelled", 5000));
        await("the queued task's result", () -> results("cancelled").size() == 2);
        assertEquals("its request was cancelled before the task started", results("cancelled").get(1).error());
        connector.source(Channels.TASKS).send(nap("not-cancelled", 0));
        await("another request's result", () -> results("not-cancelled").size() == 1);
        assertEquals(TaskStatus.SUCCEEDED, results("not-cancelled").get(0).status(), "the thread's interrupt was cleared");
    }

    private static boolean sleeping() {
        return ProcessHandle.current().descendants().anyMatch(p -> p.info().commandLine().orElse("").endsWith("sleep 37"));
    }

    @Test
    void theLimitsAreTheDocumentedDefaults() {
        assertEquals(ExecutorLimits.DEFAULTS, limits);
    }

    private static TaskDispatch nap(String requestId, long ms) {
        return nap(requestId, ms, Map.of());
    }

    private static TaskDispatch nap(String requestId, long ms, Map<String, String> more) {
        Map<String, String> args = new java.util.HashMap<>(more);
        args.put("ms", Long.toString(ms));
        return new TaskDispatch(requestId, 0, "text-generation", args,
                new ModelChoice("nap/sleep", "nap", "test"), List.of(), 1, Instant.now().plusSeconds(30), Instant.now());
    }

    private List<TaskResult> results(String requestId) {
        return sent.<TaskResult>received(Topics.TASK_RESULTS).stream().map(Message::getPayload)
                .filter(r -> r.requestId().equals(requestId)).toList();
    }

    private List<RequestEvent> started(String requestId) {
        return sent.<RequestEvent>received(Topics.EVENTS).stream().map(Message::getPayload)
                .filter(e -> e.requestId().equals(requestId) && e.type() == EventType.TASK_STARTED).toList();
    }
}

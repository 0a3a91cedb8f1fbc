package dev.hugginggpt.gateway.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.protocol.Answer;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.EventType;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.RequestStatus;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.TaskStatus;
import dev.hugginggpt.protocol.UserRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The admission check's count of unfinished requests per tenant, kept without scanning the records; and the views
 * folding events that Kafka may deliver out of stage order (they travel from different services, sent without waiting
 * for each other).
 */
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

    private static final ModelChoice VOICE = new ModelChoice("local/voice", "local", "ranked 1 of 1");

    private static RequestEvent planned(String id) {
        return RequestEvent.planned(new Plan(id, "a", "read it aloud", List.of(new PlannedTask(0, "text-to-speech",
                List.of(-1), java.util.Map.of("text", "hello"))), "embedded", LlmUsage.NONE, List.of(),
                RequestOptions.defaults(), 3), "planner-test");
    }

    private static RequestEvent finished(String id) {
        Instant started = Instant.parse("2026-11-30T04:00:00Z");
        return RequestEvent.taskFinished(new TaskResult(id, 0, "text-to-speech", VOICE, TaskStatus.SUCCEEDED,
                new TaskOutput("spoken", List.of(), null), null, "executor-1", 1, started, started.plusMillis(40)),
                "selector-test");
    }

    @Test
    void taskEventsThatLandBeforeThePlanAreFoldedInWhenItComes() {
        RequestViews views = new RequestViews(100);
        views.apply(accepted("r1", "a"));
        views.apply(RequestEvent.taskSelected("r1", 0, VOICE, "selector-test"));
        views.apply(RequestEvent.taskStarted("r1", 0, "executor-1", Instant.now()));
        views.apply(finished("r1"));
        assertEquals(List.of(), views.find("r1").orElseThrow().tasks(), "no task before the plan says what it is");

        views.apply(planned("r1"));

        RequestView view = views.find("r1").orElseThrow();
        assertEquals(RequestStatus.RUNNING, view.status());
        assertEquals(1, view.tasks().size());
        assertEquals(TaskStatus.SUCCEEDED, view.tasks().get(0).status());
        assertEquals("local/voice", view.tasks().get(0).model());
        assertEquals("executor-1", view.tasks().get(0).executor());
        assertEquals("spoken", view.tasks().get(0).output().text());
        List<RequestEvent> history = views.stream("r1", 0).map(SequencedEvent::event).select().first(5).collect().asList().await()
                .atMost(java.time.Duration.ofSeconds(5));
        assertEquals(List.of(EventType.ACCEPTED, EventType.TASK_SELECTED, EventType.TASK_STARTED, EventType.TASK_FINISHED,
                EventType.PLANNED), history.stream().map(RequestEvent::type).toList(), "every event is kept, in arrival order");
    }

    @Test
    void aStartedEventLandingAfterTheResultLeavesTheTaskFinished() {
        RequestViews views = new RequestViews(100);
        views.apply(accepted("r1", "a"));
        views.apply(planned("r1"));
        views.apply(RequestEvent.taskSelected("r1", 0, VOICE, "selector-test"));
        views.apply(finished("r1"));
        views.apply(RequestEvent.taskStarted("r1", 0, "executor-1", Instant.now()));

        var task = views.find("r1").orElseThrow().tasks().get(0);
        assertEquals(TaskStatus.SUCCEEDED, task.status());
        assertNotNull(task.finishedAt());
        assertEquals("spoken", task.output().text());
    }

    @Test
    void aLateAcceptedDoesNotMoveTheRequestBackToPlanning() {
        RequestViews views = new RequestViews(100);
        views.apply(planned("r1"));
        views.apply(accepted("r1", "a"));

        RequestView view = views.find("r1").orElseThrow();
        assertEquals(RequestStatus.SELECTING, view.status());
        assertEquals("hi", view.messages().get(0).content());
        assertEquals(1, views.activeRequests("a"));
    }

    @Test
    void aWaitForTheTasksEndsWhenTheirResultsAreFoldedInNotBefore() {
        RequestViews views = new RequestViews(100);
        var settled = views.whenTasksTerminal("r1", java.util.Set.of(0));
        views.apply(accepted("r1", "a"));
        views.apply(finished("r1"));
        assertFalse(settled.isDone(), "a result before the plan is not in the view yet");

        views.apply(planned("r1"));
        assertTrue(settled.isDone());
        assertTrue(views.whenTasksTerminal("r1", java.util.Set.of(0)).isDone(), "already there");
        assertTrue(views.whenTasksTerminal("r2", java.util.Set.of()).isDone(), "nothing to wait for");
    }

    @Test
    void aWaitGivenUpIsForgotten() {
        RequestViews views = new RequestViews(100);
        var given = views.whenTasksTerminal("r1", java.util.Set.of(0));
        var kept = views.whenTasksTerminal("r1", java.util.Set.of(0));
        given.cancel(false);
        assertEquals(1, views.tasksWaits());
        views.apply(planned("r1"));
        views.apply(finished("r1"));
        assertTrue(kept.isDone() && !kept.isCompletedExceptionally());
        assertEquals(0, views.tasksWaits());
    }

    @Test
    void aSecondAcceptedCannotHandTheRequestToAnotherTenant() {
        RequestViews views = new RequestViews(100);
        views.apply(accepted("r1", "owner"));
        views.apply(accepted("r1", "thief"));
        assertTrue(views.find("r1", "owner").isPresent());
        assertTrue(views.find("r1", "thief").isEmpty(), "a forged ACCEPTED names no new owner");
        assertEquals(1, views.activeRequests("owner"));
        assertEquals(0, views.activeRequests("thief"));
    }

    @Test
    void theFirstEndIsTheEnd() {
        RequestViews views = new RequestViews(100);
        views.apply(accepted("r1", "a"));
        views.apply(done("r1"));
        views.apply(RequestEvent.failed("r1", "too late", "gateway-test"));
        RequestView answered = views.find("r1").orElseThrow();
        assertEquals(RequestStatus.DONE, answered.status());
        assertEquals("ok", answered.answer().text());

        views.apply(accepted("r2", "a"));
        views.apply(RequestEvent.failed("r2", "stalled", "gateway-test"));
        views.apply(done("r2"));
        RequestView failed = views.find("r2").orElseThrow();
        assertEquals(RequestStatus.FAILED, failed.status());
        assertEquals("stalled", failed.error());
        assertEquals(0, views.activeRequests("a"));
    }
}

package dev.hugginggpt.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each record read from a topic must hold before a consumer works on it. */
class CheckedRecordsTest {
    private static final PlannedTask SPEAK = new PlannedTask(0, "text-to-speech", List.of(-1), Map.of("text", "hi"));

    private static Plan plan(String id, List<PlannedTask> tasks, RequestOptions options) {
        return new Plan(id, "t", "hi", tasks, "embedded", LlmUsage.NONE, List.of(), options, 1);
    }

    @Test
    void aWellFormedPlanHasNoProblems() {
        assertEquals(List.of(), plan("r", List.of(SPEAK), RequestOptions.defaults()).problems());
        assertEquals(List.of(), plan("r", List.of(), null).problems(), "a plan of no tasks is a conversation answer");
    }

    @Test
    void aPlanThatCannotBeScheduledSaysWhy() {
        assertTrue(plan(null, List.of(SPEAK), null).problems().contains("no request id"));
        assertTrue(plan("r", null, null).problems().get(0).startsWith("no tasks"));
        assertTrue(plan("r", Arrays.asList(SPEAK, null), null).problems().get(0).startsWith("no tasks"));
        PlannedTask dangling = new PlannedTask(1, "automatic-speech-recognition", List.of(7), Map.of("audio", "<GENERATED>-7"));
        assertEquals(List.of("task 1 refers to task 7, which is not in the plan"),
                plan("r", List.of(SPEAK, dangling), null).problems());
        PlannedTask first = new PlannedTask(0, "text-to-speech", List.of(1), Map.of("text", "<GENERATED>-1"));
        PlannedTask second = new PlannedTask(1, "text-to-speech", List.of(0), Map.of("text", "<GENERATED>-0"));
        assertEquals(List.of("task 0 depends on task 1, which comes after it"), plan("r", List.of(first, second), null).problems());
        assertEquals(List.of("options: topK must be between 1 and 50"),
                plan("r", List.of(SPEAK), new RequestOptions(null, -1, null, null)).problems());
    }

    @Test
    void anEventMustCarryWhatItsTypeNamesForItsOwnRequest() {
        UserRequest request = new UserRequest("r", "tenant", List.of(ChatMessage.user("hi")), List.of(), null, Instant.now());
        assertEquals(List.of(), RequestEvent.accepted(request, "g").problems());
        RequestEvent forged = new RequestEvent("other", EventType.ACCEPTED, Instant.now(), "x", null, null, request, null,
                null, null, null, null);
        assertEquals(List.of("an ACCEPTED event without its request"), forged.problems());
        RequestEvent noTime = new RequestEvent("r", EventType.FAILED, null, "x", null, "why", null, null, null, null,
                null, null);
        assertEquals(List.of("no time"), noTime.problems());
        RequestEvent finished = new RequestEvent("r", EventType.TASK_FINISHED, Instant.now(), "x", 1, null, null, null,
                null, null, null, null);
        assertEquals(List.of("a TASK_FINISHED event without its task's result"), finished.problems());
    }

    @Test
    void anApprovedPlanAndACancelMustNameTheirRequest() {
        Plan plan = plan("r", List.of(SPEAK), new RequestOptions(null, null, null, null, null, "required"));
        assertEquals(List.of(), RequestEvent.approved(plan, "approved as planned", "g").problems());
        RequestEvent otherRequest = new RequestEvent("other", EventType.APPROVED, Instant.now(), "g", null, null, null,
                plan, null, null, null, null);
        assertEquals(List.of("a APPROVED event without its plan"), otherRequest.problems());
        assertEquals(List.of(), RequestEvent.awaitingApproval("r", "planner").problems());
        assertEquals(List.of(), Cancel.of("r", "by the client").problems());
        assertEquals(List.of("no request id"), Cancel.of(" ", "by the client").problems());
        assertEquals(List.of("options: approval must be required or none"),
                plan("r", List.of(SPEAK), new RequestOptions(null, null, null, null, null, "later")).problems());
    }

    @Test
    void aTaskModelChosenByAPersonSurvivesNormalizingAndIsLeftOutOfTheJsonWhenNone() throws Exception {
        PlannedTask pinned = new PlannedTask(0, "Text To Speech", List.of(), Map.of("text", "hi"), "local/flite");
        assertEquals(new PlannedTask(0, "text-to-speech", List.of(-1), Map.of("text", "hi"), "local/flite"),
                PlanValidator.normalize(List.of(pinned)).get(0));
        assertEquals("{\"id\":0,\"task\":\"text-to-speech\",\"dep\":[-1],\"args\":{\"text\":\"hi\"}}",
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(SPEAK));
    }

    @Test
    void aHeartbeatWhoseModelsCannotBeMatchedIsRefused() {
        ModelCard noTask = new ModelCard("m", null, "local", 0, 0, "", "");
        ExecutorHeartbeat beat = new ExecutorHeartbeat("e", List.of(noTask), null, Instant.now(), false, null, 4);
        assertEquals(List.of("a model card without an id, task or backend"), beat.problems());
        assertEquals(List.of(), new ExecutorHeartbeat("e", null, null, Instant.now(), false).problems(),
                "missing lists read as empty");
    }

    @Test
    void requireNamesTheTopicAndEveryProblem() {
        InvalidRecord empty = assertThrows(InvalidRecord.class, () -> InvalidRecord.require(null, Topics.PLANS));
        assertEquals("an empty hg.plans record", empty.getMessage());
        TaskResult noStatus = new TaskResult(" ", 0, "x", null, null, null, null, null, 1, null, null);
        InvalidRecord invalid = assertThrows(InvalidRecord.class, () -> InvalidRecord.require(noStatus, Topics.TASK_RESULTS));
        assertEquals("an invalid hg.task-results record: no request id; no status", invalid.getMessage());
    }

    @Test
    void aReferenceToATaskIdBeyondAnIntIsNotAReference() {
        assertEquals(List.of(12), GeneratedRefs.in("<GENERATED>-12"));
        assertEquals(List.of(), GeneratedRefs.in("<GENERATED>-99999999999999999999"));
        assertEquals("x <GENERATED>-12345678901", GeneratedRefs.replace("x <GENERATED>-12345678901", id -> "file"));
    }
}

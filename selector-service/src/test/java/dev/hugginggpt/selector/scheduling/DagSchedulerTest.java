package dev.hugginggpt.selector.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.protocol.Cancel;
import dev.hugginggpt.protocol.EventType;
import dev.hugginggpt.protocol.ModelChoice;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DagSchedulerTest {
    private static final ModelChoice A = new ModelChoice("m-a", "local", "first");
    private static final ModelChoice B = new ModelChoice("m-b", "local", "second");
    private final DagScheduler scheduler = new DagScheduler(
            (plan, task, args) -> task.equals("text-to-image")
                    ? new ModelChooser.Choice(List.of(), "needs a remote backend")
                    : new ModelChooser.Choice(List.of(A, B), null),
            "test", 3, Duration.ofSeconds(30));

    private static Plan plan(PlannedTask... tasks) {
        return new Plan("req", "t", "msg", List.of(tasks), "embedded", null, List.of(), RequestOptions.defaults(), 1);
    }

    private static List<TaskDispatch> dispatches(List<SchedulerAction> actions) {
        return actions.stream().filter(a -> a instanceof SchedulerAction.Dispatch)
                .map(a -> ((SchedulerAction.Dispatch) a).task()).toList();
    }

    private static List<Outcome> outcomes(List<SchedulerAction> actions) {
        return actions.stream().filter(a -> a instanceof SchedulerAction.Finish).map(a -> ((SchedulerAction.Finish) a).outcome()).toList();
    }

    private static TaskResult ok(TaskDispatch d, TaskOutput output) {
        return new TaskResult(d.requestId(), d.taskId(), d.task(), d.model(), TaskStatus.SUCCEEDED, output, null, "x",
                d.attempt(), Instant.now(), Instant.now());
    }

    private static TaskResult failed(TaskDispatch d) {
        return new TaskResult(d.requestId(), d.taskId(), d.task(), d.model(), TaskStatus.FAILED, null, "boom", "x",
                d.attempt(), Instant.now(), Instant.now());
    }

    private final Plan dag = plan(
            new PlannedTask(0, "text-to-speech", List.of(-1), Map.of("text", "hello")),
            new PlannedTask(1, "text-classification", List.of(-1), Map.of("text", "hello")),
            new PlannedTask(2, "automatic-speech-recognition", List.of(0), Map.of("audio", "<GENERATED>-0")));

    @Test
    void independentTasksAreDispatchedTogetherAndReferencesResolvedWhenReady() {
        List<TaskDispatch> first = dispatches(scheduler.onPlan(dag));
        assertEquals(List.of(0, 1), first.stream().map(TaskDispatch::taskId).toList());
        ResourceRef wav = new ResourceRef("r-00000000000000000001.wav", "speech.wav", "audio/wav", 10);
        List<TaskDispatch> next = dispatches(scheduler.onResult(ok(first.get(0), TaskOutput.file(wav, Map.of()))));
        assertEquals(1, next.size());
        assertEquals(wav.id(), next.get(0).args().get("audio"));
        assertTrue(outcomes(scheduler.onResult(ok(first.get(1), TaskOutput.text("French", Map.of())))).isEmpty());
        List<Outcome> done = outcomes(scheduler.onResult(ok(next.get(0), TaskOutput.text("hello", Map.of()))));
        assertEquals(1, done.size());
        assertEquals(3, done.get(0).results().size());
    }

    @Test
    void duplicateResultsAreIgnored() {
        List<TaskDispatch> first = dispatches(scheduler.onPlan(dag));
        TaskResult result = ok(first.get(1), TaskOutput.text("French", Map.of()));
        assertEquals(1, scheduler.onResult(result).size());
        assertEquals(List.of(), scheduler.onResult(result));
        assertEquals(List.of(), scheduler.onPlan(dag), "a redelivered plan starts nothing twice");
    }

    @Test
    void failedModelFallsBackToTheNextCandidate() {
        TaskDispatch first = dispatches(scheduler.onPlan(dag)).get(0);
        List<TaskDispatch> retry = dispatches(scheduler.onResult(failed(first)));
        assertEquals(1, retry.size());
        assertEquals("m-b", retry.get(0).model().modelId());
        assertEquals(2, retry.get(0).attempt());
        assertEquals(List.of(), scheduler.onResult(failed(first)), "a late result of the first attempt is stale");
    }

    @Test
    void aTaskWhoseInputWasRejectedIsNotTriedOnAnotherModel() {
        TaskDispatch first = dispatches(scheduler.onPlan(dag)).get(0);
        TaskResult undecodable = new TaskResult(first.requestId(), first.taskId(), first.task(), first.model(), TaskStatus.FAILED,
                null, "the task has no text to work on", "x", first.attempt(), Instant.now(), Instant.now(), true);
        List<SchedulerAction> actions = scheduler.onResult(undecodable);
        assertTrue(dispatches(actions).isEmpty(), "no fallback: " + actions);
        assertTrue(actions.stream().anyMatch(a -> a instanceof SchedulerAction.Event e && e.event().result() != null
                && e.event().result().taskId() == 0 && e.event().result().status() == TaskStatus.FAILED), actions.toString());
    }

    @Test
    void dependentsOfAFailedTaskAreSkippedAndTheRequestStillFinishes() {
        List<TaskDispatch> first = dispatches(scheduler.onPlan(dag));
        TaskDispatch retry = dispatches(scheduler.onResult(failed(first.get(0)))).get(0);
        List<SchedulerAction> afterSecondFailure = scheduler.onResult(failed(retry));
        assertTrue(dispatches(afterSecondFailure).isEmpty());
        List<Outcome> done = outcomes(scheduler.onResult(ok(first.get(1), TaskOutput.text("French", Map.of()))));
        TaskResult asr = done.get(0).results().get(2);
        assertEquals(TaskStatus.SKIPPED, asr.status());
        assertTrue(asr.error().contains("task 0"), asr.error());
    }

    @Test
    void aTaskNoBackendServesFailsWithTheReason() {
        List<SchedulerAction> actions = scheduler.onPlan(plan(new PlannedTask(0, "text-to-image", List.of(-1), Map.of("text", "a fox"))));
        Outcome outcome = outcomes(actions).get(0);
        assertEquals(TaskStatus.FAILED, outcome.results().get(0).status());
        assertEquals("needs a remote backend", outcome.results().get(0).error());
    }

    @Test
    void aTaskPastItsDeadlineTimesOutOntoTheNextCandidate() {
        scheduler.onPlan(dag);
        List<TaskDispatch> retries = dispatches(scheduler.onTick(Instant.now().plusSeconds(60), Duration.ofSeconds(5)));
        assertEquals(2, retries.size());
        assertTrue(retries.stream().allMatch(d -> d.model().modelId().equals("m-b")));
    }

    @Test
    void aRestartedSchedulerCarriesOnFromTheStoredStateAsJson() throws Exception {
        List<TaskDispatch> first = dispatches(scheduler.onPlan(dag));
        scheduler.onResult(ok(first.get(1), TaskOutput.text("French", Map.of())));
        String stored = dev.hugginggpt.protocol.Json.MAPPER.writeValueAsString(scheduler.snapshot("req").orElseThrow());

        DagScheduler restarted = new DagScheduler((plan, task, args) -> new ModelChooser.Choice(List.of(A, B), null),
                "test-2", 3, Duration.ofSeconds(30));
        restarted.restore(List.of(dev.hugginggpt.protocol.Json.MAPPER.readValue(stored, DagSnapshot.class)));
        assertEquals(1, restarted.activeRequests());
        assertEquals(List.of(), restarted.onResult(ok(first.get(1), TaskOutput.text("French", Map.of()))),
                "a result applied before the restart is not applied twice");
        ResourceRef wav = new ResourceRef("r-00000000000000000001.wav", "speech.wav", "audio/wav", 10);
        List<TaskDispatch> next = dispatches(restarted.onResult(ok(first.get(0), TaskOutput.file(wav, Map.of()))));
        assertEquals(wav.id(), next.get(0).args().get("audio"));
        List<Outcome> done = outcomes(restarted.onResult(ok(next.get(0), TaskOutput.text("hello", Map.of()))));
        assertEquals(3, done.get(0).results().size());
        assertTrue(restarted.snapshot("req").isEmpty(), "a finished request leaves no state behind");
    }

    @Test
    void aRequestWhoseSchedulingThrowsFailsAloneAndTheOthersGoOn() {
        DagScheduler picky = new DagScheduler((plan, task, args) -> {
            if (args.getOrDefault("text", "").contains("poison")) {
                throw new IllegalStateException("a chooser that cannot cope");
            }
            return new ModelChooser.Choice(List.of(A), null);
        }, "test", 3, Duration.ofSeconds(30));
        Plan bad = new Plan("bad", "t", "msg", List.of(new PlannedTask(0, "text-to-speech", List.of(-1),
                Map.of("text", "poison"))), "embedded", null, List.of(), RequestOptions.defaults(), 1);
        List<SchedulerAction> badActions = picky.onPlan(bad);
        assertEquals(1, badActions.size(), "only the FAILED event: nothing half-done is sent");
        RequestEvent failed = ((SchedulerAction.Event) badActions.get(0)).event();
        assertEquals(EventType.FAILED, failed.type());
        assertEquals("bad", failed.requestId());
        assertTrue(failed.message().contains("a chooser that cannot cope"), failed.message());
        assertTrue(picky.snapshot("bad").isEmpty(), "its state is dropped");
        assertEquals(List.of(), picky.onPlan(bad), "a redelivered bad plan is not tried again");

        List<TaskDispatch> good = dispatches(picky.onPlan(dag));
        assertEquals(2, good.size(), "the next plan is scheduled as usual");
        assertEquals(1, picky.activeRequests());
    }

    @Test
    void storedStateThatCannotBeUsedFailsItsRequestAndTheRestResume() {
        scheduler.onPlan(dag);
        DagSnapshot usable = scheduler.snapshot("req").orElseThrow();
        Plan cyclic = new Plan("cyclic", "t", "msg", List.of(
                new PlannedTask(0, "text-to-speech", List.of(1), Map.of("text", "<GENERATED>-1")),
                new PlannedTask(1, "text-to-speech", List.of(0), Map.of("text", "<GENERATED>-0"))),
                "embedded", null, List.of(), RequestOptions.defaults(), 1);
        DagScheduler restarted = new DagScheduler((plan, task, args) -> new ModelChooser.Choice(List.of(A), null),
                "test", 3, Duration.ofSeconds(30));
        List<SchedulerAction> failures = restarted.restore(List.of(usable,
                new DagSnapshot(cyclic, null, List.of()), new DagSnapshot(null, null, null)));
        assertEquals(1, restarted.activeRequests());
        assertEquals(1, failures.size(), "a snapshot without a plan names no request to fail");
        RequestEvent failed = ((SchedulerAction.Event) failures.get(0)).event();
        assertEquals("cyclic", failed.requestId());
        assertTrue(failed.message().contains("comes after it"), failed.message());
    }

    @Test
    void aTenantBeyondItsShareOfTheSlotsWaitsHereAndTheOthersStillStart() {
        DagScheduler shared = new DagScheduler((plan, task, args) -> new ModelChooser.Choice(List.of(A), null), "test", 3,
                Duration.ofSeconds(30), TenantShare.of(0.75, () -> 4));
        List<TaskDispatch> greedy = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            greedy.addAll(dispatches(shared.onPlan(tenantPlan("long-" + i, "greedy"))));
        }
        assertEquals(3, greedy.size(), "three of four slots: the fourth stays free for someone else");
        List<TaskDispatch> other = dispatches(shared.onPlan(tenantPlan("short", "other")));
        assertEquals(1, other.size(), "another tenant starts at once");

        Instant beforeRelease = Instant.now();
        List<TaskDispatch> released = dispatches(shared.onResult(ok(greedy.get(0), TaskOutput.text("done", Map.of()))));
        assertEquals(List.of("long-3"), released.stream().map(TaskDispatch::requestId).toList(),
                "a finished task makes room for the next held one, in order");
        assertTrue(!released.get(0).deadline().isBefore(beforeRelease.plusSeconds(30)),
                "a held task's deadline starts when it is dispatched");
        assertEquals(List.of(), dispatches(shared.onResult(ok(other.get(0), TaskOutput.text("done", Map.of())))),
                "another tenant's result frees none of this tenant's slots");
    }

    @Test
    void aCancelSkipsTheTasksNotStartedFailsAndStopsTheRunningOnesAndSaysSo() {
        List<TaskDispatch> running = dispatches(scheduler.onPlan(dag));
        scheduler.onResult(ok(running.get(1), TaskOutput.text("French", Map.of())));
        List<SchedulerAction> cancelled = scheduler.onCancel(Cancel.of("req", "cancelled by the client"));

        Map<Integer, TaskStatus> ended = new java.util.TreeMap<>();
        cancelled.stream().filter(a -> a instanceof SchedulerAction.Event e && e.event().type() == EventType.TASK_FINISHED)
                .map(a -> ((SchedulerAction.Event) a).event().result()).forEach(r -> ended.put(r.taskId(), r.status()));
        assertEquals(Map.of(0, TaskStatus.FAILED, 2, TaskStatus.SKIPPED), ended, "the finished task 1 is left as it was");
        List<Cancel> stops = cancelled.stream().filter(a -> a instanceof SchedulerAction.Stop)
                .map(a -> ((SchedulerAction.Stop) a).cancel()).toList();
        assertEquals(1, stops.size(), "the executors are told to stop task 0");
        RequestEvent failed = ((SchedulerAction.Event) cancelled.get(cancelled.size() - 1)).event();
        assertEquals(EventType.FAILED, failed.type());
        assertEquals("cancelled by the client: task 2 (automatic-speech-recognition) not started; task 0 (text-to-speech)"
                + " stopped while running; task 1 (text-classification) had already ended", failed.message());
        assertTrue(outcomes(cancelled).isEmpty(), "no answer is written for a cancelled request");
        assertEquals(0, scheduler.activeRequests());
        assertTrue(scheduler.snapshot("req").isEmpty(), "its stored state is dropped");
        assertEquals(List.of(), scheduler.onResult(failed(running.get(0))), "the stopped task's own result changes nothing");
    }

    @Test
    void aRequestCancelledBeforeItsPlanCameNeverRuns() {
        List<SchedulerAction> cancelled = scheduler.onCancel(Cancel.of("req", "cancelled by the client"));
        assertEquals("cancelled by the client: nothing had run", ((SchedulerAction.Event) cancelled.get(0)).event().message());
        assertEquals(List.of(), scheduler.onPlan(dag), "the plan that comes after the cancel is not run");
        assertEquals(List.of(), scheduler.onCancel(Cancel.of("req", "again")), "a second cancel says nothing more");
    }

    @Test
    void aModelChosenWhenThePlanWasApprovedRunsFirstWhileItIsOffered() {
        ModelChoice offeredOnlyBeyondTopK = new ModelChoice("m-c", "local", "chosen when the plan was approved");
        DagScheduler pinning = new DagScheduler(new ModelChooser() {
            @Override
            public Choice choose(Plan plan, String task, Map<String, String> args) {
                return new Choice(List.of(A, B), null);
            }

            @Override
            public java.util.Optional<ModelChoice> offered(String task, String modelId) {
                return modelId.equals("m-c") ? java.util.Optional.of(offeredOnlyBeyondTopK) : java.util.Optional.empty();
            }
        }, "test", 3, Duration.ofSeconds(30));
        List<TaskDispatch> sent = dispatches(pinning.onPlan(plan(
                new PlannedTask(0, "text-to-speech", List.of(-1), Map.of("text", "hi"), "m-c"),
                new PlannedTask(1, "text-to-speech", List.of(-1), Map.of("text", "hi"), "m-gone"))));
        assertEquals("m-c", sent.get(0).model().modelId());
        assertEquals(List.of(A, B), sent.get(0).fallbacks());
        assertEquals("m-a", sent.get(1).model().modelId(), "a chosen model no executor offers any more is replaced");
        assertTrue(sent.get(1).model().reason().startsWith("the chosen model m-gone is not offered"), sent.get(1).model().reason());
    }

    /** An approved plan is an ordinary plan to the selector, a person's choice of model included, across a restart. */
    @Test
    void anApprovedPlansChosenModelSurvivesARestartFromTheStoredState() throws Exception {
        ModelChooser offersC = new ModelChooser() {
            @Override
            public Choice choose(Plan plan, String task, Map<String, String> args) {
                return new Choice(List.of(A, B), null);
            }

            @Override
            public java.util.Optional<ModelChoice> offered(String task, String modelId) {
                return modelId.equals("m-c") ? java.util.Optional.of(new ModelChoice("m-c", "local", "chosen")) : java.util.Optional.empty();
            }
        };
        DagScheduler before = new DagScheduler(offersC, "test", 3, Duration.ofSeconds(30));
        List<TaskDispatch> first = dispatches(before.onPlan(plan(
                new PlannedTask(0, "text-to-speech", List.of(-1), Map.of("text", "good night")),
                new PlannedTask(1, "automatic-speech-recognition", List.of(0), Map.of("audio", "<GENERATED>-0"), "m-c"))));
        String stored = dev.hugginggpt.protocol.Json.MAPPER.writeValueAsString(before.snapshot("req").orElseThrow());

        DagScheduler restarted = new DagScheduler(offersC, "test-2", 3, Duration.ofSeconds(30));
        restarted.restore(List.of(dev.hugginggpt.protocol.Json.MAPPER.readValue(stored, DagSnapshot.class)));
        ResourceRef wav = new ResourceRef("r-00000000000000000001.wav", "speech.wav", "audio/wav", 10);
        List<TaskDispatch> next = dispatches(restarted.onResult(ok(first.get(0), TaskOutput.file(wav, Map.of()))));
        assertEquals("m-c", next.get(0).model().modelId(), "the model chosen at approval, after the restart");
    }

    private static Plan tenantPlan(String id, String tenant) {
        return new Plan(id, tenant, "msg", List.of(new PlannedTask(0, "text-to-speech", List.of(-1), Map.of("text", "hi"))),
                "embedded", null, List.of(), RequestOptions.defaults(), 1);
    }
}

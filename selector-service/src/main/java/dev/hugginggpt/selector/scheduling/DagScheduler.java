package dev.hugginggpt.selector.scheduling;

import dev.hugginggpt.protocol.Cancel;
import dev.hugginggpt.protocol.GeneratedRefs;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.Outcome;
import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.TaskStatus;
import dev.hugginggpt.selector.selection.InContextChoice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Keeps each request's DAG: dispatches the tasks whose dependencies are done (so independent tasks
 * are in hg.tasks together), resolves {@code <GENERATED>-N} in their arguments, retries a failed
 * task on the next candidate, skips tasks whose inputs failed, and finishes the request once every
 * task is terminal. Results are deduplicated by (request, task, attempt). A request whose scheduling throws is failed
 * on its own (a FAILED event, its state dropped); the others go on. A cancelled request ends at once: its tasks not
 * started are skipped, its running ones failed and stopped on the executors.
 */
public final class DagScheduler {
    /** A task's result may arrive this long after its deadline before the task counts as silent. */
    public static final Duration DEADLINE_GRACE = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(DagScheduler.class);
    private static final int FINISHED_MEMORY = 10_000;

    private final Map<String, RequestDag> requests = new LinkedHashMap<>();
    private final Set<String> finished = new LinkedHashSet<>();
    private final ModelChooser chooser;
    private final String source;
    private final int maxAttempts;
    private final Duration defaultTimeout;
    private final TenantShare share;
    /** Requests with a ready task held back by their tenant's share of the slots. */
    private final Set<String> held = new LinkedHashSet<>();

    public DagScheduler(ModelChooser chooser, String source, int maxAttempts, Duration defaultTimeout) {
        this(chooser, source, maxAttempts, defaultTimeout, TenantShare.unlimited());
    }

    public DagScheduler(ModelChooser chooser, String source, int maxAttempts, Duration defaultTimeout, TenantShare share) {
        this.chooser = chooser;
        this.source = source;
        this.maxAttempts = maxAttempts;
        this.defaultTimeout = defaultTimeout;
        this.share = share;
    }

    private static final class RequestDag {
        final Plan plan;
        final InContextChoice inContext;
        final Map<Integer, TaskState> tasks = new LinkedHashMap<>();

        RequestDag(Plan plan, InContextChoice inContext) {
            this.plan = plan;
            this.inContext = inContext;
            plan.tasks().forEach(t -> tasks.put(t.id(), new TaskState(t)));
        }
    }

    public List<SchedulerAction> onPlan(Plan plan) {
        return onPlan(plan, InContextChoice.NONE);
    }

    /** Starts a plan; the models the LLM picked in context go first where they are still candidates. */
    public synchronized List<SchedulerAction> onPlan(Plan plan, InContextChoice inContext) {
        List<SchedulerAction> actions = new ArrayList<>();
        if (requests.containsKey(plan.requestId()) || finished.contains(plan.requestId())) {
            return actions;
        }
        guarded(plan.requestId(), actions, mine -> {
            RequestDag dag = new RequestDag(plan, inContext);
            requests.put(plan.requestId(), dag);
            if (inContext.usedLlm()) {
                mine.add(new SchedulerAction.Event(
                        RequestEvent.modelsChosen(plan.requestId(), inContext.summary(), inContext.usage(), source)));
            }
            advance(dag, mine);
        });
        return actions;
    }

    public synchronized List<SchedulerAction> onResult(TaskResult result) {
        List<SchedulerAction> actions = new ArrayList<>();
        guarded(result.requestId(), actions, mine -> apply(result, mine));
        releaseHeld(actions);
        return actions;
    }

    private void apply(TaskResult result, List<SchedulerAction> actions) {
        RequestDag dag = requests.get(result.requestId());
        TaskState state = dag == null ? null : dag.tasks.get(result.taskId());
        if (state == null || state.status.isTerminal() || result.attempt() != state.attempt) {
            return;
        }
        if (!result.succeeded() && !result.inputRejected() && !state.remaining.isEmpty() && state.attempt < maxAttempts) {
            dispatchNext(dag, state, actions, result.error());
            return;
        }
        finish(state, result, actions);
        advance(dag, actions);
    }

    /**
     * Ends the request: tasks not started are skipped, tasks dispatched are failed and every executor is told to stop
     * them, and a FAILED event says what was cancelled. A request not known here (still being planned, waiting for
     * approval, or its plan not yet read) is remembered as over, so that a plan of it that comes later does not run.
     */
    public synchronized List<SchedulerAction> onCancel(Cancel cancel) {
        List<SchedulerAction> actions = new ArrayList<>();
        String requestId = cancel.requestId();
        String reason = cancel.reason() == null || cancel.reason().isBlank() ? "cancelled" : cancel.reason();
        RequestDag dag = requests.get(requestId);
        if (dag == null) {
            if (!finished.contains(requestId)) {
                forget(requestId);
                actions.add(new SchedulerAction.Event(RequestEvent.failed(requestId, reason + ": nothing had run", source)));
            }
            return actions;
        }
        guarded(requestId, actions, mine -> {
            List<String> notStarted = new ArrayList<>();
            List<String> stopped = new ArrayList<>();
            List<String> over = new ArrayList<>();
            for (TaskState state : dag.tasks.values()) {
                String name = state.task.id() + " (" + state.task.task() + ")";
                if (state.status == TaskStatus.PENDING) {
                    finish(state, TaskResult.skipped(requestId, state.task.id(), state.task.task(),
                            reason + " before it started"), mine);
                    notStarted.add(name);
                } else if (state.status == TaskStatus.SELECTED) {
                    finish(state, TaskResult.failedBeforeRun(requestId, state.task.id(), state.task.task(), state.current,
                            reason + " while it was dispatched to or running on model " + state.current.modelId()), mine);
                    stopped.add(name);
                } else {
                    over.add(name);
                }
            }
            if (!stopped.isEmpty()) {
                mine.add(new SchedulerAction.Stop(new Cancel(requestId, reason, cancel.at())));
            }
            mine.add(new SchedulerAction.Event(RequestEvent.failed(requestId,
                    reason + ": " + CancelReport.of(notStarted, stopped, over), source)));
            forget(requestId);
        });
        releaseHeld(actions);
        return actions;
    }

    /** Fails (or retries) tasks whose deadline passed without a result. */
    public synchronized List<SchedulerAction> onTick(Instant now, Duration grace) {
        List<SchedulerAction> actions = new ArrayList<>();
        for (RequestDag dag : List.copyOf(requests.values())) {
            guarded(dag.plan.requestId(), actions, mine -> {
                for (TaskState state : dag.tasks.values()) {
                    if (state.status == TaskStatus.SELECTED && state.deadline != null
                            && now.isAfter(state.deadline.plus(grace))) {
                        TaskResult timeout = new TaskResult(dag.plan.requestId(), state.task.id(), state.task.task(),
                                state.current, TaskStatus.FAILED, null,
                                "no result from model " + state.current.modelId() + " before the deadline", null,
                                state.attempt, state.deadline, now);
                        apply(timeout, mine);
                    }
                }
            });
        }
        releaseHeld(actions);
        return actions;
    }

    /**
     * Runs one request's step: its actions join the others only if the step completes. A step that throws (a plan
     * of a shape no check foresaw, say) fails that request alone: its state is dropped and a FAILED event says why.
     */
    private void guarded(String requestId, List<SchedulerAction> actions, Consumer<List<SchedulerAction>> step) {
        List<SchedulerAction> mine = new ArrayList<>();
        try {
            step.accept(mine);
            actions.addAll(mine);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.errorf(e, "request %s: scheduling failed; the request is failed", requestId);
            forget(requestId);
            actions.add(new SchedulerAction.Event(RequestEvent.failed(requestId,
                    "the selector could not schedule this request (" + e + ")", source)));
        }
    }

    /** Dispatches the held tasks whose tenant has room again (a task ended, or executors joined). */
    private void releaseHeld(List<SchedulerAction> actions) {
        Set<String> full = new java.util.HashSet<>();
        for (String requestId : List.copyOf(held)) {
            RequestDag dag = requests.get(requestId);
            if (dag == null) {
                held.remove(requestId);
            } else if (!full.contains(dag.plan.tenant()) && mayStart(dag.plan.tenant())) {
                held.remove(requestId);
                guarded(requestId, actions, mine -> advance(dag, mine));
            } else {
                full.add(dag.plan.tenant());
            }
        }
    }

    private boolean mayStart(String tenant) {
        int max = share.maxInFlight();
        if (max == Integer.MAX_VALUE) {
            return true;
        }
        int running = 0;
        for (RequestDag dag : requests.values()) {
            if (java.util.Objects.equals(tenant, dag.plan.tenant())) {
                for (TaskState task : dag.tasks.values()) {
                    if (task.status == TaskStatus.SELECTED && ++running >= max) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Gives up the requests another instance schedules from now on (their partitions went to it). */
    public synchronized int handOver(java.util.function.Predicate<String> gone) {
        List<String> ids = requests.keySet().stream().filter(gone).toList();
        ids.forEach(id -> {
            requests.remove(id);
            held.remove(id);
        });
        return ids.size();
    }

    /** Whether the request's state is this instance's to write: one it schedules, or one it finished. */
    public synchronized boolean schedules(String requestId) {
        return requests.containsKey(requestId) || finished.contains(requestId);
    }

    private void forget(String requestId) {
        held.remove(requestId);
        requests.remove(requestId);
        finished.add(requestId);
        if (finished.size() > FINISHED_MEMORY) {
            finished.remove(finished.iterator().next());
        }
    }

    public synchronized int activeRequests() {
        return requests.size();
    }

    /** The request's state to store, or empty once it is finished (and should be forgotten). */
    public synchronized java.util.Optional<DagSnapshot> snapshot(String requestId) {
        RequestDag dag = requests.get(requestId);
        if (dag == null) {
            return java.util.Optional.empty();
        }
        List<DagSnapshot.TaskSnapshot> tasks = new ArrayList<>();
        for (TaskState t : dag.tasks.values()) {
            tasks.add(new DagSnapshot.TaskSnapshot(t.task.id(), t.status, t.resolvedArgs, List.copyOf(t.remaining),
                    t.current, t.attempt, t.deadline, t.result));
        }
        return java.util.Optional.of(new DagSnapshot(dag.plan, dag.inContext, tasks));
    }

    /**
     * Takes up requests another selector instance (or this one, before a crash) was scheduling; returns the FAILED
     * events of those whose stored state cannot be used.
     */
    public synchronized List<SchedulerAction> restore(List<DagSnapshot> snapshots) {
        List<SchedulerAction> unusable = new ArrayList<>();
        for (DagSnapshot snapshot : snapshots) {
            if (snapshot.plan() != null && requests.containsKey(snapshot.plan().requestId())) {
                continue;
            }
            List<String> problems = snapshot.problems();
            if (!problems.isEmpty()) {
                String requestId = snapshot.plan() == null ? null : snapshot.plan().requestId();
                LOG.errorf("stored DAG state of request %s cannot be used: %s", requestId, problems);
                if (requestId != null && !requestId.isBlank()) {
                    unusable.add(new SchedulerAction.Event(RequestEvent.failed(requestId,
                            "the selector's stored state of this request cannot be used: " + String.join("; ", problems),
                            source)));
                }
                continue;
            }
            RequestDag dag = new RequestDag(snapshot.plan(),
                    snapshot.inContext() == null ? InContextChoice.NONE : snapshot.inContext());
            for (DagSnapshot.TaskSnapshot t : snapshot.tasks()) {
                TaskState state = dag.tasks.get(t.taskId());
                if (state == null) {
                    continue;
                }
                state.status = t.status();
                state.resolvedArgs = t.resolvedArgs();
                state.remaining.addAll(t.remaining() == null ? List.of() : t.remaining());
                state.current = t.current();
                state.attempt = t.attempt();
                state.deadline = t.deadline();
                state.result = t.result();
            }
            requests.put(snapshot.plan().requestId(), dag);
            held.add(snapshot.plan().requestId()); // a task it held before the restart is looked at again
        }
        return unusable;
    }

    private void advance(RequestDag dag, List<SchedulerAction> actions) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (TaskState state : dag.tasks.values()) {
                if (state.status != TaskStatus.PENDING) {
                    continue;
                }
                Set<Integer> deps = GeneratedRefs.dependencies(state.task);
                if (!deps.stream().allMatch(d -> dag.tasks.get(d).status.isTerminal())) {
                    continue;
                }
                String blocked = deps.stream().filter(d -> dag.tasks.get(d).status != TaskStatus.SUCCEEDED)
                        .findFirst().map(d -> "needs the output of task " + d + ", which "
                                + dag.tasks.get(d).status.name().toLowerCase()).orElse(null);
                if (blocked != null) {
                    changed = true;
                    finish(state, TaskResult.skipped(dag.plan.requestId(), state.task.id(), state.task.task(), blocked),
                            actions);
                    continue;
                }
                if (!mayStart(dag.plan.tenant())) {
                    held.add(dag.plan.requestId());
                    continue;
                }
                changed = true;
                String unresolved = resolve(dag, state);
                if (unresolved != null) {
                    finish(state, TaskResult.failedBeforeRun(dag.plan.requestId(), state.task.id(), state.task.task(),
                            null, unresolved), actions);
                    continue;
                }
                ModelChooser.Choice choice = chooser.choose(dag.plan, state.task.task(), state.resolvedArgs);
                if (choice.models().isEmpty()) {
                    finish(state, TaskResult.failedBeforeRun(dag.plan.requestId(), state.task.id(), state.task.task(),
                            null, choice.unavailableReason()), actions);
                    continue;
                }
                state.remaining.addAll(state.task.model() != null ? pinned(state.task, choice.models())
                        : preferPick(choice.models(), dag.inContext.picks().get(state.task.id())));
                dispatchNext(dag, state, actions, null);
            }
        }
        if (dag.tasks.values().stream().allMatch(s -> s.status.isTerminal())) {
            List<TaskResult> results = dag.tasks.values().stream().map(s -> s.result).toList();
            actions.add(new SchedulerAction.Finish(
                    new Outcome(dag.plan.requestId(), dag.plan, results, dag.inContext.usage(), Instant.now())));
            forget(dag.plan.requestId());
        }
    }

    /**
     * The model a person chose when approving the plan goes first while a live executor offers it; otherwise the
     * ranked candidates run, and the first one's reason says the chosen model was not there.
     */
    private List<ModelChoice> pinned(dev.hugginggpt.protocol.PlannedTask task, List<ModelChoice> ranked) {
        java.util.Optional<ModelChoice> offered = chooser.offered(task.task(), task.model());
        if (offered.isPresent()) {
            List<ModelChoice> ordered = new ArrayList<>();
            ordered.add(offered.get());
            ranked.stream().filter(m -> !m.modelId().equals(task.model())).forEach(ordered::add);
            return ordered;
        }
        List<ModelChoice> ordered = new ArrayList<>(ranked);
        ModelChoice first = ordered.get(0);
        ordered.set(0, new ModelChoice(first.modelId(), first.backend(), "the chosen model " + task.model()
                + " is not offered by any live executor for " + task.task() + "; " + first.reason()));
        return ordered;
    }

    private static List<ModelChoice> preferPick(List<ModelChoice> ranked, ModelChoice pick) {
        if (pick == null || ranked.stream().noneMatch(m -> m.modelId().equals(pick.modelId()))) {
            return ranked;
        }
        List<ModelChoice> ordered = new ArrayList<>();
        ordered.add(pick);
        ranked.stream().filter(m -> !m.modelId().equals(pick.modelId())).forEach(ordered::add);
        return ordered;
    }

    private void dispatchNext(RequestDag dag, TaskState state, List<SchedulerAction> actions, String previousError) {
        ModelChoice model = state.remaining.remove(0);
        if (previousError != null) {
            model = new ModelChoice(model.modelId(), model.backend(),
                    "fallback after " + state.current.modelId() + " failed: " + previousError);
        }
        state.current = model;
        state.attempt++;
        state.status = TaskStatus.SELECTED;
        Integer timeoutSeconds = dag.plan.options() == null ? null : dag.plan.options().taskTimeoutSeconds();
        Duration timeout = timeoutSeconds == null ? defaultTimeout : Duration.ofSeconds(timeoutSeconds);
        Instant now = Instant.now();
        state.deadline = now.plus(timeout);
        String requestId = dag.plan.requestId();
        actions.add(new SchedulerAction.Event(RequestEvent.taskSelected(requestId, state.task.id(), model, source)));
        actions.add(new SchedulerAction.Dispatch(new TaskDispatch(requestId, state.task.id(), state.task.task(),
                state.resolvedArgs, model, List.copyOf(state.remaining), state.attempt, state.deadline, now)));
    }

    private void finish(TaskState state, TaskResult result, List<SchedulerAction> actions) {
        state.status = result.status();
        state.result = result;
        actions.add(new SchedulerAction.Event(RequestEvent.taskFinished(result, source)));
    }

    /** Puts each referenced output in place of its {@code <GENERATED>-N}; returns why not, if it cannot. */
    private static String resolve(RequestDag dag, TaskState state) {
        Map<String, String> resolved = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> arg : state.task.args().entrySet()) {
            MediaKind kind = MediaKind.ofArgKey(arg.getKey()).orElse(MediaKind.TEXT);
            String value = GeneratedRefs.replace(arg.getValue(), producerId -> {
                TaskResult producer = dag.tasks.get(producerId).result;
                String output = outputOfKind(producer, kind);
                if (output == null) {
                    problems.add("task " + producerId + " (" + producer.task() + ") produced no " + kind.argKey());
                    return "";
                }
                return output;
            });
            resolved.put(arg.getKey(), value);
        }
        state.resolvedArgs = resolved;
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static String outputOfKind(TaskResult producer, MediaKind kind) {
        if (producer == null || producer.output() == null) {
            return null;
        }
        if (kind == MediaKind.TEXT && producer.output().text() != null) {
            return producer.output().text();
        }
        List<ResourceRef> files = producer.output().resources() == null ? List.of() : producer.output().resources();
        return files.stream().filter(r -> kind == MediaKind.TEXT || r.kind() == kind).map(ResourceRef::id)
                .findFirst().orElse(null);
    }

}

package dev.hugginggpt.gateway.view;

import dev.hugginggpt.protocol.Answer;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.EventType;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.RequestStatus;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One request folded from its events. Not thread-safe: {@link RequestViews} serializes access. */
final class RequestRecord {
    final String id;
    final List<RequestEvent> events = new ArrayList<>();
    private final List<RequestEvent> beforePlan = new ArrayList<>();
    private boolean planned;
    private RequestStatus status = RequestStatus.PLANNING;
    private List<ChatMessage> messages = List.of();
    private String planner;
    private final Map<Integer, TaskView> tasks = new LinkedHashMap<>();
    private Answer answer;
    private String error;
    private LlmUsage planningUsage = LlmUsage.NONE;
    private LlmUsage selectionUsage = LlmUsage.NONE;
    private Long planningMillis;
    private Instant createdAt;
    private Instant updatedAt;
    private boolean planOnly;
    private String tenant;
    final java.util.Set<String> producedResources = new java.util.LinkedHashSet<>();
    /** Whether {@link RequestViews} counts this request among its tenant's unfinished ones. */
    boolean countedActive;
    /** When this view last took an event of the request (this machine's clock, {@link System#nanoTime}). */
    private long lastProgressNanos = System.nanoTime();
    /** The gateway instance that accepted the request, and the request's own task time limit, if it set one. */
    private String acceptedBy;
    private Integer taskTimeoutSeconds;

    RequestRecord(String id) {
        this.id = id;
    }

    boolean isTerminal() {
        return status.isTerminal();
    }

    /**
     * Folds the event into the view. The history ends with the event that ended the request: one that comes later (an
     * executor's TASK_STARTED sent after its task's result, a task finishing after a stalled request was failed) still
     * updates the view, but is not kept, so that a client that had the last event of the stream has had them all.
     */
    void apply(RequestEvent e) {
        if (!isTerminal()) {
            events.add(e);
        }
        lastProgressNanos = System.nanoTime();
        updatedAt = e.at();
        if (createdAt == null) {
            createdAt = e.at();
        }
        if (e.type() == EventType.TASK_FINISHED && e.result() != null && e.result().output() != null
                && e.result().output().resources() != null) {
            e.result().output().resources().forEach(r -> producedResources.add(r.id()));
        }
        fold(e);
    }

    private void fold(RequestEvent e) {
        if (e.taskId() != null && !planned) {
            // The planner sends its plan and PLANNED together, so the selector's task events can land first.
            beforePlan.add(e);
            return;
        }
        switch (e.type()) {
            case ACCEPTED -> {
                if (tenant != null) {
                    return; // the request's owner is named once: a second ACCEPTED cannot hand it to another tenant
                }
                messages = e.request().messages();
                tenant = e.request().tenant();
                createdAt = e.request().acceptedAt();
                acceptedBy = e.source();
                planOnly = e.request().options() != null && e.request().options().isPlanOnly();
                taskTimeoutSeconds = e.request().options() == null ? null : e.request().options().taskTimeoutSeconds();
            }
            case PLANNED -> {
                planner = e.plan().planner();
                planningUsage = e.plan().usage() == null ? LlmUsage.NONE : e.plan().usage();
                planningMillis = e.plan().planningMillis();
                for (PlannedTask t : e.plan().tasks()) {
                    tasks.putIfAbsent(t.id(), new TaskView(t.id(), t.task(), t.dep(), t.args(), TaskStatus.PENDING,
                            null, null, null, null, null, null, null, null));
                }
                advance(planOnly ? RequestStatus.DONE : RequestStatus.SELECTING);
                planned = true;
                beforePlan.forEach(this::fold);
                beforePlan.clear();
            }
            case PLANNING_FAILED, FAILED -> {
                if (status.isTerminal()) {
                    return; // the first end is the end: a late failure does not undo an answer
                }
                error = e.message();
                status = RequestStatus.FAILED;
                if (e.type() == EventType.PLANNING_FAILED && e.usage() != null) {
                    planningUsage = e.usage();
                }
            }
            case MODELS_CHOSEN -> selectionUsage = e.usage() == null ? LlmUsage.NONE : e.usage();
            case TASK_SELECTED -> {
                updateTask(e.taskId(), t -> t.status().isTerminal() ? t : withModel(t, e.choice(), TaskStatus.SELECTED));
                advance(RequestStatus.RUNNING);
            }
            case TASK_STARTED -> updateTask(e.taskId(), t -> t.status().isTerminal() ? t
                    : new TaskView(t.id(), t.task(), t.dep(), t.args(), TaskStatus.RUNNING, t.model(), t.backend(),
                            t.reason(), e.message(), null, null, e.at(), null));
            case TASK_FINISHED -> updateTask(e.taskId(), t -> finished(t, e.result()));
            case RESPONDING -> advance(RequestStatus.RESPONDING);
            case DONE -> {
                if (status.isTerminal()) {
                    return;
                }
                answer = e.answer();
                status = RequestStatus.DONE;
            }
            default -> {
            }
        }
    }

    /** Whether every one of these tasks has a terminal result here (a task not in the plan has none). */
    boolean tasksTerminal(java.util.Set<Integer> taskIds) {
        return taskIds.stream().allMatch(id -> tasks.containsKey(id) && tasks.get(id).status().isTerminal());
    }

    String tenant() {
        return tenant;
    }

    String acceptedBy() {
        return acceptedBy;
    }

    RequestStatus status() {
        return status;
    }

    Integer taskTimeoutSeconds() {
        return taskTimeoutSeconds;
    }

    /** How long since this view last took an event of the request. */
    java.time.Duration idleFor(long nowNanos) {
        return java.time.Duration.ofNanos(nowNanos - lastProgressNanos);
    }

    private void advance(RequestStatus next) {
        if (!status.isTerminal() && next.ordinal() > status.ordinal()) {
            status = next;
        }
    }

    private void updateTask(Integer id, java.util.function.UnaryOperator<TaskView> change) {
        TaskView current = id == null ? null : tasks.get(id);
        if (current != null) {
            tasks.put(id, change.apply(current));
        }
    }

    private static TaskView withModel(TaskView t, ModelChoice choice, TaskStatus status) {
        return new TaskView(t.id(), t.task(), t.dep(), t.args(), status, choice.modelId(), choice.backend(),
                choice.reason(), null, null, null, null, null);
    }

    private static TaskView finished(TaskView t, TaskResult r) {
        ModelChoice model = r.model();
        return new TaskView(t.id(), t.task(), t.dep(), t.args(), r.status(),
                model == null ? t.model() : model.modelId(), model == null ? t.backend() : model.backend(),
                t.reason(), r.executor() == null ? t.executor() : r.executor(), r.output(), r.error(),
                r.executor() == null ? t.startedAt() : r.startedAt(), r.finishedAt());
    }

    RequestView view() {
        LlmUsage answerUsage = answer == null || answer.usage() == null ? LlmUsage.NONE : answer.usage();
        LlmUsage usage = planningUsage.plus(selectionUsage).plus(answerUsage);
        Map<String, LlmUsage> byStage = new LinkedHashMap<>();
        byStage.put("planning", planningUsage);
        byStage.put("selection", selectionUsage);
        byStage.put("response", answerUsage);
        return new RequestView(id, status, messages, planner, List.copyOf(tasks.values()), answer, error, usage,
                byStage, planningMillis, createdAt, updatedAt);
    }
}

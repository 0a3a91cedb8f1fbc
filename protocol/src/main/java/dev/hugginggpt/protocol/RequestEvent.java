package dev.hugginggpt.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * hg.events: one stage or task transition. Exactly the fields its {@link EventType} names are set.
 * The gateway folds these into the request view, so every gateway instance can answer for every request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A stage or task transition of a request.")
public record RequestEvent(
        @Schema(required = true, description = "Request id.") String requestId,
        @Schema(required = true, description = "What happened.") EventType type,
        @Schema(required = true, description = "When it happened.") Instant at,
        @Schema(description = "Service instance that reported it.") String source,
        @Schema(description = "Task id, for task events.") Integer taskId,
        @Schema(description = "Human-readable detail (failure reason, executor).") String message,
        @Schema(description = "The request as accepted, for ACCEPTED.") UserRequest request,
        @Schema(description = "The plan, for PLANNED.") Plan plan,
        @Schema(description = "The chosen model, for TASK_SELECTED.") ModelChoice choice,
        @Schema(description = "The task result, for TASK_FINISHED.") TaskResult result,
        @Schema(description = "The answer, for DONE.") Answer answer,
        @Schema(description = "LLM calls and tokens this step spent, for PLANNING_FAILED and MODELS_CHOSEN.") LlmUsage usage) implements Checked {

    /** The fields its type names must be there, and a request or plan it carries must be of the same request. */
    @Override
    public List<String> problems() {
        Problems p = new Problems().requireText(requestId, "request id").require(type != null, "no type")
                .require(at != null, "no time");
        if (type == null) {
            return p.list();
        }
        switch (type) {
            case ACCEPTED -> p.require(request != null && requestId != null && requestId.equals(request.requestId()),
                    "an ACCEPTED event without its request").addAll("request: ", request == null ? List.of() : request.problems());
            case PLANNED -> p.require(plan != null && requestId != null && requestId.equals(plan.requestId()),
                    "a PLANNED event without its plan").addAll("plan: ", plan == null ? List.of() : plan.problems());
            case TASK_SELECTED -> p.require(taskId != null && choice != null && choice.modelId() != null,
                    "a TASK_SELECTED event without its task or model");
            case TASK_STARTED -> p.require(taskId != null, "a TASK_STARTED event without its task");
            case TASK_FINISHED -> p.require(taskId != null && result != null && taskId.equals(result.taskId()),
                    "a TASK_FINISHED event without its task's result").addAll("result: ",
                    result == null ? List.of() : result.problems());
            case DONE -> p.require(answer != null, "a DONE event without its answer");
            case ANSWER_DELTA -> p.require(message != null, "an ANSWER_DELTA event without its text");
            default -> {
            }
        }
        return p.list();
    }

    public static RequestEvent accepted(UserRequest request, String source) {
        return new RequestEvent(request.requestId(), EventType.ACCEPTED, Instant.now(), source, null, null, request,
                null, null, null, null, null);
    }

    public static RequestEvent planned(Plan plan, String source) {
        return new RequestEvent(plan.requestId(), EventType.PLANNED, Instant.now(), source, null, null, null, plan,
                null, null, null, null);
    }

    public static RequestEvent planningFailed(String requestId, String reason, LlmUsage usage, String source) {
        return new RequestEvent(requestId, EventType.PLANNING_FAILED, Instant.now(), source, null, reason, null, null,
                null, null, null, usage);
    }

    public static RequestEvent modelsChosen(String requestId, String summary, LlmUsage usage, String source) {
        return new RequestEvent(requestId, EventType.MODELS_CHOSEN, Instant.now(), source, null, summary, null, null,
                null, null, null, usage);
    }

    public static RequestEvent taskSelected(String requestId, int taskId, ModelChoice choice, String source) {
        return new RequestEvent(requestId, EventType.TASK_SELECTED, Instant.now(), source, taskId, null, null, null,
                choice, null, null, null);
    }

    public static RequestEvent taskStarted(String requestId, int taskId, String executor, Instant at) {
        return new RequestEvent(requestId, EventType.TASK_STARTED, at, executor, taskId, executor, null, null, null,
                null, null, null);
    }

    public static RequestEvent taskFinished(TaskResult result, String source) {
        return new RequestEvent(result.requestId(), EventType.TASK_FINISHED, Instant.now(), source, result.taskId(),
                result.error(), null, null, null, result, null, null);
    }

    public static RequestEvent responding(String requestId, String source) {
        return new RequestEvent(requestId, EventType.RESPONDING, Instant.now(), source, null, null, null, null, null,
                null, null, null);
    }

    public static RequestEvent answerDelta(String requestId, String text, String source) {
        return new RequestEvent(requestId, EventType.ANSWER_DELTA, Instant.now(), source, null, text, null, null, null,
                null, null, null);
    }

    public static RequestEvent done(String requestId, Answer answer, String source) {
        return new RequestEvent(requestId, EventType.DONE, Instant.now(), source, null, null, null, null, null, null,
                answer, null);
    }

    public static RequestEvent failed(String requestId, String reason, String source) {
        return new RequestEvent(requestId, EventType.FAILED, Instant.now(), source, null, reason, null, null, null,
                null, null, null);
    }
}

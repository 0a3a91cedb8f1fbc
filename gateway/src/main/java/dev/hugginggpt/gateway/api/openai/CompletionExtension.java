package dev.hugginggpt.gateway.api.openai;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HuggingGptExtension", description = "Where the workflow, the models and the files can be read: GET /v1/requests/{requestId}.")
public record CompletionExtension(
        @Schema(required = true) String requestId,
        @Schema(description = "The request's stage (PLANNING ... DONE, FAILED); in the completion and the last chunks.") String status,
        @Schema(description = "Each task, its model and status; in the completion and the last chunks.") List<TaskSummary> tasks,
        @Schema(description = "In a progress chunk: the stage or task event it reports.") Progress progress) {

    public static CompletionExtension of(String requestId) {
        return new CompletionExtension(requestId, null, null, null);
    }

    @Schema(name = "HuggingGptTask")
    public record TaskSummary(
            @Schema(required = true) int id,
            @Schema(required = true) String task,
            String model,
            @Schema(required = true) String status) {
    }

    @Schema(name = "HuggingGptProgress", description = "A stage or task event of the request, as GET /v1/requests/{id}/events sends it.")
    public record Progress(
            @Schema(required = true, description = "Its place in the request's events (the event stream's id).") long id,
            @Schema(required = true, description = "The event type: ACCEPTED, PLANNED, TASK_SELECTED, TASK_STARTED, TASK_FINISHED, ...") String event,
            @Schema(description = "For a task event.") Integer taskId,
            @Schema(description = "For a task event: the task type.") String task,
            @Schema(description = "For TASK_SELECTED and TASK_FINISHED: the model.") String model,
            @Schema(description = "For TASK_FINISHED: SUCCEEDED, FAILED or SKIPPED.") String status) {
    }
}

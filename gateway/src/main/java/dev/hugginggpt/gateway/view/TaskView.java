package dev.hugginggpt.gateway.view;

import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One task of the plan and what became of it.")
public record TaskView(
        @Schema(required = true, description = "Task id.") int id,
        @Schema(required = true, description = "Task type.") String task,
        @Schema(required = true, description = "Tasks it depends on; [-1] for none.") List<Integer> dep,
        @Schema(description = "Arguments as planned.") Map<String, String> args,
        @Schema(required = true, description = "Task status.") TaskStatus status,
        @Schema(description = "Model that ran (or was chosen for) the task.") String model,
        @Schema(description = "Backend of that model.") String backend,
        @Schema(description = "Why that model was chosen.") String reason,
        @Schema(description = "Executor instance that ran it.") String executor,
        @Schema(description = "What it produced.") TaskOutput output,
        @Schema(description = "Why it failed or was skipped.") String error,
        @Schema(description = "When it started running.") Instant startedAt,
        @Schema(description = "When it finished.") Instant finishedAt) {
}

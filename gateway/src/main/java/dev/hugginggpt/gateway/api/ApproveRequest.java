package dev.hugginggpt.gateway.api;

import dev.hugginggpt.protocol.PlannedTask;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An approval: the plan runs as planned, or as edited here.")
public record ApproveRequest(
        @Schema(description = "The plan to run instead of the one planned (its tasks edited, removed, a model chosen);"
                + " absent: the plan as planned. Checked like a submitted plan.") List<PlannedTask> plan) {
}

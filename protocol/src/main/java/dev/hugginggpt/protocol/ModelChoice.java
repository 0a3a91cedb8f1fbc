package dev.hugginggpt.protocol;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The model chosen for a task, and why.")
public record ModelChoice(
        @Schema(description = "Model id.") String modelId,
        @Schema(description = "Backend that runs it.") String backend,
        @Schema(description = "Why it was chosen.") String reason) {
}

package dev.hugginggpt.protocol;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A model of the catalog.")
public record ModelCard(
        @Schema(description = "Model id.", examples = "local/espeak-ng") String id,
        @Schema(description = "Task type it serves.", examples = "text-to-speech") String task,
        @Schema(description = "Backend that runs it: local, huggingface or openai.") String backend,
        @Schema(description = "Hugging Face downloads (ranking signal).") long downloads,
        @Schema(description = "Hugging Face likes (ranking signal).") long likes,
        @Schema(description = "What the model does.") String description,
        @Schema(description = "Licence of the model or the program behind it.") String license) {
}

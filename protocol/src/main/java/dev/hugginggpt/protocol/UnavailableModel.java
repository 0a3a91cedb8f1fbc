package dev.hugginggpt.protocol;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A local model an executor knows but cannot run on its machine, and why: the program or files it lacks and how to
 * install them ("espeak-ng is not installed: apt-get install espeak-ng"). Announced so that a task of its type fails
 * with that reason instead of "no model serves it".
 */
@Schema(description = "A model an executor knows but cannot run on its machine.")
public record UnavailableModel(
        @Schema(description = "Model id.", examples = "local/espeak-ng") String id,
        @Schema(description = "Task type it would serve.", examples = "text-to-speech") String task,
        @Schema(description = "Why it cannot run, and what to install.") String reason) {
}

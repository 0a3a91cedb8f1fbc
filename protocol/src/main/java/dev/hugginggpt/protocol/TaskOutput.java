package dev.hugginggpt.protocol;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What a task produced: text, files, and structured data.")
public record TaskOutput(
        @Schema(description = "Text output, if any.") String text,
        @Schema(description = "Files produced.") List<ResourceRef> resources,
        @Schema(description = "Structured output (labels, scores, boxes, ...).") Map<String, Object> data) {

    public static TaskOutput text(String text, Map<String, Object> data) {
        return new TaskOutput(text, List.of(), data);
    }

    public static TaskOutput file(ResourceRef resource, Map<String, Object> data) {
        return new TaskOutput(null, List.of(resource), data);
    }
}

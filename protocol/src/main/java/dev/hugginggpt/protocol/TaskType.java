package dev.hugginggpt.protocol;

import java.util.List;

/**
 * A task type of the vocabulary: the argument kinds it takes, the kind it produces, and the kinds it produces as well
 * (object detection answers with the objects found and the picture with their boxes drawn).
 */
public record TaskType(String name, List<MediaKind> inputs, MediaKind output, String description, List<MediaKind> alsoProduces) {

    public TaskType(String name, List<MediaKind> inputs, MediaKind output, String description) {
        this(name, inputs, output, description, List.of());
    }

    /** Whether a later task may take an output of this kind from a task of this type. */
    public boolean produces(MediaKind kind) {
        return output == kind || alsoProduces.contains(kind);
    }

    /** Every kind it produces, its main one first. */
    public List<MediaKind> outputs() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(output), alsoProduces.stream()).toList();
    }
}

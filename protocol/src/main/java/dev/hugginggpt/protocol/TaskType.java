package dev.hugginggpt.protocol;

import java.util.List;

/** A task type of the vocabulary: the argument kinds it takes and the kind it produces. */
public record TaskType(String name, List<MediaKind> inputs, MediaKind output, String description) {
}

package dev.hugginggpt.selector.scheduling;

import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.Plan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Chooses the models for a ready task, best first; an empty list comes with the reason. */
public interface ModelChooser {
    Choice choose(Plan plan, String task, Map<String, String> resolvedArgs);

    /** The model a person chose for a task of this type, if a live backend offers it (any rank); by default none. */
    default Optional<ModelChoice> offered(String task, String modelId) {
        return Optional.empty();
    }

    record Choice(List<ModelChoice> models, String unavailableReason) {
    }
}

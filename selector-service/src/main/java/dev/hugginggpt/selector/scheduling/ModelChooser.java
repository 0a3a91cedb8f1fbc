package dev.hugginggpt.selector.scheduling;

import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.Plan;
import java.util.List;
import java.util.Map;

/** Chooses the models for a ready task, best first; an empty list comes with the reason. */
public interface ModelChooser {
    Choice choose(Plan plan, String task, Map<String, String> resolvedArgs);

    record Choice(List<ModelChoice> models, String unavailableReason) {
    }
}

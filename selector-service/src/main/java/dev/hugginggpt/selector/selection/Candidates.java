package dev.hugginggpt.selector.selection;

import dev.hugginggpt.protocol.ModelCard;
import java.util.List;

/** The ranked models that can serve a task now, or why there are none. */
public record Candidates(List<ModelCard> ranked, String unavailableReason) {

    public boolean isEmpty() {
        return ranked.isEmpty();
    }
}

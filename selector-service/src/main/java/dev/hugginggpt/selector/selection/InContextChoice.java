package dev.hugginggpt.selector.selection;

import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.ModelChoice;
import java.util.Map;

/** The models the LLM picked for a plan's tasks (by task id), what that cost, and a one-line summary. */
public record InContextChoice(Map<Integer, ModelChoice> picks, LlmUsage usage, String summary) {
    public static final InContextChoice NONE = new InContextChoice(Map.of(), LlmUsage.NONE, null);

    public boolean usedLlm() {
        return usage.calls() > 0;
    }
}

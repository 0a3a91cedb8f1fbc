package dev.hugginggpt.selector.selection;

import dev.hugginggpt.protocol.ModelCard;
import java.util.List;
import java.util.Map;

/** One task of a plan with the ranked models that could run it. */
public record TaskCandidates(int taskId, String task, Map<String, String> args, List<ModelCard> ranked) {
}

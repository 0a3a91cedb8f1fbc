package dev.hugginggpt.selector.selection;

import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.selector.config.SelectorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The models of a plan's tasks chosen in context: one LLM call for the whole plan, made only when an LLM is configured
 * and the request's call budget leaves room for it and for the answer.
 */
@ApplicationScoped
public class PlanModelChoice {
    private final SelectorConfig config;
    private final ModelSelector selector;
    private final InContextChooser inContext;
    private final boolean llmConfigured;

    public PlanModelChoice(SelectorConfig config, ModelSelector selector, InContextChooser inContext) {
        this.config = config;
        this.selector = selector;
        this.inContext = inContext;
        this.llmConfigured = config.llmBaseUrl().filter(u -> !u.isBlank()).isPresent();
    }

    public InContextChoice choose(Plan plan) {
        int planningCalls = plan.usage() == null ? 0 : plan.usage().calls();
        if (!llmConfigured || planningCalls + 2 > config.llmCallBudget()) {
            return InContextChoice.NONE;
        }
        List<TaskCandidates> tasks = plan.tasks().stream()
                .map(t -> new TaskCandidates(t.id(), t.task(), t.args(), selector.candidates(t.task(), topK(plan)).ranked()))
                .toList();
        return inContext.choose(plan.userMessage(), tasks);
    }

    /** Candidates kept per task: the request's own {@code topK}, else the configured one. */
    public int topK(Plan plan) {
        return plan.options() != null && plan.options().topK() != null ? plan.options().topK() : config.topK();
    }
}

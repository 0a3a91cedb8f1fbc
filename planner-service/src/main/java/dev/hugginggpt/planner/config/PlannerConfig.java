package dev.hugginggpt.planner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "hg.planner")
public interface PlannerConfig {
    /** Largest plan accepted; longer plans are rejected (LLM: re-asked). */
    @WithDefault("20")
    int maxTasks();

    /** How many times the LLM is asked again with the validation errors of its last answer. */
    @WithDefault("2")
    int llmRepairAttempts();

    /** Approximate prompt budget in tokens; the oldest chat history is dropped to fit. */
    @WithDefault("6000")
    int llmContextTokens();

    /** Base URL of an OpenAI-compatible endpoint; when absent the embedded planner is used. */
    Optional<String> llmBaseUrl();
}

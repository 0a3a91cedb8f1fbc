package dev.hugginggpt.selector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "hg.selector")
public interface SelectorConfig {
    /** Candidates kept per task after ranking. */
    @WithDefault("5")
    int topK();

    /** Default time limit of one task run. */
    @WithDefault("120s")
    Duration taskTimeout();

    /** Models tried per task before it fails (the chosen one and its fallbacks). */
    @WithDefault("3")
    int maxAttempts();

    /** An executor not heard from for this long no longer counts as offering its models. */
    @WithDefault("45s")
    Duration executorTtl();

    /** Partitions of hg.tasks; dispatches go round them so that executors share the work. */
    @WithDefault("8")
    int taskPartitions();

    /**
     * How many batches of scheduling steps may wait for their Kafka writes at once while the next one begins (1: none
     * begins before the one before has been written; 2 measured within the noise of 1 on two cores, see docs/benchmarks.md).
     */
    @WithDefault("1")
    int batchesFinishing();

    /**
     * LLM calls a request may spend in all (planning, model choice, answer). The model choice is
     * made only when the planning calls leave room for it and for the answer.
     */
    @WithDefault("3")
    int llmCallBudget();

    /** local: only models on the executors' machines; remote: only remote backends; hybrid: local first. */
    @WithDefault("hybrid")
    InferenceMode inferenceMode();

    /**
     * The share of the live executors' slots one tenant's tasks may hold at once (1: no limit). The rest is kept for
     * the other tenants, so one tenant's long tasks never leave them waiting for a slot.
     */
    @WithDefault("0.75")
    double tenantSlotShare();

    /** Compacted topic holding the DAG state of unfinished requests (application.properties: Topics.SELECTOR_STATE). */
    String stateTopic();

    /** false keeps the DAG state in memory only (service tests without a broker). */
    @WithDefault("true")
    boolean durableState();

    /** Base URL of an OpenAI-compatible endpoint for the in-context model choice; absent: ranking only. */
    Optional<String> llmBaseUrl();
}

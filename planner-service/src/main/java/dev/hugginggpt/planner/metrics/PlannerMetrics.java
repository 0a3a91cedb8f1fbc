package dev.hugginggpt.planner.metrics;

import dev.hugginggpt.planner.plan.PlanningResult;
import dev.hugginggpt.protocol.LlmUsage;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Stage 1 in Prometheus: {@code hg_planning_seconds{planner,outcome}}, {@code hg_plan_tasks},
 * {@code hg_llm_calls_total{stage="planning"}} and {@code hg_llm_tokens_total{stage="planning",kind}}.
 */
@ApplicationScoped
public class PlannerMetrics {
    private final MeterRegistry registry;
    private final DistributionSummary planSizes;

    public PlannerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.planSizes = DistributionSummary.builder("hg.plan.tasks").description("Tasks per valid plan").register(registry);
    }

    public void planned(PlanningResult result, Duration took) {
        String planner = result.planner() == null ? "none" : result.planner();
        Timer.builder("hg.planning").description("Time to plan a request")
                .tag("planner", planner).tag("outcome", result.ok() ? "planned" : "failed")
                .publishPercentileHistogram().register(registry).record(took);
        if (result.ok()) {
            planSizes.record(result.tasks().size());
        }
        LlmUsage usage = result.usage() == null ? LlmUsage.NONE : result.usage();
        registry.counter("hg.llm.calls", "stage", "planning").increment(usage.calls());
        registry.counter("hg.llm.tokens", "stage", "planning", "kind", "input").increment(usage.inputTokens());
        registry.counter("hg.llm.tokens", "stage", "planning", "kind", "output").increment(usage.outputTokens());
    }
}

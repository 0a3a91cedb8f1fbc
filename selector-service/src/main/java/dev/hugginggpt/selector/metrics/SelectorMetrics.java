package dev.hugginggpt.selector.metrics;

import dev.hugginggpt.protocol.EventType;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.Outcome;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.selector.scheduling.SchedulerAction;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Stage 2 and scheduling in Prometheus: {@code hg_selection_seconds{mode}} (choosing the plan's models),
 * {@code hg_tasks_dispatched_total{task}}, {@code hg_task_results_total{task,status}},
 * {@code hg_requests_finished_total{status}}, {@code hg_requests_active},
 * {@code hg_llm_calls_total{stage="selection"}} and {@code hg_llm_tokens_total{stage="selection",kind}}.
 */
@ApplicationScoped
public class SelectorMetrics {
    private final MeterRegistry registry;

    public SelectorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void activeRequests(Supplier<Number> active) {
        // held strongly: a gauge keeps only a weak reference to what it reads, and nothing else holds this supplier
        Gauge.builder("hg.requests.active", active, supplier -> supplier.get().doubleValue())
                .description("Requests this selector is scheduling").strongReference(true).register(registry);
    }

    public void chose(boolean byLlm, Duration took, LlmUsage usage) {
        Timer.builder("hg.selection").description("Time to choose the models of a plan")
                .tag("mode", byLlm ? "llm" : "ranking").register(registry).record(took);
        registry.counter("hg.llm.calls", "stage", "selection").increment(usage.calls());
        registry.counter("hg.llm.tokens", "stage", "selection", "kind", "input").increment(usage.inputTokens());
        registry.counter("hg.llm.tokens", "stage", "selection", "kind", "output").increment(usage.outputTokens());
    }

    public void emitted(List<SchedulerAction> actions) {
        for (SchedulerAction action : actions) {
            if (action instanceof SchedulerAction.Dispatch d) {
                registry.counter("hg.tasks.dispatched", "task", d.task().task()).increment();
            } else if (action instanceof SchedulerAction.Event e && e.event().type() == EventType.TASK_FINISHED
                    && e.event().result() != null) {
                TaskResult result = e.event().result();
                registry.counter("hg.task.results", "task", result.task(), "status", result.status().name()).increment();
            } else if (action instanceof SchedulerAction.Finish f) {
                registry.counter("hg.requests.finished", "status", status(f.outcome())).increment();
            }
        }
    }

    private static String status(Outcome outcome) {
        return outcome.results().stream().allMatch(TaskResult::succeeded) ? "all_succeeded" : "some_failed";
    }
}

package dev.hugginggpt.selector.wiring;

import dev.hugginggpt.protocol.ExecutorHeartbeat;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.selector.catalog.ExecutorRegistry;
import dev.hugginggpt.selector.config.SelectorConfig;
import dev.hugginggpt.selector.messaging.SelectorSource;
import dev.hugginggpt.selector.metrics.SelectorMetrics;
import dev.hugginggpt.selector.scheduling.DagScheduler;
import dev.hugginggpt.selector.scheduling.ModelChooser;
import dev.hugginggpt.selector.scheduling.TaskRouter;
import dev.hugginggpt.selector.scheduling.TenantShare;
import dev.hugginggpt.selector.selection.Candidates;
import dev.hugginggpt.selector.selection.ModelSelector;
import dev.hugginggpt.selector.selection.PlanModelChoice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/** The scheduler and the task router, built from the configuration, the catalog and the live executors. */
@ApplicationScoped
public class SchedulerWiring {
    @Produces
    @ApplicationScoped
    TaskRouter router(SelectorConfig config, ExecutorRegistry executors) {
        return new TaskRouter(config.taskPartitions(), config.taskTimeout().plus(DagScheduler.DEADLINE_GRACE), executors::live);
    }

    @Produces
    @ApplicationScoped
    DagScheduler scheduler(SelectorConfig config, ModelSelector selector, PlanModelChoice choice,
            ExecutorRegistry executors, SelectorMetrics metrics) {
        ModelChooser chooser = new ModelChooser() {
            @Override
            public Choice choose(dev.hugginggpt.protocol.Plan plan, String task, java.util.Map<String, String> args) {
                Candidates candidates = selector.candidates(task, choice.topK(plan));
                if (candidates.isEmpty()) {
                    return new ModelChooser.Choice(List.of(), candidates.unavailableReason());
                }
                List<ModelChoice> ordered = selector.choose(candidates, plan.userMessage(), args);
                return new ModelChooser.Choice(ordered, null);
            }

            @Override
            public java.util.Optional<ModelChoice> offered(String task, String modelId) {
                return selector.offered(task, modelId);
            }
        };
        TenantShare share = TenantShare.of(config.tenantSlotShare(), () -> executors.live().stream()
                .filter(e -> !e.stopping()).mapToInt(ExecutorHeartbeat::slots).sum());
        DagScheduler scheduler = new DagScheduler(chooser, SelectorSource.ID, config.maxAttempts(), config.taskTimeout(),
                share);
        metrics.activeRequests(scheduler::activeRequests);
        return scheduler;
    }
}

package dev.hugginggpt.executor.metrics;

import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.TaskStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Stage 3 in Prometheus: {@code hg_task_run_seconds{task,backend,model,status}} and {@code hg_tasks_running}. */
@ApplicationScoped
public class ExecutorMetrics {
    private final MeterRegistry registry;
    private final AtomicInteger running = new AtomicInteger();

    public ExecutorMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("hg.tasks.running", running);
    }

    public void started() {
        running.incrementAndGet();
    }

    public void finished(TaskDispatch task, TaskStatus status, Duration took) {
        running.decrementAndGet();
        Timer.builder("hg.task.run").description("Time a model took to run a task")
                .tag("task", task.task()).tag("backend", task.model().backend()).tag("model", task.model().modelId())
                .tag("status", status.name()).publishPercentileHistogram().register(registry).record(took);
    }
}

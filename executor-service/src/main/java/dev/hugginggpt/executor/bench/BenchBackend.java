package dev.hugginggpt.executor.bench;

import dev.hugginggpt.executor.backend.ModelBackend;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.TaskType;
import dev.hugginggpt.protocol.TaskVocabulary;
import dev.hugginggpt.protocol.resources.ResourceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The {@code bench} backend, a stand-in backend: models that are not models, for measuring the pipeline itself
 * (planner, selector, Kafka, executors, gateway) without model time. bench/pipeline.sh starts the executors from their
 * built jar with {@code HG_BENCH_MODELS=true}, so the stand-ins ship in that jar; off by default. While it is on, the
 * executor runs and announces only these ({@link ModelBackend#standIn()}): no task reaches a real model. Each stand-in
 * waits the configured delay ({@code HG_BENCH_DELAY_MS}, default 0; {@code HG_BENCH_TASKS} limits the task types,
 * {@code HG_BENCH_VARIANTS} offers several per type) and returns a fixed placeholder of the task's output kind. They
 * say what they are in their ids ({@code bench/zero-latency-<task>}, {@code bench/delay-200ms-<task>}), descriptions
 * and outputs. See docs/benchmarks.md.
 */
@ApplicationScoped
public class BenchBackend implements ModelBackend {
    private static final Logger LOG = Logger.getLogger(BenchBackend.class);
    static final String NAME = "bench";

    private final boolean enabled;
    private final Duration delay;
    private final ResourceStore store;
    private final Map<String, ModelCard> models = new LinkedHashMap<>();

    @Inject
    public BenchBackend(BenchConfig config, ResourceStore store) {
        this(config.models(), config.delayMs(), config.tasks(), config.variants(), store);
    }

    BenchBackend(boolean enabled, long delayMs, Optional<List<String>> tasks, int variants, ResourceStore store) {
        if (delayMs < 0) {
            throw new IllegalArgumentException("hg.bench.delay-ms must be 0 or more, not " + delayMs);
        }
        if (variants < 1) {
            throw new IllegalArgumentException("hg.bench.variants must be 1 or more, not " + variants);
        }
        this.enabled = enabled;
        this.delay = Duration.ofMillis(delayMs);
        this.store = store;
        List<TaskType> types = tasks.filter(t -> !t.isEmpty())
                .map(names -> names.stream().map(n -> TaskVocabulary.find(n)
                        .orElseThrow(() -> new IllegalArgumentException("hg.bench.tasks: unknown task type " + n))).toList())
                .orElse(TaskVocabulary.all());
        for (TaskType type : types) {
            for (int variant = 1; variant <= variants; variant++) {
                ModelCard card = card(type.name(), delayMs, variant);
                models.put(card.id(), card);
            }
        }
        if (enabled) {
            LOG.warnf("HG_BENCH_MODELS=true: this executor offers only benchmark stand-ins (%d, %d ms each), no real model",
                    models.size(), delayMs);
        }
    }

    /** Variants past the first ({@code hg.bench.variants}) give a task several candidates, as a catalog does. */
    static ModelCard card(String task, long delayMs, int variant) {
        String id = NAME + "/" + (delayMs == 0 ? "zero-latency" : "delay-" + delayMs + "ms") + "-" + task
                + (variant == 1 ? "" : "-v" + variant);
        return new ModelCard(id, task, NAME, 0, 0, "Benchmark stand-in, not a model: after " + delayMs
                + " ms it returns a fixed placeholder " + TaskVocabulary.find(task).map(t -> t.output().argKey()).orElse("text")
                + " for " + task + ", whatever the input. Offered only when HG_BENCH_MODELS=true.", "none (benchmark stand-in)");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public boolean standIn() {
        return true;
    }

    @Override
    public List<ModelCard> localModels() {
        return enabled ? List.copyOf(models.values()) : List.of();
    }

    @Override
    public boolean isRemote() {
        return false;
    }

    @Override
    public boolean canRun(String modelId) {
        return enabled && models.containsKey(modelId);
    }

    @Override
    public TaskOutput run(TaskDispatch task, Duration timeLeft) throws ModelException {
        ModelCard card = models.get(task.model().modelId());
        if (!enabled || card == null) {
            throw new ModelException("benchmark stand-in " + task.model().modelId() + " is not offered on this executor");
        }
        if (delay.compareTo(timeLeft) > 0) {
            throw new ModelException("the stand-in's delay of " + delay.toMillis() + " ms exceeds the task's time left");
        }
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelException("interrupted", e);
            }
        }
        MediaKind kind = TaskVocabulary.find(card.task()).map(TaskType::output).orElse(MediaKind.TEXT);
        Map<String, Object> data = Map.of("standIn", true, "delayMs", delay.toMillis());
        if (kind == MediaKind.TEXT) {
            return TaskOutput.text("[benchmark stand-in output for " + card.task() + "]", data);
        }
        try {
            Placeholder file = Placeholder.of(kind);
            return TaskOutput.file(store.save(new ByteArrayInputStream(file.bytes()), "bench-stand-in." + file.extension(),
                    file.contentType()), data);
        } catch (IOException e) {
            throw new ModelException("cannot store the stand-in's placeholder file: " + e.getMessage(), e);
        }
    }
}

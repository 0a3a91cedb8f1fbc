package dev.hugginggpt.executor.startup;

import dev.hugginggpt.executor.backend.ModelBackend;
import dev.hugginggpt.executor.config.ExecutorConfig;
import dev.hugginggpt.executor.local.LocalBackend;
import dev.hugginggpt.executor.messaging.TaskPartitions;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * The executor is ready once its first task would be as quick as the next: the models named by
 * {@code hg.executor.warm-up} warmed up (on a thread of their own, started with the application, while the Kafka
 * consumer joins its group), and the task consumer has joined its group and had its partitions assigned. While the
 * benchmark's stand-ins replace the real models, none is warmed up.
 */
@Readiness
@ApplicationScoped
public class WarmStart implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(WarmStart.class);
    private final LocalBackend local;
    private final TaskPartitions partitions;
    private final Set<String> warmUp;
    private final boolean needsPartitions;
    private volatile List<String> warmed;

    @Inject
    public WarmStart(LocalBackend local, Instance<ModelBackend> backends,
            @Identifier("task-partitions") TaskPartitions partitions, ExecutorConfig config) {
        this(local, partitions, localInUse(backends) ? config.warmUp() : "none", config.readyNeedsPartitions());
    }

    WarmStart(LocalBackend local, TaskPartitions partitions, String warmUp, boolean needsPartitions) {
        this.local = local;
        this.partitions = partitions;
        this.warmUp = Arrays.stream(warmUp.split(",")).map(String::strip).filter(s -> !s.isEmpty() && !s.equals("none"))
                .collect(Collectors.toSet());
        this.needsPartitions = needsPartitions;
    }

    private static boolean localInUse(Instance<ModelBackend> backends) {
        return ModelBackend.inUse(backends).stream().anyMatch(backend -> backend instanceof LocalBackend);
    }

    void onStart(@Observes StartupEvent event) {
        Thread thread = new Thread(this::warm, "warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private void warm() {
        long started = System.nanoTime();
        List<String> done = local.warmUp(warmUp);
        LOG.infof("warm-up done in %d ms: %s", (System.nanoTime() - started) / 1_000_000, done);
        warmed = done;
    }

    @Override
    public HealthCheckResponse call() {
        boolean warm = warmed != null;
        boolean joined = !needsPartitions || partitions.joined();
        return HealthCheckResponse.named("executor-start").status(warm && joined)
                .withData("models warmed up", warm ? String.join(",", warmed) : "warming up")
                .withData("task consumer", joined ? "partitions " + partitions.owned() : "joining its group")
                .build();
    }
}

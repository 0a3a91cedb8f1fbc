package dev.hugginggpt.executor.messaging;

import dev.hugginggpt.executor.backend.ModelBackend;
import dev.hugginggpt.protocol.ExecutorHeartbeat;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TopicWriter;
import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.protocol.UnavailableModel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Announces on hg.executors what this instance can run, which hg.tasks partitions it consumes and how many tasks it
 * runs at once: at start, every 10 s, whenever its partitions change, and when it stops.
 */
@ApplicationScoped
public class HeartbeatPublisher {
    private final List<ModelBackend> backends;
    private final ExecutorIdentity identity;
    private final TopicWriter records;
    private final TaskPartitions partitions;
    private final int slots;
    private volatile boolean stopping;

    public HeartbeatPublisher(Instance<ModelBackend> backends, ExecutorIdentity identity,
            @Identifier("task-partitions") TaskPartitions partitions,
            @ConfigProperty(name = "smallrye.messaging.worker.inference.max-concurrency") int slots,
            TopicWriter records) {
        this.backends = ModelBackend.inUse(backends);
        this.identity = identity;
        this.partitions = partitions;
        this.slots = slots;
        this.records = records;
    }

    void onStart(@Observes StartupEvent event) {
        beat();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        send(true).await().atMost(Duration.ofSeconds(3));
    }

    void onPartitionsChanged(@Observes TaskPartitions.Changed change) {
        beat();
    }

    /** Not once stopping: a beat after the last one would bring the stopped executor back to life for the selector. */
    @Scheduled(every = "10s", delayed = "10s")
    void beat() {
        if (!stopping) {
            send(false).subscribe().with(ok -> { }, failure -> { });
        }
    }

    private io.smallrye.mutiny.Uni<Void> send(boolean stopping) {
        List<ModelCard> local = backends.stream().flatMap(b -> b.localModels().stream()).toList();
        List<String> remote = backends.stream().filter(ModelBackend::isRemote).map(ModelBackend::name).toList();
        List<UnavailableModel> unavailable = backends.stream().flatMap(b -> b.unavailableModels().stream()).toList();
        return records.send(Topics.EXECUTORS, identity.id(), new ExecutorHeartbeat(identity.id(), local, remote,
                Instant.now(), stopping, partitions.owned(), slots, unavailable));
    }
}

package dev.hugginggpt.gateway.catalog;

import dev.hugginggpt.gateway.config.GatewayConfig;
import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.ExecutorHeartbeat;
import dev.hugginggpt.protocol.InvalidRecord;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskVocabulary;
import dev.hugginggpt.protocol.Topics;
import dev.hugginggpt.protocol.UnavailableModel;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What the live executors offer, from their heartbeats on hg.executors (every gateway instance reads all of them, in a
 * group of its own): the models a person may choose for a task when approving a plan. A heartbeat that cannot be used
 * is refused (and dead-lettered) like any other record.
 */
@ApplicationScoped
public class LiveExecutors {
    private final Map<String, ExecutorHeartbeat> live = new ConcurrentHashMap<>();
    private final Duration ttl;

    public LiveExecutors(GatewayConfig config) {
        this.ttl = config.lifecycle().executorTtl();
    }

    /** On the consumer's event loop: recording a heartbeat is quick and never waits. */
    @Incoming(Channels.EXECUTORS)
    @NonBlocking
    public void onHeartbeat(ExecutorHeartbeat heartbeat) {
        InvalidRecord.require(heartbeat, Topics.EXECUTORS);
        if (heartbeat.stopping()) {
            live.remove(heartbeat.instanceId());
        } else {
            live.merge(heartbeat.instanceId(), heartbeat, (known, latest) -> latest.at().isBefore(known.at()) ? known : latest);
        }
    }

    /**
     * The models of this task type live executors run, ranked as the selector ranks them (local first, then by
     * downloads and likes), each once; the remote backends they call; and the models of the type they know but
     * cannot run, with why.
     */
    public TaskModels models(String taskType, Instant now) {
        String task = TaskVocabulary.normalize(taskType);
        Collection<ExecutorHeartbeat> beats = fresh(now);
        Map<String, ModelCard> offered = new LinkedHashMap<>();
        Set<String> offeredIds = new TreeSet<>();
        Set<String> remote = new TreeSet<>();
        for (ExecutorHeartbeat h : beats) {
            h.localModels().forEach(m -> offeredIds.add(m.id()));
            h.localModels().stream().filter(m -> task.equals(TaskVocabulary.normalize(m.task())))
                    .forEach(m -> offered.putIfAbsent(m.id(), m));
            remote.addAll(h.remoteBackends());
        }
        Map<String, UnavailableModel> unavailable = new LinkedHashMap<>();
        for (ExecutorHeartbeat h : beats) {
            h.unavailableModels().stream()
                    .filter(m -> task.equals(TaskVocabulary.normalize(m.task())) && !offeredIds.contains(m.id()))
                    .forEach(m -> unavailable.putIfAbsent(m.id(), m));
        }
        List<ModelCard> ranked = offered.values().stream()
                .sorted(Comparator.comparing((ModelCard m) -> !"local".equals(m.backend()))
                        .thenComparing(Comparator.comparingLong(ModelCard::downloads).reversed())
                        .thenComparing(Comparator.comparingLong(ModelCard::likes).reversed()))
                .toList();
        return new TaskModels(task, ranked, List.copyOf(remote), List.copyOf(unavailable.values()), beats.size());
    }

    private Collection<ExecutorHeartbeat> fresh(Instant now) {
        Instant cutoff = now.minus(ttl);
        live.values().removeIf(h -> h.at().isBefore(cutoff));
        return List.copyOf(live.values());
    }
}

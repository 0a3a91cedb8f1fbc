package dev.hugginggpt.selector.catalog;

import dev.hugginggpt.protocol.ExecutorHeartbeat;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.selector.config.SelectorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** What the live executors can run, from their heartbeats on hg.executors. */
@ApplicationScoped
public class ExecutorRegistry {
    private final Map<String, ExecutorHeartbeat> live = new ConcurrentHashMap<>();
    private final SelectorConfig config;

    public ExecutorRegistry(SelectorConfig config) {
        this.config = config;
    }

    public void record(ExecutorHeartbeat heartbeat) {
        if (heartbeat.stopping()) {
            live.remove(heartbeat.instanceId());
        } else {
            live.put(heartbeat.instanceId(), heartbeat);
        }
    }

    private Collection<ExecutorHeartbeat> fresh() {
        Instant cutoff = Instant.now().minus(config.executorTtl());
        live.values().removeIf(h -> h.at().isBefore(cutoff));
        return live.values();
    }

    public List<ModelCard> localModels(String task) {
        Map<String, ModelCard> models = new LinkedHashMap<>();
        for (ExecutorHeartbeat h : fresh()) {
            h.localModels().stream().filter(m -> m.task().equals(task)).forEach(m -> models.putIfAbsent(m.id(), m));
        }
        return List.copyOf(models.values());
    }

    /**
     * Why the local models of this task type that live executors know but cannot run are unavailable, by model id
     * ("espeak-ng is not installed: apt-get install espeak-ng"); a model some live executor runs is not among them.
     */
    public Map<String, String> unavailableModels(String task) {
        Map<String, String> reasons = new LinkedHashMap<>();
        Collection<ExecutorHeartbeat> beats = fresh();
        Set<String> offered = new TreeSet<>();
        beats.forEach(h -> h.localModels().forEach(m -> offered.add(m.id())));
        for (ExecutorHeartbeat h : beats) {
            h.unavailableModels().stream().filter(m -> m.task().equals(task) && !offered.contains(m.id()))
                    .forEach(m -> reasons.putIfAbsent(m.id(), m.reason()));
        }
        return reasons;
    }

    public Set<String> remoteBackends() {
        Set<String> backends = new TreeSet<>();
        fresh().forEach(h -> backends.addAll(h.remoteBackends()));
        return backends;
    }

    public int liveExecutors() {
        return fresh().size();
    }

    /** The latest heartbeat of every live executor. */
    public List<ExecutorHeartbeat> live() {
        return List.copyOf(fresh());
    }
}

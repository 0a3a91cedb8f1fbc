package dev.hugginggpt.planner.catalog;

import dev.hugginggpt.protocol.Channels;
import dev.hugginggpt.protocol.ExecutorHeartbeat;
import dev.hugginggpt.protocol.InvalidRecord;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskType;
import dev.hugginggpt.protocol.TaskVocabulary;
import dev.hugginggpt.protocol.Topics;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The task types the configured backends serve, from the executors' heartbeats: the types of the models
 * live executors announce (their local models and the remote models they can call), and every type when an
 * executor has the Hugging Face backend (its catalog covers them all). The LLM planner lists only these;
 * before any executor has been heard from, every known type.
 */
@ApplicationScoped
public class ServedTaskTypes {
    static final Duration LIVENESS = Duration.ofSeconds(30);

    private final Map<String, ExecutorHeartbeat> live = new ConcurrentHashMap<>();

    /** On the consumer's event loop: a heartbeat is recorded at once, never queued behind busy worker threads. */
    @Incoming(Channels.EXECUTORS)
    @NonBlocking
    public void onHeartbeat(ExecutorHeartbeat heartbeat) {
        InvalidRecord.require(heartbeat, Topics.EXECUTORS);
        if (heartbeat.stopping()) {
            live.remove(heartbeat.instanceId());
        } else {
            live.put(heartbeat.instanceId(), heartbeat);
        }
    }

    /**
     * The models the live executors announce, by task type in the vocabulary's order; an executor with the Hugging Face
     * backend adds that backend for every type. Empty when no live executor is known.
     */
    public Map<String, List<ModelCard>> modelsByTask(Instant now) {
        live.values().removeIf(h -> h.at().isBefore(now.minus(LIVENESS)));
        boolean huggingFace = live.values().stream().anyMatch(h -> h.remoteBackends() != null && h.remoteBackends().contains("huggingface"));
        Map<String, List<ModelCard>> byTask = new java.util.LinkedHashMap<>();
        for (TaskType type : TaskVocabulary.all()) {
            List<ModelCard> models = new java.util.ArrayList<>(live.values().stream()
                    .flatMap(h -> h.localModels().stream())
                    .filter(m -> TaskVocabulary.normalize(m.task()).equals(type.name()))
                    .distinct()
                    .toList());
            if (huggingFace) {
                models.add(new ModelCard("the Hugging Face Inference API", type.name(), "huggingface", 0, 0, "", ""));
            }
            if (!models.isEmpty()) {
                byTask.put(type.name(), List.copyOf(models));
            }
        }
        return byTask;
    }

    /** The served types in the vocabulary's order; all of them when no live executor is known. */
    public List<TaskType> types(Instant now) {
        live.values().removeIf(h -> h.at().isBefore(now.minus(LIVENESS)));
        if (live.values().stream().anyMatch(h -> h.remoteBackends() != null && h.remoteBackends().contains("huggingface"))) {
            return TaskVocabulary.all();
        }
        Set<String> served = live.values().stream()
                .flatMap(h -> h.localModels().stream())
                .map(ModelCard::task)
                .map(TaskVocabulary::normalize)
                .collect(Collectors.toSet());
        if (served.isEmpty()) {
            return TaskVocabulary.all();
        }
        return TaskVocabulary.all().stream().filter(t -> served.contains(t.name())).toList();
    }
}

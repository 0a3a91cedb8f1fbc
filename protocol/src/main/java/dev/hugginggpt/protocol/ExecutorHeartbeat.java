package dev.hugginggpt.protocol;

import java.time.Instant;
import java.util.List;

/**
 * hg.executors: an executor instance announces the models it can run right now, the remote backends it has
 * configured, the hg.tasks partitions it consumes and how many tasks it runs at once. The selector chooses only
 * among models some live executor offers, and sends a ready task to a partition whose executor has a free slot.
 * {@code unavailableModels} are the local models it knows but cannot run on its machine, each with the reason (absent
 * in older executors' heartbeats, and ignored by older selectors).
 */
public record ExecutorHeartbeat(String instanceId, List<ModelCard> localModels, List<String> remoteBackends,
        Instant at, boolean stopping, List<Integer> taskPartitions, int slots,
        List<UnavailableModel> unavailableModels) implements Checked {

    public ExecutorHeartbeat {
        localModels = localModels == null ? List.of() : localModels;
        unavailableModels = unavailableModels == null ? List.of() : unavailableModels;
        remoteBackends = remoteBackends == null ? List.of() : remoteBackends;
        taskPartitions = taskPartitions == null ? List.of() : taskPartitions;
    }

    @Override
    public List<String> problems() {
        return new Problems().requireText(instanceId, "instance id").require(at != null, "no time")
                .require(localModels.stream().allMatch(m -> m != null && m.id() != null
                        && m.task() != null && m.backend() != null), "a model card without an id, task or backend")
                .require(remoteBackends.stream().allMatch(java.util.Objects::nonNull),
                        "a null remote backend")
                .require(taskPartitions.stream().allMatch(p -> p != null && p >= 0), "a partition that is not a number >= 0")
                .require(slots >= 0, "negative slots")
                .require(unavailableModels.stream().allMatch(m -> m != null && m.id() != null && m.task() != null
                        && m.reason() != null), "an unavailable model without an id, task or reason")
                .list();
    }

    /** A heartbeat that names no unavailable model. */
    public ExecutorHeartbeat(String instanceId, List<ModelCard> localModels, List<String> remoteBackends, Instant at,
            boolean stopping, List<Integer> taskPartitions, int slots) {
        this(instanceId, localModels, remoteBackends, at, stopping, taskPartitions, slots, List.of());
    }

    /** A heartbeat that says nothing of partitions and slots (as older executors send). */
    public ExecutorHeartbeat(String instanceId, List<ModelCard> localModels, List<String> remoteBackends, Instant at,
            boolean stopping) {
        this(instanceId, localModels, remoteBackends, at, stopping, List.of(), 0, List.of());
    }
}

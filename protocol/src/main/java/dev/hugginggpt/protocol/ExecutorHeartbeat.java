package dev.hugginggpt.protocol;

import java.time.Instant;
import java.util.List;

/**
 * hg.executors: an executor instance announces the models it can run right now, the remote backends it has
 * configured, the hg.tasks partitions it consumes and how many tasks it runs at once. The selector chooses only
 * among models some live executor offers, and sends a ready task to a partition whose executor has a free slot.
 */
public record ExecutorHeartbeat(String instanceId, List<ModelCard> localModels, List<String> remoteBackends,
        Instant at, boolean stopping, List<Integer> taskPartitions, int slots) {

    public ExecutorHeartbeat {
        taskPartitions = taskPartitions == null ? List.of() : List.copyOf(taskPartitions);
    }

    /** A heartbeat that says nothing of partitions and slots (as older executors send). */
    public ExecutorHeartbeat(String instanceId, List<ModelCard> localModels, List<String> remoteBackends, Instant at,
            boolean stopping) {
        this(instanceId, localModels, remoteBackends, at, stopping, List.of(), 0);
    }
}

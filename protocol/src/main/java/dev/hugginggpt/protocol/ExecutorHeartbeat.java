package dev.hugginggpt.protocol;

import java.time.Instant;
import java.util.List;

/**
 * hg.executors: an executor instance announces the models it can run right now and the remote
 * backends it has configured. The selector chooses only among models some live executor offers.
 */
public record ExecutorHeartbeat(String instanceId, List<ModelCard> localModels, List<String> remoteBackends,
        Instant at, boolean stopping) {
}

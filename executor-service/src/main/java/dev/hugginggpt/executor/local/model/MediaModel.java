package dev.hugginggpt.executor.local.model;

import dev.hugginggpt.protocol.resources.ResourceStore;

/**
 * A local model that reads images or recordings from the resource store, each refused over the {@link MediaLimits}
 * before it is decoded, and stores the files it makes there.
 */
public abstract class MediaModel extends AbstractLocalModel {
    protected final ResourceStore store;
    protected final MediaLimits limits;

    protected MediaModel(ResourceStore store, MediaLimits limits, String id, String task, String description,
            String license) {
        super(id, task, description, license);
        this.store = store;
        this.limits = limits;
    }
}

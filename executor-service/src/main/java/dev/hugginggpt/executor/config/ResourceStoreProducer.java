package dev.hugginggpt.executor.config;

import dev.hugginggpt.protocol.resources.ResourceStore;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;

/** The resource store in {@code hg.resources.dir}, the directory the gateway and the executors share. */
public class ResourceStoreProducer {
    @ConfigMapping(prefix = "hg.resources")
    public interface ResourcesConfig {
        /** Where uploaded and produced files are kept (HG_RESOURCES_DIR). */
        String dir();
    }

    @Produces
    @ApplicationScoped
    ResourceStore store(ResourcesConfig config) {
        return new ResourceStore(Path.of(config.dir()));
    }
}

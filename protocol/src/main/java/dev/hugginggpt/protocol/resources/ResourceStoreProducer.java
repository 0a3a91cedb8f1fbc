package dev.hugginggpt.protocol.resources;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The resource store in {@code hg.resources.dir} (HG_RESOURCES_DIR), the directory the gateway and the executors share.
 * A service that injects no store (the planner, the selector) neither reads the setting nor makes the directory.
 */
public class ResourceStoreProducer {
    @Produces
    @ApplicationScoped
    ResourceStore store(@ConfigProperty(name = "hg.resources.dir") String dir) {
        return new ResourceStore(Path.of(dir));
    }
}

package dev.hugginggpt.gateway.config;

import dev.hugginggpt.protocol.resources.ResourceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

public class ResourceStoreProducer {
    @Produces
    @ApplicationScoped
    ResourceStore store(@ConfigProperty(name = "hg.resources.dir") String dir) {
        return new ResourceStore(Path.of(dir));
    }
}

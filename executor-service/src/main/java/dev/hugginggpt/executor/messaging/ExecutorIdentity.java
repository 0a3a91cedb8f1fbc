package dev.hugginggpt.executor.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class ExecutorIdentity {
    private final String id;

    public ExecutorIdentity(@ConfigProperty(name = "hg.executor.instance-id") java.util.Optional<String> configured) {
        this.id = configured.filter(c -> !c.isBlank()).orElse("executor-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public String id() {
        return id;
    }
}

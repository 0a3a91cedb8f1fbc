package dev.hugginggpt.executor.messaging;

import dev.hugginggpt.executor.config.ExecutorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ExecutorIdentity {
    private final String id;

    public ExecutorIdentity(ExecutorConfig config) {
        this.id = config.instanceId().filter(c -> !c.isBlank()).orElse("executor-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public String id() {
        return id;
    }
}

package dev.hugginggpt.executor.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class ExecutorIdentity {
    private final String id;

    public ExecutorIdentity(@ConfigProperty(name = "hg.executor.instance-id", defaultValue = "") String configured) {
        this.id = configured.isBlank() ? "executor-" + UUID.randomUUID().toString().substring(0, 8) : configured;
    }

    public String id() {
        return id;
    }
}

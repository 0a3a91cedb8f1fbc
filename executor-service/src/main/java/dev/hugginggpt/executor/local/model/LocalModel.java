package dev.hugginggpt.executor.local.model;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskOutput;
import java.time.Duration;
import java.util.Map;

/** A model that runs on this machine: in the JVM, or as a packaged program. */
public interface LocalModel {
    ModelCard card();

    /** Whether its program or weights are installed here; checked at start-up. */
    boolean available();

    /** Loads in-process weights now instead of on the first task; packaged programs start per task and load nothing. */
    default void load() throws ModelException {
    }

    TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException;
}

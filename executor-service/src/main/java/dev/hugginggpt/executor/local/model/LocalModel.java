package dev.hugginggpt.executor.local.model;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskOutput;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A model that runs on this machine: in the JVM, or as a packaged program. */
public interface LocalModel {
    ModelCard card();

    /** Whether its program or weights are installed here; checked at start-up. */
    default boolean available() {
        return unavailableReason().isEmpty();
    }

    /**
     * Why it cannot run on this machine, naming what to install ("espeak-ng is not installed: apt-get install
     * espeak-ng"); empty when it can. The executor announces the reason, so a task of its type fails with it.
     */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /** Loads in-process weights now instead of on the first task; packaged programs start per task and load nothing. */
    default void load() throws ModelException {
    }

    /**
     * Readies it before the first task, so that the first is as quick as the next: loads in-process weights; a model
     * whose first call costs more than loading (a program's data read, a list it reads once) does that too.
     */
    default void warmUp() throws ModelException {
        load();
    }

    TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException;
}

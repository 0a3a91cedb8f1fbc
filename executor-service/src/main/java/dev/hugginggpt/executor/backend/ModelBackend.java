package dev.hugginggpt.executor.backend;

import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.UnavailableModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A way to run models: in this process or on this machine (local), or a remote inference service. */
public interface ModelBackend {
    String name();

    /** Whether this backend is configured on this instance; a disabled backend runs and announces nothing. */
    default boolean enabled() {
        return true;
    }

    /** Models this backend runs on this instance now; remote backends announce themselves instead. */
    List<ModelCard> localModels();

    /** Models this backend knows but cannot run on this instance, each with the reason (what to install). */
    default List<UnavailableModel> unavailableModels() {
        return List.of();
    }

    boolean isRemote();

    boolean canRun(String modelId);

    TaskOutput run(TaskDispatch task, Duration timeLeft) throws ModelException;

    /**
     * Whether it stands in for the real models (the pipeline benchmark's {@code bench} backend): while one is enabled,
     * the instance runs and announces only the stand-ins, so that no task reaches a real model.
     */
    default boolean standIn() {
        return false;
    }

    /** The backends an instance uses: the enabled ones, or only the enabled stand-ins when there are any. */
    static List<ModelBackend> inUse(Iterable<ModelBackend> backends) {
        List<ModelBackend> enabled = new ArrayList<>();
        backends.forEach(backend -> {
            if (backend.enabled()) {
                enabled.add(backend);
            }
        });
        List<ModelBackend> standIns = enabled.stream().filter(ModelBackend::standIn).toList();
        return standIns.isEmpty() ? List.copyOf(enabled) : standIns;
    }
}

package dev.hugginggpt.executor.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.TaskOutput;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which backends an executor uses: a stand-in backend, while it is on, replaces the real ones. */
class ModelBackendTest {
    private final ModelBackend local = backend("local", true, false);
    private final ModelBackend huggingFace = backend("huggingface", true, false);
    private final ModelBackend unconfigured = backend("openai", false, false);

    @Test
    void everyEnabledBackendIsUsedWhenNoStandInIsOn() {
        ModelBackend benchOff = backend("bench", false, true);

        assertEquals(List.of(local, huggingFace), ModelBackend.inUse(List.of(local, huggingFace, unconfigured, benchOff)));
    }

    @Test
    void anEnabledStandInReplacesEveryRealBackend() {
        ModelBackend benchOn = backend("bench", true, true);

        assertEquals(List.of(benchOn), ModelBackend.inUse(List.of(local, benchOn, huggingFace, unconfigured)));
    }

    private static ModelBackend backend(String name, boolean enabled, boolean standIn) {
        return new ModelBackend() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public boolean standIn() {
                return standIn;
            }

            @Override
            public List<ModelCard> localModels() {
                return List.of();
            }

            @Override
            public boolean isRemote() {
                return false;
            }

            @Override
            public boolean canRun(String modelId) {
                return false;
            }

            @Override
            public TaskOutput run(TaskDispatch task, Duration timeLeft) {
                throw new UnsupportedOperationException(name);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}

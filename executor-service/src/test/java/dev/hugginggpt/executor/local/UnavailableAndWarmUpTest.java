package dev.hugginggpt.executor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.LocalModel;
import dev.hugginggpt.executor.local.runtime.Programs;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.UnavailableModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A model that cannot run here is announced with what to install; the named models are warmed up at start. */
class UnavailableAndWarmUpTest {
    private final List<String> warmedUp = new ArrayList<>();

    private LocalModel model(String id, Optional<String> missing, boolean failsToWarm) {
        return new LocalModel() {
            @Override
            public ModelCard card() {
                return new ModelCard(id, "text-to-speech", "local", 0, 0, "a test model", "MIT");
            }

            @Override
            public Optional<String> unavailableReason() {
                return missing;
            }

            @Override
            public void warmUp() throws ModelException {
                warmedUp.add(id);
                if (failsToWarm) {
                    throw new ModelException("its program crashed");
                }
            }

            @Override
            public TaskOutput run(Map<String, String> args, Duration timeLeft) {
                return TaskOutput.text("ran " + id, Map.of());
            }
        };
    }

    @Test
    void aMissingProgramIsNamedWithTheCommandThatInstallsIt() {
        assertEquals(Optional.of("hg-no-such-program is not installed: apt-get install hg-no-such-package"),
                Programs.missing("hg-no-such-program", "hg-no-such-package"));
        assertEquals(Optional.empty(), Programs.missing("sh", "dash"), "sh is on every PATH");
    }

    @Test
    void aModelThatCannotRunIsNotOfferedButAnnouncedWithItsReason() {
        LocalBackend backend = new LocalBackend(List.of(
                model("local/speaks", Optional.empty(), false),
                model("local/mute", Optional.of("mute is not installed: apt-get install mute"), false)));

        assertEquals(List.of("local/speaks"), backend.localModels().stream().map(ModelCard::id).toList());
        assertFalse(backend.canRun("local/mute"));
        assertEquals(List.of(new UnavailableModel("local/mute", "text-to-speech", "mute is not installed: apt-get install mute")),
                backend.unavailableModels());
        TaskDispatch task = new TaskDispatch("r", 0, "text-to-speech", Map.of("text", "hi"),
                new ModelChoice("local/mute", "local", "test"), List.of(), 0, null, null);
        ModelException error = assertThrows(ModelException.class, () -> backend.run(task, Duration.ofSeconds(1)));
        assertTrue(error.getMessage().contains("local/mute"), error.getMessage());
    }

    @Test
    void warmsUpOnlyTheNamedModelsOrAllAndAFailureDoesNotStopTheOthers() {
        LocalBackend backend = new LocalBackend(List.of(model("local/a", Optional.empty(), true),
                model("local/b", Optional.empty(), false), model("local/c", Optional.empty(), false)));

        assertEquals(List.of("local/b"), backend.warmUp(Set.of("local/b", "local/not-here")));
        assertEquals(List.of("local/b"), warmedUp);

        warmedUp.clear();
        assertEquals(List.of("local/b", "local/c"), backend.warmUp(Set.of("all")));
        assertEquals(List.of("local/a", "local/b", "local/c"), warmedUp, "local/a was tried, and failed");
        assertTrue(backend.warmUp(Set.of()).isEmpty());
    }
}

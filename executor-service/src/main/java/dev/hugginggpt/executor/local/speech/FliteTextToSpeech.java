package dev.hugginggpt.executor.local.speech;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.AbstractLocalModel;
import dev.hugginggpt.executor.local.model.Inputs;
import dev.hugginggpt.executor.local.runtime.Programs;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** text-to-speech with Flite's "slt" voice (Debian package, BSD-style licence): natural English, WAV out. */
public final class FliteTextToSpeech extends AbstractLocalModel {
    private final ResourceStore store;

    public FliteTextToSpeech(ResourceStore store) {
        super("local/flite-slt", "text-to-speech",
                "Flite (CMU) speech synthesizer with the slt voice: reads English text aloud as a WAV file",
                "BSD-like (CMU Flite)");
        this.store = store;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Programs.missing("flite", "flite");
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        String text = Inputs.text(args);
        ResourceRef ref = SpeechFiles.synthesize(store, wav -> {
            Path input = Files.createTempFile("hg-flite", ".txt");
            try {
                Files.writeString(input, text);
                Programs.run(List.of("flite", "-voice", "slt", "-f", input.toString(), "-o", wav.toString()), null, timeLeft);
            } finally {
                Files.deleteIfExists(input);
            }
        });
        return TaskOutput.file(ref, Map.of("voice", "slt", "characters", text.length()));
    }
}

package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ModelCard;
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
final class FliteTextToSpeech implements LocalModel {
    private final ResourceStore store;

    FliteTextToSpeech(ResourceStore store) {
        this.store = store;
    }

    @Override
    public ModelCard card() {
        return new ModelCard("local/flite-slt", "text-to-speech", "local", 0, 0,
                "Flite (CMU) speech synthesizer with the slt voice: reads English text aloud as a WAV file",
                "BSD-like (CMU Flite)");
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

package dev.hugginggpt.executor.local.speech;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lets a synthesizer write a WAV to a temporary file, then stores it as a resource. */
final class SpeechFiles {
    interface Synthesis {
        void writeTo(Path wav) throws ModelException, IOException;
    }

    private SpeechFiles() {
    }

    static ResourceRef synthesize(ResourceStore store, Synthesis synthesis) throws ModelException {
        Path wav = null;
        try {
            wav = Files.createTempFile("hg-tts", ".wav");
            synthesis.writeTo(wav);
            return store.save(wav, "speech.wav", "audio/wav");
        } catch (IOException e) {
            throw new ModelException("could not store the speech: " + e.getMessage(), e);
        } finally {
            if (wav != null) {
                wav.toFile().delete();
            }
        }
    }
}

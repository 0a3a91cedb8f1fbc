package dev.hugginggpt.executor.local.speech;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.Inputs;
import dev.hugginggpt.executor.local.model.MediaLimits;
import dev.hugginggpt.executor.local.model.MediaModel;
import dev.hugginggpt.executor.local.runtime.Deadline;
import dev.hugginggpt.executor.local.runtime.Programs;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * automatic-speech-recognition with CMU PocketSphinx and its US English model (Debian packages,
 * BSD-2-Clause). Input audio is converted to 16 kHz mono 16-bit WAV with sox first.
 */
public final class PocketsphinxSpeechRecognition extends MediaModel {
    public PocketsphinxSpeechRecognition(ResourceStore store, MediaLimits limits) {
        super(store, limits, "local/pocketsphinx-en-us", "automatic-speech-recognition",
                "CMU PocketSphinx speech recognizer with the US English acoustic and language model: transcribes"
                        + " English speech in an audio file to text", "BSD-2-Clause");
    }

    @Override
    public Optional<String> unavailableReason() {
        return Programs.missing("pocketsphinx_continuous", "pocketsphinx pocketsphinx-en-us")
                .or(() -> Programs.missing("sox", "sox"));
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        Deadline deadline = Deadline.in(timeLeft);
        Path audio = Inputs.audio(args, "audio", store, limits, deadline.left());
        Path wav16k = null;
        try {
            wav16k = Files.createTempFile("hg-asr", ".wav");
            // -D: no dither, which sox adds at random when it resamples, and which made the same audio's transcript
            // differ from one run to the next; trim: never more than the limit, whatever the header said
            Programs.run(List.of("sox", "-D", audio.toString(), "-r", "16000", "-c", "1", "-b", "16", "-e",
                    "signed-integer", wav16k.toString(), "trim", "0", limits.soxSeconds()), null, deadline.left());
            String transcript = Programs.run(List.of("pocketsphinx_continuous", "-infile", wav16k.toString(),
                    "-logfn", "/dev/null"), null, deadline.left()).replaceAll("\\s+", " ").strip();
            return TaskOutput.text(transcript, Map.of("sampleRate", 16000));
        } catch (IOException e) {
            throw new ModelException("could not prepare the audio: " + e.getMessage(), e);
        } finally {
            if (wav16k != null) {
                wav16k.toFile().delete();
            }
        }
    }
}

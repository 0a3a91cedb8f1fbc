package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** text-to-speech with espeak-ng (Debian package, GPL-3.0): formant synthesis, 100+ languages, WAV out. */
final class EspeakTextToSpeech implements LocalModel {
    private final ResourceStore store;
    /** The language of a text the task names no language for. */
    private final OpenNlpLanguageDetector languages;

    EspeakTextToSpeech(ResourceStore store, OpenNlpLanguageDetector languages) {
        this.store = store;
        this.languages = languages;
    }

    @Override
    public ModelCard card() {
        return new ModelCard("local/espeak-ng", "text-to-speech", "local", 0, 0,
                "espeak-ng speech synthesizer: reads text aloud as a WAV file, in more than 100 languages and accents"
                        + " (argument 'language' picks the voice, e.g. fr, es, ko; else the language detected in the text)", "GPL-3.0");
    }

    @Override
    public boolean available() {
        return Programs.installed("espeak-ng");
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        String text = Inputs.text(args);
        String voice = SpeechVoices.voiceFor(args.get("language"), text, languages);
        ResourceRef ref = SpeechFiles.synthesize(store, wav -> Programs.run(List.of("espeak-ng", "-v",
                voice, "-w", wav.toString(), "--stdin"), text, timeLeft));
        return TaskOutput.file(ref, Map.of("voice", voice, "characters", text.length()));
    }
}

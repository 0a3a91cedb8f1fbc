package dev.hugginggpt.executor.local.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.Transcripts;
import dev.hugginggpt.executor.local.model.MediaLimits;
import dev.hugginggpt.executor.local.runtime.Programs;
import dev.hugginggpt.executor.local.text.OpenNlpLanguageDetector;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechModelsTest {
    private static final Duration TIME = Duration.ofSeconds(60);
    private static final String SENTENCE = "please call me tomorrow morning at the office";
    @TempDir
    Path dir;
    ResourceStore store;

    @BeforeEach
    void setUp() {
        store = new ResourceStore(dir);
    }

    @Test
    void fliteSpeechIsTranscribedBackByPocketsphinx() throws ModelException {
        assumeTrue(Programs.installed("flite") && Programs.installed("pocketsphinx_continuous") && Programs.installed("sox"));
        ResourceRef speech = new FliteTextToSpeech(store).run(Map.of("text", SENTENCE), TIME).resources().get(0);

        String heard = transcribe(speech.id());

        assertTrue(Transcripts.sharedWords(SENTENCE, heard) >= 0.6, "heard: " + heard);
    }

    @Test
    void mp3AudioIsDecodedBeforeRecognition() throws Exception {
        assumeTrue(Programs.installed("flite") && Programs.installed("pocketsphinx_continuous") && Programs.installed("sox"));
        ResourceRef speech = new FliteTextToSpeech(store).run(Map.of("text", SENTENCE), TIME).resources().get(0);
        Path mp3 = dir.resolve("speech.mp3");
        Programs.run(List.of("sox", store.path(speech.id()).orElseThrow().toString(), mp3.toString()), null, TIME);
        String id = store.save(mp3, "speech.mp3", "audio/mpeg").id();

        assertTrue(Transcripts.sharedWords(SENTENCE, transcribe(id)) >= 0.6);
    }

    @Test
    void theSameRecordingIsTranscribedTheSameEveryTime() throws ModelException {
        assumeTrue(Programs.installed("espeak-ng") && Programs.installed("pocketsphinx_continuous") && Programs.installed("sox"));
        // espeak-ng writes 22.05 kHz: the recognizer's 16 kHz copy is resampled, where sox would add random dither
        String id = espeak().run(Map.of("text", SENTENCE, "language", "en"), TIME).resources().get(0).id();

        Set<String> transcripts = new java.util.HashSet<>();
        for (int i = 0; i < 4; i++) {
            transcripts.add(transcribe(id));
        }

        assertEquals(1, transcripts.size(), "transcripts: " + transcripts);
    }

    @Test
    void espeakWritesAWavLongEnoughForTheSentence() throws Exception {
        assumeTrue(Programs.installed("espeak-ng") && Programs.installed("sox"));
        TaskOutput out = espeak().run(Map.of("text", SENTENCE, "language", "en"), TIME);
        Path wav = store.path(out.resources().get(0).id()).orElseThrow();

        double seconds = Double.parseDouble(Programs.run(List.of("soxi", "-D", wav.toString()), null, TIME).strip());

        assertEquals("RIFF", new String(Files.readAllBytes(wav), 0, 4));
        assertTrue(seconds > 1.5 && seconds < 8, "duration " + seconds);
    }

    @Test
    void espeakSpeaksTheLanguageItDetectsOrIsGiven() throws Exception {
        assumeTrue(Programs.installed("espeak-ng"));
        EspeakTextToSpeech espeak = espeak();

        TaskOutput german = espeak.run(Map.of("text", "Guten Morgen, wie geht es dir heute? Das Wetter ist schön."), TIME);
        assertEquals(List.of("de", "German", "detected"), voice(german));
        assertEquals(null, german.text(), "no note when the language has its voice");
        assertEquals(List.of("fr", "French", "detected"), voice(espeak.run(Map.of("text", "Bonjour tout le monde"), TIME)));
        assertEquals(List.of("it", "Italian", "detected"), voice(espeak.run(Map.of("text", "Ciao a tutti, come state?"), TIME)),
                "close scores: the widely written language of the first ranks");
        assertEquals(List.of("es", "Spanish", "detected"),
                voice(espeak.run(Map.of("text", "Buenos días a todos, ¿cómo están ustedes?"), TIME)));
        assertEquals(List.of("ko", "Korean", "detected"), voice(espeak.run(Map.of("text", "안녕하세요, 만나서 반갑습니다."), TIME)));
        assertEquals(List.of("es", "Spanish", "argument"),
                voice(espeak.run(Map.of("text", "Guten Morgen", "language", "Spanish"), TIME)));
        assertEquals(List.of("fr-fr", "fr-fr", "argument"), voice(espeak.run(Map.of("text", "Salut", "language", "fr-fr"), TIME)));
        assertEquals(List.of("de", "German", "argument"), voice(espeak.run(Map.of("text", "Hallo", "language", "deu"), TIME)));
        // too short to tell: English, as before
        assertEquals(List.of("en", "English", "default"), voice(espeak.run(Map.of("text", "Ciao"), TIME)));
    }

    @Test
    void aLanguageWithNoVoiceIsReadInEnglishAndTheResultSaysSo() throws Exception {
        assumeTrue(Programs.installed("espeak-ng"));

        TaskOutput zulu = espeak().run(Map.of("text", "Sawubona", "language", "Zulu"), TIME);
        TaskOutput nonsense = espeak().run(Map.of("text", "Hello there", "language", "Klingonese"), TIME);

        assertEquals("en", zulu.data().get("voice"));
        assertEquals("espeak-ng has no voice for Zulu (argument); read with the English voice", zulu.text());
        assertEquals(zulu.text(), zulu.data().get("note"));
        assertEquals(1, zulu.resources().size(), "the speech is still made");
        assertEquals("en", nonsense.data().get("voice"));
        assertTrue(nonsense.text().contains("'Klingonese' is no language"), nonsense.text());
    }

    private EspeakTextToSpeech espeak() {
        return new EspeakTextToSpeech(store, new OpenNlpLanguageDetector());
    }

    private static List<Object> voice(TaskOutput out) {
        return List.of(out.data().get("voice"), out.data().get("language"), out.data().get("languageFrom"));
    }

    private String transcribe(String audioId) throws ModelException {
        return new PocketsphinxSpeechRecognition(store, MediaLimits.DEFAULTS).run(Map.of("audio", audioId), TIME).text();
    }
}

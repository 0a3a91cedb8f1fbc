package dev.hugginggpt.executor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hugginggpt.executor.backend.InputRejected;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.TaskVocabulary;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings are measured on their header and refused above the length limit before sox or pocketsphinx decode them. */
class AudioLimitsTest {
    private static final Duration TIME = Duration.ofSeconds(60);
    private static final String FIFTEEN_MINUTES_REFUSED = "the recording lasts 900 s (15 min); at most 600 s (10 min) are accepted";
    @TempDir
    Path dir;
    ResourceStore store;

    @BeforeEach
    void setUp() {
        assumeTrue(Programs.installed("sox") && Programs.installed("soxi"), "sox is installed by .ci/run");
        store = new ResourceStore(dir);
    }

    @Test
    void fifteenMinutesOfWavAreRefusedByEveryAudioModelAtOnce() throws Exception {
        String id = store.save(silence(dir.resolve("long.wav"), 900), "long.wav", "audio/wav").id();
        List<LocalModel> models = LocalBackend.all(store, MediaLimits.DEFAULTS).stream().filter(LocalModel::available)
                .filter(m -> TaskVocabulary.find(m.card().task()).orElseThrow().inputs().contains(MediaKind.AUDIO)).toList();
        assertTrue(models.size() >= 2, "audio models here: " + models.stream().map(m -> m.card().id()).toList());

        for (LocalModel model : models) {
            long start = System.nanoTime();
            InputRejected refused = assertThrows(InputRejected.class, () -> model.run(Map.of("audio", id), TIME));
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("%s refused 15 min of WAV in %d ms%n", model.card().id(), ms);
            assertEquals(FIFTEEN_MINUTES_REFUSED, refused.getMessage(), model.card().id());
            assertTrue(ms < 5000, model.card().id() + " took " + ms + " ms");
        }
    }

    @Test
    void aCompressedRecordingIsMeasuredBySoxi() throws Exception {
        Path flac = dir.resolve("long.flac");
        Programs.run(List.of("sox", "-n", "-r", "8000", "-c", "1", flac.toString(), "trim", "0", "900"), null, TIME);
        assertTrue(Files.size(flac) < 100_000, "15 minutes of silence, " + Files.size(flac) + " bytes of FLAC");
        String id = store.save(flac, "long.flac", "audio/flac").id();

        InputRejected refused = assertThrows(InputRejected.class,
                () -> new PocketsphinxSpeechRecognition(store, MediaLimits.DEFAULTS).run(Map.of("audio", id), TIME));

        assertEquals(FIFTEEN_MINUTES_REFUSED, refused.getMessage());
    }

    @Test
    void aWavHeaderClaimingDaysIsRefused() throws Exception {
        Path wav = silence(dir.resolve("claims.wav"), 1);
        try (RandomAccessFile file = new RandomAccessFile(wav.toFile(), "rw")) {
            file.seek(40); // the data chunk's size, after "data" at 36: 2^31 - 16 bytes, 8000 a second
            file.write(new byte[] {(byte) 0xF0, (byte) 0xFF, (byte) 0xFF, 0x7F});
        }

        InputRejected refused = assertThrows(InputRejected.class, () -> MediaLimits.DEFAULTS.audio(wav, TIME));

        assertEquals("the recording lasts 268435.5 s (4473.9 min); at most 600 s (10 min) are accepted", refused.getMessage());
    }

    @Test
    void theLimitIsInclusiveAndAShortRecordingIsTranscribed() throws Exception {
        assumeTrue(Programs.installed("flite") && Programs.installed("pocketsphinx_continuous"));
        Path three = silence(dir.resolve("three.wav"), 3);
        String sentence = "please call me tomorrow morning at the office";
        String speech = new FliteTextToSpeech(store).run(Map.of("text", sentence), TIME).resources().get(0).id();

        assertEquals(three, new MediaLimits(1, 3).audio(three, TIME));
        assertEquals("the recording lasts 3 s; at most 2.9 s are accepted",
                assertThrows(InputRejected.class, () -> new MediaLimits(1, 2.9).audio(three, TIME)).getMessage());
        String heard = new PocketsphinxSpeechRecognition(store, MediaLimits.DEFAULTS).run(Map.of("audio", speech), TIME).text();
        assertTrue(SpeechModelsTest.sharedWords(sentence, heard) >= 0.6, heard);
    }

    @Test
    void aFileThatIsNotAudioIsRefusedAsInput() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.mp3"), "not a recording");
        Path fake = Files.writeString(dir.resolve("fake.wav"), "RIFF1234WAVEnot really");

        for (Path file : List.of(notes, fake)) {
            InputRejected refused = assertThrows(InputRejected.class, () -> MediaLimits.DEFAULTS.audio(file, TIME));
            assertTrue(refused.getMessage().startsWith("the audio could not be read"), refused.getMessage());
        }
    }

    /** Seconds of 8 kHz 8-bit mono silence as a WAV: 8000 bytes a second. */
    private static Path silence(Path wav, int seconds) throws IOException {
        AudioFormat format = new AudioFormat(8000, 8, 1, true, false);
        byte[] samples = new byte[8000 * seconds];
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(samples), format, samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
        }
        return wav;
    }
}

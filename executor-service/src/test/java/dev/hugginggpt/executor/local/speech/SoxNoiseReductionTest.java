package dev.hugginggpt.executor.local.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hugginggpt.executor.backend.InputRejected;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.MediaLimits;
import dev.hugginggpt.executor.local.runtime.Programs;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speech by flite ("hello there", one second of silence, "good morning") with white noise mixed in by sox; the
 * model must take its noise profile from the pause by itself, then quieten the pause without losing the words.
 */
class SoxNoiseReductionTest {
    private static final Duration TIME = Duration.ofSeconds(60);
    @TempDir
    Path dir;
    ResourceStore store;
    Path clean;
    Path noisy;
    /** Where the first phrase ends and the pause begins, in seconds. */
    double firstPhrase;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Programs.installed("sox") && Programs.installed("flite"), "sox and flite are installed by .ci/run");
        store = new ResourceStore(dir);
        Path first = dir.resolve("first.wav");
        Path second = dir.resolve("second.wav");
        sh("flite", "-voice", "slt", "-t", "hello there", "-o", first.toString());
        sh("flite", "-voice", "slt", "-t", "good morning", "-o", second.toString());
        firstPhrase = seconds(first);
        Path paused = dir.resolve("paused.wav");
        sh("sox", first.toString(), paused.toString(), "pad", "0", "1.0");
        clean = dir.resolve("clean.wav");
        sh("sox", paused.toString(), second.toString(), clean.toString());
        Path noise = dir.resolve("noise.wav");
        sh("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", noise.toString(), "synth", String.valueOf(seconds(clean)),
                "whitenoise", "vol", "0.05");
        noisy = dir.resolve("noisy.wav");
        sh("sox", "-m", "-v", "1", clean.toString(), "-v", "1", noise.toString(), noisy.toString());
    }

    @Test
    void quietensTheNoiseInThePauseAndKeepsTheSpeech() throws Exception {
        TaskOutput out = reduce(store.save(noisy, "noisy.wav", "audio/wav").id());
        Path cleaned = store.path(out.resources().get(0).id()).orElseThrow();

        double pauseBefore = rms(noisy, firstPhrase + 0.2, 0.6);
        double pauseAfter = rms(cleaned, firstPhrase + 0.2, 0.6);
        double speechClean = rms(clean, 0, firstPhrase);
        double speechAfter = rms(cleaned, 0, firstPhrase);
        double reductionDb = 20 * Math.log10(pauseBefore / pauseAfter);
        double speechKeptDb = 20 * Math.log10(speechAfter / speechClean);
        String measured = String.format("pause %.5f -> %.5f (%.1f dB less); speech %.4f clean, %.4f after (%.1f dB)",
                pauseBefore, pauseAfter, reductionDb, speechClean, speechAfter, speechKeptDb);
        assertTrue(reductionDb > 12, measured);
        assertTrue(speechKeptDb > -2.5, measured);
        assertEquals("RIFF", new String(Files.readAllBytes(cleaned), 0, 4));
        assertEquals(seconds(noisy), seconds(cleaned), 0.3, "duration");
        assertEquals(16000, out.data().get("sampleRate"));
        // the profile came from the pause: about a second of quiet, at the level of the noise alone
        double profile = (Double) out.data().get("noiseProfileSeconds");
        assertTrue(profile >= 0.5 && profile <= 1.25, out.data().toString());
        assertEquals(20 * Math.log10(pauseBefore), (Double) out.data().get("noiseLevelDbfs"), 2.0, out.data().toString());
        assertTrue(out.text().startsWith("Reduced the steady background noise with sox noisered (amount 0.21)"), out.text());
    }

    @Test
    void readsOtherFormatsAndCanNormalize() throws Exception {
        Path flac = dir.resolve("noisy.flac");
        sh("sox", noisy.toString(), "-r", "22050", flac.toString());

        TaskOutput out = new SoxNoiseReduction(store, MediaLimits.DEFAULTS).run(Map.of("audio", store.save(flac, "noisy.flac", "audio/flac").id(),
                "normalize", "true"), TIME);

        Path cleaned = store.path(out.resources().get(0).id()).orElseThrow();
        assertEquals(22050, out.data().get("sampleRate"));
        assertTrue(out.text().endsWith("then normalized the peak to -1 dBFS."), out.text());
        double peak = peak(cleaned);
        assertTrue(peak > 0.85 && peak < 0.9, "peak " + peak);
    }

    @Test
    void aFileThatIsNotAudioFails() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "these are not sounds");
        String id = store.save(text, "notes.wav", "audio/wav").id();

        InputRejected e = assertThrows(InputRejected.class, () -> reduce(id));
        assertTrue(e.getMessage().startsWith("the audio could not be read"), e.getMessage());
    }

    @Test
    void aRecordingTooShortForANoiseProfileFails() throws Exception {
        Path blip = dir.resolve("blip.wav");
        sh("sox", noisy.toString(), blip.toString(), "trim", "0", "0.3");

        ModelException e = assertThrows(ModelException.class, () -> reduce(store.save(blip, "blip.wav", "audio/wav").id()));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
    }

    private TaskOutput reduce(String audioId) throws ModelException {
        return new SoxNoiseReduction(store, MediaLimits.DEFAULTS).run(Map.of("audio", audioId), TIME);
    }

    private static void sh(String... command) throws ModelException {
        Programs.run(List.of(command), null, TIME);
    }

    private static double seconds(Path wav) throws ModelException {
        return Double.parseDouble(Programs.run(List.of("soxi", "-D", wav.toString()), null, TIME).strip());
    }

    /** RMS of the first channel of a 16-bit WAV between two times, full scale 1. */
    static double rms(Path wav, double from, double seconds) throws Exception {
        double[] samples = samples(wav, from, seconds);
        double sum = 0;
        for (double s : samples) {
            sum += s * s;
        }
        return Math.sqrt(sum / samples.length);
    }

    private static double peak(Path wav) throws Exception {
        double peak = 0;
        for (double s : samples(wav, 0, 1e6)) {
            peak = Math.max(peak, Math.abs(s));
        }
        return peak;
    }

    private static double[] samples(Path wav, double from, double seconds) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            assertEquals(16, f.getSampleSizeInBits());
            byte[] all = in.readAllBytes();
            int frame = f.getFrameSize();
            int start = (int) Math.round(from * f.getFrameRate());
            int end = (int) Math.min(all.length / frame, Math.round((from + seconds) * f.getFrameRate()));
            double[] out = new double[end - start];
            for (int i = start; i < end; i++) {
                int lo = all[i * frame + (f.isBigEndian() ? 1 : 0)] & 0xFF;
                int hi = all[i * frame + (f.isBigEndian() ? 0 : 1)];
                out[i - start] = (short) (hi << 8 | lo) / 32768.0;
            }
            return out;
        }
    }
}

package dev.hugginggpt.executor.local.speech;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.model.Inputs;
import dev.hugginggpt.executor.local.model.MediaLimits;
import dev.hugginggpt.executor.local.model.MediaModel;
import dev.hugginggpt.executor.local.runtime.Deadline;
import dev.hugginggpt.executor.local.runtime.Programs;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * audio-to-audio speech enhancement with SoX's noise reduction, a spectral noise gate: {@code noiseprof} measures the
 * spectrum of the noise in a sample of it, {@code noisered} then attenuates, in every frequency band and moment, what
 * does not rise above that noise. The noise sample is the quietest part of the recording: it is cut in 0.25 s windows
 * and the quietest of them (at least two, up to a quarter, all within 6 dB of the quietest) are joined. This removes steady noise
 * (hiss, hum, fans); it is not source separation, and cannot remove music, other voices or sudden sounds.
 */
public final class SoxNoiseReduction extends MediaModel {
    static final double WINDOW_SECONDS = 0.25;
    static final double DEFAULT_AMOUNT = 0.21;
    /** Windows whose RMS is below this (about -110 dBFS) are digital silence, not a sample of the noise. */
    private static final double DIGITAL_SILENCE = 3e-6;

    public SoxNoiseReduction(ResourceStore store, MediaLimits limits) {
        super(store, limits, "local/sox-noise-reduction", "audio-to-audio",
                "SoX noise reduction (noiseprof + noisered, a spectral noise gate): cleans steady background noise such"
                        + " as hiss, hum or fan noise out of a noisy speech recording, with the noise profile taken from"
                        + " its quietest part; not source separation: it cannot separate voices or remove music or other"
                        + " changing sounds; 'amount' 0 to 1, default 0.21; 'normalize' true to raise the level to -1 dBFS",
                "GPL-2.0-or-later (SoX)");
    }

    @Override
    public Optional<String> unavailableReason() {
        return Programs.missing("sox", "sox");
    }

    @Override
    public TaskOutput run(Map<String, String> args, Duration timeLeft) throws ModelException {
        Deadline deadline = Deadline.in(timeLeft);
        Path audio = Inputs.audio(args, "audio", store, limits, deadline.left());
        double amount = Inputs.number(args, "amount", DEFAULT_AMOUNT);
        if (!(amount > 0 && amount <= 1)) {
            throw new ModelException("'amount' must be above 0 and at most 1, not " + amount);
        }
        boolean normalize = Boolean.parseBoolean(args.getOrDefault("normalize", "false").strip());
        Path work = null;
        try {
            work = Files.createTempDirectory("hg-denoise");
            Path wav = work.resolve("in.wav");
            // any format sox reads, as 16-bit PCM WAV at its own rate and channels, never longer than the limit
            Programs.run(List.of("sox", audio.toString(), "-b", "16", "-e", "signed-integer", wav.toString(), "trim", "0",
                    limits.soxSeconds()), null, deadline.left());
            NoiseSample sample = quietestPart(wav, work.resolve("noise.wav"));
            Path profile = work.resolve("noise.prof");
            Programs.run(List.of("sox", sample.file().toString(), "-n", "noiseprof", profile.toString()), null, deadline.left());
            Path cleaned = work.resolve("cleaned.wav");
            List<String> command = new ArrayList<>(List.of("sox", wav.toString(), cleaned.toString(), "noisered",
                    profile.toString(), String.valueOf(amount)));
            if (normalize) {
                command.addAll(List.of("norm", "-1"));
            }
            Programs.run(command, null, deadline.left());
            ResourceRef ref = store.save(cleaned, "cleaned.wav", "audio/wav");
            String text = String.format(java.util.Locale.ROOT, "Reduced the steady background noise with sox noisered"
                    + " (amount %.2f), using a noise profile from the quietest %.2f s of the %.2f s recording (noise level"
                    + " %.1f dBFS)%s.", amount, sample.seconds(), sample.duration(), sample.levelDbfs(),
                    normalize ? ", then normalized the peak to -1 dBFS" : "");
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("amount", amount);
            data.put("noiseProfileSeconds", round(sample.seconds()));
            data.put("noiseLevelDbfs", round(sample.levelDbfs()));
            data.put("durationSeconds", round(sample.duration()));
            data.put("sampleRate", sample.sampleRate());
            data.put("channels", sample.channels());
            data.put("normalized", normalize);
            return new TaskOutput(text, List.of(ref), data);
        } catch (IOException e) {
            throw new ModelException("could not process the audio: " + e.getMessage(), e);
        } finally {
            Programs.delete(work);
        }
    }

    record NoiseSample(Path file, double seconds, double levelDbfs, double duration, int sampleRate, int channels) {
    }

    /** Writes the quietest windows of a 16-bit PCM WAV, in their order, as a WAV of their own. */
    static NoiseSample quietestPart(Path wav, Path noise) throws ModelException, IOException {
        AudioFormat format;
        List<double[]> windows = new ArrayList<>();
        int windowFrames;
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            format = in.getFormat();
            windowFrames = Math.max(1, (int) Math.round(format.getFrameRate() * WINDOW_SECONDS));
            byte[] buffer = new byte[windowFrames * format.getFrameSize()];
            for (int index = 0; ; index++) {
                int read = in.readNBytes(buffer, 0, buffer.length);
                if (read < buffer.length) {
                    break;
                }
                windows.add(new double[] {index, rms(buffer, format)});
            }
        } catch (UnsupportedAudioFileException e) {
            throw new ModelException("sox wrote a WAV that Java cannot read: " + e.getMessage(), e);
        }
        if (windows.size() < 2) {
            throw new ModelException("the recording is shorter than " + 2 * WINDOW_SECONDS
                    + " s: too short to take a noise profile from");
        }
        List<double[]> candidates = windows.stream().filter(w -> w[1] > DIGITAL_SILENCE).toList();
        if (candidates.size() < 2) {
            candidates = windows;
        }
        List<double[]> quietest = new ArrayList<>(candidates);
        quietest.sort(Comparator.comparingDouble(w -> w[1]));
        double floor = quietest.get(0)[1];
        int most = Math.max(2, quietest.size() / 4);
        List<double[]> chosen = new ArrayList<>();
        for (double[] w : quietest) {
            if (chosen.size() < 2 || chosen.size() < most && w[1] <= 2 * floor) {
                chosen.add(w);
            }
        }
        chosen.sort(Comparator.comparingDouble(w -> w[0]));
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        double power = 0;
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            byte[] buffer = new byte[windowFrames * format.getFrameSize()];
            int next = 0;
            for (int index = 0; next < chosen.size(); index++) {
                in.readNBytes(buffer, 0, buffer.length);
                if (index == (int) chosen.get(next)[0]) {
                    joined.write(buffer);
                    power += chosen.get(next)[1] * chosen.get(next)[1];
                    next++;
                }
            }
        } catch (UnsupportedAudioFileException e) {
            throw new ModelException("sox wrote a WAV that Java cannot read: " + e.getMessage(), e);
        }
        byte[] bytes = joined.toByteArray();
        try (AudioInputStream out = new AudioInputStream(new ByteArrayInputStream(bytes), format,
                bytes.length / format.getFrameSize())) {
            AudioSystem.write(out, AudioFileFormat.Type.WAVE, noise.toFile());
        }
        double level = Math.sqrt(power / chosen.size());
        return new NoiseSample(noise, chosen.size() * WINDOW_SECONDS, 20 * Math.log10(Math.max(level, 1e-10)),
                windows.size() * WINDOW_SECONDS, Math.round(format.getSampleRate()), format.getChannels());
    }

    /** Root mean square of 16-bit signed samples, full scale 1. */
    private static double rms(byte[] buffer, AudioFormat format) {
        boolean bigEndian = format.isBigEndian();
        double sum = 0;
        int samples = buffer.length / 2;
        for (int i = 0; i < samples; i++) {
            int lo = buffer[2 * i + (bigEndian ? 1 : 0)] & 0xFF;
            int hi = buffer[2 * i + (bigEndian ? 0 : 1)];
            double v = (short) (hi << 8 | lo) / 32768.0;
            sum += v * v;
        }
        return Math.sqrt(sum / samples);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

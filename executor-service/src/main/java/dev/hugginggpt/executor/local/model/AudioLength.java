package dev.hugginggpt.executor.local.model;

import dev.hugginggpt.executor.backend.InputRejected;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.runtime.ProgramFailed;
import dev.hugginggpt.executor.local.runtime.Programs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A recording's length as its file's header states it, read without decoding: javax.sound for WAV, {@code soxi -D}
 * for the other formats sox reads. It is the length sox will decode: sox too stops where a WAV header says the data ends.
 */
final class AudioLength {
    private static final Duration SOXI_TIME = Duration.ofSeconds(10);

    private AudioLength() {
    }

    static double seconds(Path file, Duration timeLeft) throws ModelException {
        if (isWave(file)) {
            try {
                AudioFileFormat header = AudioSystem.getAudioFileFormat(file.toFile());
                float rate = header.getFormat().getFrameRate();
                if (header.getFrameLength() != AudioSystem.NOT_SPECIFIED && rate > 0) {
                    return header.getFrameLength() / (double) rate;
                }
            } catch (UnsupportedAudioFileException e) {
                // a WAV encoding javax.sound does not read (ADPCM, GSM, ...): sox may
            } catch (IOException e) {
                throw new InputRejected("the WAV file could not be read: " + e.getMessage());
            }
        }
        return soxi(file, timeLeft);
    }

    private static double soxi(Path file, Duration timeLeft) throws ModelException {
        String answer;
        try {
            answer = Programs.run(List.of("soxi", "-D", file.toString()), null,
                    timeLeft.compareTo(SOXI_TIME) < 0 ? timeLeft : SOXI_TIME).strip();
        } catch (ProgramFailed e) {
            throw new InputRejected("the audio could not be read: " + e.getMessage());
        }
        double seconds;
        try {
            seconds = Double.parseDouble(answer);
        } catch (NumberFormatException e) {
            throw new InputRejected("the audio's length could not be read: soxi said '" + answer + "'");
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new InputRejected("the recording is empty, or its header does not say how long it is");
        }
        return seconds;
    }

    private static boolean isWave(Path file) throws ModelException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(12);
            return head.length == 12 && Arrays.equals(Arrays.copyOfRange(head, 0, 4), "RIFF".getBytes(StandardCharsets.US_ASCII))
                    && Arrays.equals(Arrays.copyOfRange(head, 8, 12), "WAVE".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new ModelException("could not read the audio file: " + e.getMessage(), e);
        }
    }
}

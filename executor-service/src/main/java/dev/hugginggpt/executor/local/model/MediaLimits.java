package dev.hugginggpt.executor.local.model;

import dev.hugginggpt.executor.backend.InputRejected;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.config.ExecutorLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The largest image and the longest recording a local model accepts. Every model that decodes an image or a recording
 * has its file checked here first, on the header alone, so that a small file cannot unpack into gigabytes of pixels or
 * hours of samples.
 */
public record MediaLimits(long maxImagePixels, double maxAudioSeconds) {
    public static final MediaLimits DEFAULTS = of(ExecutorLimits.DEFAULTS);

    public static MediaLimits of(ExecutorLimits limits) {
        return new MediaLimits(limits.maxImagePixels(), limits.maxAudioSeconds());
    }

    /** The file, once its header shows an image this executor reads with no more pixels than the limit. */
    Path image(Path file) throws ModelException {
        ImageHeader header = ImageHeader.read(file);
        if (header.pixels() > maxImagePixels) {
            String size = header.pages() > 1 ? "the image's " + header.pages() + " pages hold"
                    : "the image is " + header.width() + " × " + header.height() + " =";
            String megapixels = megapixels(header.pixels());
            String most = megapixels(maxImagePixels);
            throw new InputRejected(megapixels.equals(most)
                    ? size + " " + header.pixels() + " pixels; at most " + maxImagePixels + " are accepted"
                    : size + " " + megapixels + " megapixels; at most " + most + " are accepted");
        }
        return file;
    }

    /** The file, once its header shows a recording no longer than the limit. */
    Path audio(Path file, Duration timeLeft) throws ModelException {
        double seconds = AudioLength.seconds(file, timeLeft);
        if (seconds > maxAudioSeconds) {
            throw new InputRejected("the recording lasts " + duration(seconds) + "; at most " + duration(maxAudioSeconds)
                    + " are accepted");
        }
        return file;
    }

    /** The longest recording as sox's {@code trim 0 LENGTH} takes it, for a file whose header understated its length. */
    public String soxSeconds() {
        return String.format(Locale.ROOT, "%.3f", maxAudioSeconds);
    }

    private static String megapixels(long pixels) {
        return decimal(pixels / 1e6);
    }

    private static String duration(double seconds) {
        String s = decimal(seconds) + " s";
        return seconds >= 120 ? s + " (" + decimal(seconds / 60) + " min)" : s;
    }

    private static String decimal(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}

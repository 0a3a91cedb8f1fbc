package dev.hugginggpt.executor.config;

/**
 * What one task may bring in and send out, so that no input can take an executor down: the pixels of an image and
 * the length of a recording a local model accepts (read from the file's header, before any decoding), the characters
 * of text a result carries (the rest goes to a file), and the bytes a remote service's answer may have.
 */
public record ExecutorLimits(long maxImagePixels, double maxAudioSeconds, int maxOutputTextChars,
        long maxRemoteResponseBytes) {
    /** The defaults of application.properties. */
    public static final ExecutorLimits DEFAULTS = new ExecutorLimits(16_000_000L, 600, 100_000, 32L << 20);

    public ExecutorLimits {
        if (maxImagePixels < 1 || !(maxAudioSeconds > 0) || maxOutputTextChars < 100 || maxRemoteResponseBytes < 1024
                || maxRemoteResponseBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("executor limits out of range: " + maxImagePixels + " pixels, "
                    + maxAudioSeconds + " s, " + maxOutputTextChars + " characters, " + maxRemoteResponseBytes + " bytes");
        }
    }
}

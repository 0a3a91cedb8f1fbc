package dev.hugginggpt.executor.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@link ExecutorLimits} from {@code hg.executor.max-*}. */
public class ExecutorLimitsProducer {
    @Produces
    @Singleton
    ExecutorLimits limits(@ConfigProperty(name = "hg.executor.max-image-pixels") long maxImagePixels,
            @ConfigProperty(name = "hg.executor.max-audio-seconds") double maxAudioSeconds,
            @ConfigProperty(name = "hg.executor.max-output-text-chars") int maxOutputTextChars,
            @ConfigProperty(name = "hg.executor.max-remote-response-bytes") long maxRemoteResponseBytes) {
        return new ExecutorLimits(maxImagePixels, maxAudioSeconds, maxOutputTextChars, maxRemoteResponseBytes);
    }
}

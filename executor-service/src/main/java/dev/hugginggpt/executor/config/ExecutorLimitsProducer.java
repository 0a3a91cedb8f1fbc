package dev.hugginggpt.executor.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** {@link ExecutorLimits} from {@code hg.executor.max-*}. */
public class ExecutorLimitsProducer {
    @Produces
    @Singleton
    ExecutorLimits limits(ExecutorConfig config) {
        return new ExecutorLimits(config.maxImagePixels(), config.maxAudioSeconds(), config.maxOutputTextChars(),
                config.maxRemoteResponseBytes());
    }
}

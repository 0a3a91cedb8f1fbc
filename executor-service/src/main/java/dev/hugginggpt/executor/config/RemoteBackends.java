package dev.hugginggpt.executor.config;

import dev.hugginggpt.executor.backend.ModelBackend;
import dev.hugginggpt.executor.remote.HuggingFaceBackend;
import dev.hugginggpt.executor.remote.OpenAiBackend;
import dev.hugginggpt.protocol.resources.ResourceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The remote backends, configured from {@code hg.huggingface.*} and {@code hg.openai.*}. */
public class RemoteBackends {

    @Produces
    @ApplicationScoped
    HuggingFaceBackend huggingFace(@ConfigProperty(name = "hg.huggingface.base-url") String baseUrl,
            @ConfigProperty(name = "hg.huggingface.token") Optional<String> token,
            @ConfigProperty(name = "hg.remote.max-retries", defaultValue = "4") int maxRetries, ExecutorLimits limits,
            ResourceStore store) {
        return new HuggingFaceBackend(baseUrl, token, maxRetries, limits.maxRemoteResponseBytes(), store);
    }

    @Produces
    @ApplicationScoped
    OpenAiBackend openAi(@ConfigProperty(name = "hg.openai.base-url") Optional<String> baseUrl,
            @ConfigProperty(name = "hg.openai.api-key") Optional<String> apiKey,
            @ConfigProperty(name = "hg.openai.chat-model") Optional<String> chatModel,
            @ConfigProperty(name = "hg.openai.image-model") Optional<String> imageModel,
            @ConfigProperty(name = "hg.openai.speech-model") Optional<String> speechModel,
            @ConfigProperty(name = "hg.openai.transcription-model") Optional<String> transcriptionModel,
            @ConfigProperty(name = "hg.openai.voice", defaultValue = "alloy") String voice,
            @ConfigProperty(name = "hg.remote.max-retries", defaultValue = "4") int maxRetries, ExecutorLimits limits,
            ResourceStore store) {
        return new OpenAiBackend(baseUrl, apiKey,
                new OpenAiBackend.Settings(chatModel, imageModel, speechModel, transcriptionModel, voice), maxRetries,
                limits.maxRemoteResponseBytes(), store);
    }
}

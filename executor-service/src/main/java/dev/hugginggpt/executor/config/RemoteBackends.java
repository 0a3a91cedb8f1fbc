package dev.hugginggpt.executor.config;

import dev.hugginggpt.executor.remote.HuggingFaceBackend;
import dev.hugginggpt.executor.remote.OpenAiBackend;
import dev.hugginggpt.protocol.resources.ResourceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The remote backends, configured from {@code hg.huggingface.*}, {@code hg.openai.*} and {@code hg.remote.*}. */
public class RemoteBackends {

    @Produces
    @ApplicationScoped
    HuggingFaceBackend huggingFace(RemoteConfig.HuggingFace config, RemoteConfig.Calls calls, ExecutorLimits limits,
            ResourceStore store) {
        return new HuggingFaceBackend(config.baseUrl(), config.token(), calls.maxRetries(), limits.maxRemoteResponseBytes(),
                store);
    }

    @Produces
    @ApplicationScoped
    OpenAiBackend openAi(RemoteConfig.OpenAi config, RemoteConfig.Calls calls, ExecutorLimits limits, ResourceStore store) {
        return new OpenAiBackend(config.baseUrl(), config.apiKey(), new OpenAiBackend.Settings(config.chatModel(),
                config.imageModel(), config.speechModel(), config.transcriptionModel(), config.voice()), calls.maxRetries(),
                limits.maxRemoteResponseBytes(), store);
    }
}

package dev.hugginggpt.executor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The remote backends' settings: {@code hg.huggingface.*}, {@code hg.openai.*} and {@code hg.remote.*}. */
public interface RemoteConfig {
    /** The Hugging Face Inference API, enabled by a token. */
    @ConfigMapping(prefix = "hg.huggingface")
    interface HuggingFace {
        @WithDefault("https://router.huggingface.co/hf-inference")
        String baseUrl();

        Optional<String> token();
    }

    /** An OpenAI-compatible server for model tasks; each endpoint is used only when its model is named. */
    @ConfigMapping(prefix = "hg.openai")
    interface OpenAi {
        Optional<String> baseUrl();

        Optional<String> apiKey();

        Optional<String> chatModel();

        Optional<String> imageModel();

        Optional<String> speechModel();

        Optional<String> transcriptionModel();

        /** The voice of text-to-speech. */
        @WithDefault("alloy")
        String voice();
    }

    /** Every remote call. */
    @ConfigMapping(prefix = "hg.remote")
    interface Calls {
        /** Retries of a call answered 503 (a model still loading) or 429 (too many requests). */
        @WithDefault("4")
        int maxRetries();
    }
}

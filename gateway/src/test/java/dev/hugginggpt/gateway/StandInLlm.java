package dev.hugginggpt.gateway;

import dev.hugginggpt.testkit.OpenAiStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a local OpenAI-protocol server and points the gateway's LLM at it. */
public class StandInLlm implements QuarkusTestResourceLifecycleManager {
    static OpenAiStandIn server;

    @Override
    public Map<String, String> start() {
        server = OpenAiStandIn.start();
        return Map.of("quarkus.langchain4j.openai.base-url", server.baseUrl(),
                "hg.gateway.llm-base-url", server.baseUrl(),
                "quarkus.langchain4j.openai.timeout", "2s",
                "quarkus.langchain4j.openai.max-retries", "1");
    }

    @Override
    public void stop() {
        server.close();
    }
}

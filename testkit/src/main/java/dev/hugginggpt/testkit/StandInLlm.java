package dev.hugginggpt.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A Quarkus test resource: starts an {@link OpenAiStandIn} and points the service's LLM at it (the
 * langchain4j client and the planner's, selector's and gateway's "LLM configured" switch).
 */
public class StandInLlm implements QuarkusTestResourceLifecycleManager {
    public static OpenAiStandIn server;

    @Override
    public Map<String, String> start() {
        server = OpenAiStandIn.start();
        return Map.of("quarkus.langchain4j.openai.base-url", server.baseUrl(),
                "hg.planner.llm-base-url", server.baseUrl(),
                "hg.selector.llm-base-url", server.baseUrl(),
                "hg.gateway.llm-base-url", server.baseUrl(),
                "quarkus.langchain4j.openai.timeout", "2s",
                "quarkus.langchain4j.openai.max-retries", "1");
    }

    @Override
    public void stop() {
        server.close();
    }
}

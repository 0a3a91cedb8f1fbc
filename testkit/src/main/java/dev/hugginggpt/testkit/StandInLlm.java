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
                // the client retries a timed-out call once (1 is the least the setting allows), and a retry eats
                // the next scripted reply: 10 s keeps a slow answer on a loaded machine (two cores, a load of 13)
                // from timing out, and stays well below the hanging replies' delays
                "quarkus.langchain4j.openai.timeout", "10s",
                "quarkus.langchain4j.openai.max-retries", "1");
    }

    @Override
    public void stop() {
        server.close();
    }
}

package dev.hugginggpt.gateway.metrics;

import dev.hugginggpt.gateway.view.RequestView;
import dev.hugginggpt.protocol.Answer;
import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.RequestStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * The request as a whole and stage 4 in Prometheus: {@code hg_requests_accepted_total},
 * {@code hg_request_seconds{status}} (accepted to DONE or FAILED, recorded by the instance that accepted it),
 * {@code hg_response_seconds{generator}}, {@code hg_llm_calls_total{stage="response"}} and
 * {@code hg_llm_tokens_total{stage="response",kind}}, {@code hg_dead_letters_total{topic}} (records any service could
 * not use) and {@code hg_requests_stalled_total{stage}} (requests failed for making no progress).
 */
@ApplicationScoped
public class GatewayMetrics {
    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted() {
        registry.counter("hg.requests.accepted").increment();
    }

    public void finished(RequestView view) {
        Timer.builder("hg.request").description("Time from acceptance to DONE or FAILED")
                .tag("status", view.status().name()).publishPercentileHistogram().register(registry)
                .record(Duration.between(view.createdAt(), Instant.now()));
    }

    public void answered(Answer answer, Duration took) {
        String generator = answer.generator() == null ? "none" : answer.generator().startsWith("template") ? "template" : answer.generator();
        Timer.builder("hg.response").description("Time to write the answer").tag("generator", generator)
                .register(registry).record(took);
        LlmUsage usage = answer.usage() == null ? LlmUsage.NONE : answer.usage();
        registry.counter("hg.llm.calls", "stage", "response").increment(usage.calls());
        registry.counter("hg.llm.tokens", "stage", "response", "kind", "input").increment(usage.inputTokens());
        registry.counter("hg.llm.tokens", "stage", "response", "kind", "output").increment(usage.outputTokens());
    }

    /** A record some service dead-lettered, by the topic it was read from. */
    public void deadLetter(String topic) {
        registry.counter("hg.dead.letters", "topic", topic).increment();
    }

    /** A request failed for having made no progress, by the stage it was stuck in. */
    public void stalled(RequestStatus stage) {
        registry.counter("hg.requests.stalled", "stage", stage.name()).increment();
    }
}

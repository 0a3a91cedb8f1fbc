package dev.hugginggpt.gateway.lifecycle;

import dev.hugginggpt.gateway.config.GatewayConfig;
import dev.hugginggpt.gateway.messaging.GatewaySource;
import dev.hugginggpt.gateway.metrics.GatewayMetrics;
import dev.hugginggpt.gateway.view.RequestViews;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Every request ends: one that has had no event for longer than {@code hg.gateway.stall-timeout} (or its own task
 * time limit and a minute, when longer) is failed, whatever stage it was stuck in, and its tenant's slot freed. A
 * lost record, a service that never comes back or a bug leave no request waiting forever.
 */
@ApplicationScoped
public class StallSweeper {
    private final RequestViews views;
    private final RequestFailures failures;
    private final GatewayMetrics metrics;
    private final Duration stallTimeout;

    public StallSweeper(RequestViews views, RequestFailures failures, GatewayMetrics metrics,
            GatewayConfig config) {
        this.views = views;
        this.failures = failures;
        this.metrics = metrics;
        this.stallTimeout = config.lifecycle().stallTimeout();
    }

    @Scheduled(every = "${hg.gateway.stall-sweep-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        for (RequestViews.Stalled stalled : views.stalled(System.nanoTime(), stallTimeout, GatewaySource.ID)) {
            String reason = "the request made no progress for " + stalled.idle().toSeconds() + " s while "
                    + stalled.status().name().toLowerCase() + "; it was stopped";
            if (failures.fail(stalled.requestId(), reason)) {
                metrics.stalled(stalled.status());
            }
        }
    }
}

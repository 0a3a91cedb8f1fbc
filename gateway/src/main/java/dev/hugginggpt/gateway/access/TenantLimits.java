package dev.hugginggpt.gateway.access;

import dev.hugginggpt.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per tenant: {@code rate} new requests a minute, bursts up to the same number. */
@ApplicationScoped
public class TenantLimits {
    private final int perMinute;
    private final int maxConcurrent;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TenantLimits(GatewayConfig config) {
        this.perMinute = config.access().requestsPerMinute();
        this.maxConcurrent = config.access().maxConcurrentRequests();
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Takes a token; when there is none, how long until there is. */
    public Duration acquire(String tenant) {
        return buckets.computeIfAbsent(tenant, t -> new Bucket(perMinute)).take(perMinute);
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(int capacity) {
            this.tokens = capacity;
        }

        synchronized Duration take(int perMinute) {
            long now = System.nanoTime();
            double perNano = perMinute / 60e9;
            tokens = Math.min(perMinute, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
        }
    }
}

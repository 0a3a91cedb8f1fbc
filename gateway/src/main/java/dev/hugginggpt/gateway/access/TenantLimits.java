package dev.hugginggpt.gateway.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A token bucket per tenant: {@code rate} new requests a minute, bursts up to the same number. */
@ApplicationScoped
public class TenantLimits {
    private final int perMinute;
    private final int maxConcurrent;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TenantLimits(@ConfigProperty(name = "hg.gateway.requests-per-minute", defaultValue = "120") int perMinute,
            @ConfigProperty(name = "hg.gateway.max-concurrent-requests", defaultValue = "20") int maxConcurrent) {
        this.perMinute = perMinute;
        this.maxConcurrent = maxConcurrent;
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

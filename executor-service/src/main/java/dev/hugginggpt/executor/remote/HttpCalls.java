package dev.hugginggpt.executor.remote;

import dev.hugginggpt.executor.backend.ModelException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Sends a request to a remote inference service within the task's time, waiting out "model loading"
 * (503) and rate limits (429) as the service asks (Retry-After, estimated_time), a bounded number of times.
 */
final class HttpCalls {
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    private final HttpClient client;
    private final int maxRetries;
    private final long maxResponseBytes;

    HttpCalls(int maxRetries, long maxResponseBytes) {
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.maxRetries = maxRetries;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** A response the caller must interpret: 2xx, or an error the service will not fix by waiting. */
    HttpResponse<byte[]> send(String service, Supplier<HttpRequest.Builder> request, Duration timeLeft,
            WaitAdvice advice) throws ModelException {
        Instant deadline = Instant.now().plus(timeLeft);
        for (int attempt = 0; ; attempt++) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new ModelException(service + " did not answer before the task's deadline");
            }
            HttpResponse<byte[]> response = call(service, request.get().timeout(left).build(), left);
            int status = response.statusCode();
            if ((status == 503 || status == 429) && attempt < maxRetries) {
                Duration wait = advice.waitFor(response).orElse(Duration.ofSeconds(1L << Math.min(attempt, 4)));
                wait = wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
                if (Instant.now().plus(wait).isAfter(deadline)) {
                    throw new ModelException(service + " asked to wait " + seconds(wait) + " s (HTTP " + status
                            + "), longer than the task has left");
                }
                sleep(wait);
                continue;
            }
            return response;
        }
    }

    /**
     * One exchange, headers and body, within the time left (the request's own timeout, and this wait should it not
     * fire), its body read up to the limit; a body cut off by either closes the connection.
     */
    private HttpResponse<byte[]> call(String service, HttpRequest request, Duration left) throws ModelException {
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, CappedBody.handler(maxResponseBytes));
        try {
            return exchange.get(left.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new ModelException(service + " did not answer within " + seconds(left) + " s (task deadline)");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new ModelException(service + " call interrupted");
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof CappedBody.TooLarge tooLarge) {
                    throw new ModelException(service + " answered more than this executor reads (" + tooLarge.getMessage()
                            + "; at most " + tooLarge.limit + " bytes are read)");
                }
                if (cause instanceof HttpTimeoutException) {
                    throw new ModelException(service + " did not answer within " + seconds(left) + " s (task deadline)");
                }
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ModelException(service + " is unreachable: " + Objects.requireNonNullElse(cause.getMessage(), cause.toString()));
        }
    }

    /** How long the service asked us to wait: Retry-After, or something in the body. */
    interface WaitAdvice {
        Optional<Duration> waitFor(HttpResponse<byte[]> response);
    }

    static Optional<Duration> retryAfter(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofMillis((long) (Double.parseDouble(v.strip()) * 1000)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static long seconds(Duration d) {
        return Math.max(1, Math.round(d.toMillis() / 1000.0));
    }

    private static void sleep(Duration wait) throws ModelException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("interrupted while waiting for the service");
        }
    }
}

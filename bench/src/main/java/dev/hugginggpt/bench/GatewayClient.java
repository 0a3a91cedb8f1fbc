package dev.hugginggpt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The gateway's HTTP API as the load generator uses it, on loopback, with the tenant's API key. */
public final class GatewayClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String apiKey;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "bench-http");
        t.setDaemon(true);
        return t;
    });
    /** The load's threads: each blocks on one request; requests wait here when all are busy (latency counts from due). */
    private final ExecutorService load = Executors.newFixedThreadPool(512, r -> {
        Thread t = new Thread(r, "bench-load");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http;
    private final LoopbackHttp fast;

    public GatewayClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(pool).build();
        URI uri = URI.create(baseUrl);
        this.fast = new LoopbackHttp(uri.getHost(), uri.getPort());
    }

    static String body(String text, Map<String, Object> options) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode message = body.putArray("messages").addObject();
        message.put("role", "user");
        message.put("content", text);
        if (options != null && !options.isEmpty()) {
            body.set("options", JSON.valueToTree(options));
        }
        return body.toString();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + apiKey);
    }

    /**
     * POST /v1/chat, which answers once the request is DONE or FAILED. {@code dueNanos} is when the request was
     * meant to leave ({@link System#nanoTime()}); latency counts from then.
     */
    public CompletableFuture<ChatOutcome> chat(String text, Map<String, Object> options, long dueNanos, Duration deadline) {
        byte[] body = body(text, options).getBytes(StandardCharsets.UTF_8);
        String headers = "Authorization: Bearer " + apiKey + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n";
        Instant sentAt = Instant.now().minusNanos(Math.max(0, System.nanoTime() - dueNanos));
        return CompletableFuture.supplyAsync(() -> {
            long left = deadline.toNanos() - (System.nanoTime() - dueNanos);
            try {
                if (left <= 0) {
                    throw new SocketTimeoutException();
                }
                LoopbackHttp.Response response = fast.post("/v1/chat", headers, body, Duration.ofNanos(left));
                double millis = (System.nanoTime() - dueNanos) / 1e6;
                Instant answeredAt = Instant.now();
                try {
                    return new ChatOutcome(response.status(), JSON.readTree(response.body()), millis, sentAt, answeredAt, null);
                } catch (IOException e) {
                    return new ChatOutcome(response.status(), null, millis, sentAt, answeredAt, "unreadable body: " + e.getMessage());
                }
            } catch (SocketTimeoutException e) {
                return new ChatOutcome(0, null, (System.nanoTime() - dueNanos) / 1e6, sentAt, Instant.now(),
                        "no answer within " + deadline.toSeconds() + " s");
            } catch (IOException e) {
                return new ChatOutcome(0, null, (System.nanoTime() - dueNanos) / 1e6, sentAt, Instant.now(), e.toString());
            }
        }, load);
    }

    public ChatOutcome chat(String text, Map<String, Object> options, Duration deadline) {
        return chat(text, options, System.nanoTime(), deadline).join();
    }

    /** POST /v1/plan: the plan only, nothing runs. */
    public JsonNode plan(String text, Map<String, Object> options) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("/v1/plan").timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body(text, options))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("POST /v1/plan answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The request's events, from GET /v1/requests/{id}/events (past events, then the stream ends for a finished request). */
    public List<JsonNode> events(String requestId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("/v1/requests/" + requestId + "/events")
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("events of " + requestId + ": HTTP " + response.statusCode());
        }
        return parseEvents(response.body());
    }

    /** The data lines of a Server-Sent Events body, each a JSON event. */
    static List<JsonNode> parseEvents(String body) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        for (String line : (body + "\n\n").split("\r?\n", -1)) {
            if (line.startsWith("data:")) {
                data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
            } else if (line.isEmpty() && data.length() > 0) {
                events.add(JSON.readTree(data.toString()));
                data.setLength(0);
            }
        }
        return events;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        load.shutdownNow();
        fast.close();
    }
}

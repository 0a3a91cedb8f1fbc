package dev.hugginggpt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Requests in flight through one gateway, and what became of them: completed (DONE, every task succeeded), failed,
 * lost (not finished in time) and duplicated (answered more than once: more than one DONE in its event stream).
 */
final class GatewayLoad {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String gateway;
    private final String apiKey;
    final List<String> ids = new ArrayList<>();

    private GatewayLoad(String gateway, String apiKey) {
        this.gateway = gateway;
        this.apiKey = apiKey;
    }

    /** Submits n Bonjour requests at once, each with its own text. */
    static GatewayLoad submit(String gateway, String apiKey, int n, String label) throws Exception {
        return new GatewayLoad(gateway, apiKey).add(n, label);
    }

    /** Submits n more, at once. */
    GatewayLoad add(int n, String label) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text = "Read this sentence aloud and tell me what language it is: 'Bonjour tout le monde, "
                    + label + " numéro " + i + "'";
            String body = Json.MAPPER.writeValueAsString(Map.of("messages", List.of(Map.of("role", "user", "content", text))));
            sent.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(gateway + "/v1/requests"))
                    .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> response : sent) {
            HttpResponse<String> r = response.get();
            assertEquals(202, r.statusCode(), r.body());
            ids.add(Json.MAPPER.readTree(r.body()).get("id").asText());
        }
        return this;
    }

    JsonNode get(String id) throws Exception {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/v1/requests/" + id))
                    .header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Json.MAPPER.readTree(r.body()) : null;
        } catch (java.io.IOException e) {
            return null; // the gateway is briefly unreachable (its broker moving): ask again
        }
    }

    /** How many are DONE now. */
    int done() throws Exception {
        int done = 0;
        for (String id : ids) {
            JsonNode view = get(id);
            if (view != null && "DONE".equals(view.path("status").asText())) {
                done++;
            }
        }
        return done;
    }

    /** Waits until at least {@code n} requests are DONE, so that a fault hits a run in progress. */
    void awaitDone(int n, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && done() < n) {
            Thread.sleep(200);
        }
    }

    Counts awaitAll(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        List<String> open = new ArrayList<>(ids);
        int completed = 0;
        int failed = 0;
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            for (String id : List.copyOf(open)) {
                JsonNode view = get(id);
                String status = view == null ? "" : view.path("status").asText();
                if (status.equals("DONE") || status.equals("FAILED")) {
                    open.remove(id);
                    boolean allSucceeded = true;
                    for (JsonNode task : view.path("tasks")) {
                        allSucceeded &= "SUCCEEDED".equals(task.path("status").asText());
                    }
                    if (status.equals("DONE") && allSucceeded) {
                        completed++;
                    } else {
                        failed++;
                        System.out.println("not completed: " + view.toPrettyString());
                    }
                }
            }
            Thread.sleep(500);
        }
        int duplicated = 0;
        for (String id : ids) {
            if (!open.contains(id) && answers(id) > 1) {
                duplicated++;
            }
        }
        return new Counts(ids.size(), completed, failed, open.size(), duplicated);
    }

    private int answers(String id) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/v1/requests/" + id + "/events"))
                .header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        int done = 0;
        for (String line : r.body().split("\n")) {
            if (line.startsWith("data:") && line.contains("\"type\":\"DONE\"")) {
                done++;
            }
        }
        return done;
    }

    record Counts(int submitted, int completed, int failed, int lost, int duplicated) {
        String line(String fault) {
            return String.format("%s: submitted %d, completed %d, failed %d, lost %d, duplicated %d", fault, submitted,
                    completed, failed, lost, duplicated);
        }

        void assertAllCompletedOnce(int expected) {
            assertEquals(expected, submitted);
            assertEquals(0, lost, "lost requests");
            assertEquals(0, failed, "requests with failed tasks");
            assertEquals(0, duplicated, "requests answered twice");
            assertEquals(expected, completed);
        }
    }
}

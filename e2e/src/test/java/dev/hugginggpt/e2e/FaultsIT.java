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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults under load, against the real broker and service processes: an executor killed with -9,
 * the selector killed with -9 and started again, the broker restarted, the gateway restarted, one of two selectors
 * killed with -9.
 * Each prints submitted / completed / lost / duplicated and requires every request to complete once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static Stack stack;
    private static final List<String> answered = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        stack = new Stack(2, Map.of("HG_MAX_CONCURRENT_REQUESTS", "1000", "HG_REQUESTS_PER_MINUTE", "100000"));
        Load warmUp = Load.submit(4, "warm-up");
        warmUp.awaitAll(PATIENCE);
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void anExecutorKilledUnderLoadLosesNothing() throws Exception {
        Load load = Load.submit(100, "executor");
        load.awaitDone(10, PATIENCE);
        stack.kill9("executor-1");
        Load.Counts counts = load.awaitAll(PATIENCE);
        counts.print("kill -9 executor-1 under 100 requests");
        counts.assertAllCompletedOnce(100);
        answered.addAll(load.ids);
    }

    @Test
    @Order(2)
    void theSelectorKilledMidRunResumesEveryRequest() throws Exception {
        Load load = Load.submit(40, "selector");
        load.awaitDone(5, PATIENCE);
        stack.kill9("selector");
        Thread.sleep(2000);
        stack.restart("selector");
        Load.Counts counts = load.awaitAll(PATIENCE);
        counts.print("kill -9 selector mid-run, restart");
        counts.assertAllCompletedOnce(40);
    }

    @Test
    @Order(3)
    void aBrokerRestartMidLoadLosesNothing() throws Exception {
        Load load = Load.submit(30, "broker");
        load.awaitDone(5, PATIENCE);
        stack.restartKafka(Duration.ofSeconds(3));
        Load.Counts counts = load.awaitAll(PATIENCE);
        counts.print("broker stopped and restarted mid-load");
        counts.assertAllCompletedOnce(30);
    }

    @Test
    @Order(4)
    void requestsAcceptedBeforeAGatewayRestartAreStillAnswerable() throws Exception {
        stack.stop("gateway");
        stack.restart("gateway");
        int found = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        for (String id : answered) {
            JsonNode view = null;
            while (System.nanoTime() < deadline) {
                view = get(id);
                if (view != null && "DONE".equals(view.path("status").asText())) {
                    break;
                }
                Thread.sleep(200);
            }
            if (view != null && "DONE".equals(view.path("status").asText())) {
                found++;
            }
        }
        System.out.printf("gateway restart: %d of %d earlier requests answerable by id%n", found, answered.size());
        assertEquals(answered.size(), found);
    }

    @Test
    @Order(5)
    void twoSelectorsShareTheRequestsAndOneKilledLeavesItsRequestsToTheOther() throws Exception {
        stack.add("selector-2", "selector-service");
        Load shared = Load.submit(40, "two selectors");
        Load.Counts together = shared.awaitAll(PATIENCE);
        together.print("two selectors sharing the partitions");
        together.assertAllCompletedOnce(40);

        Load load = Load.submit(40, "selector-2 killed");
        load.awaitDone(5, PATIENCE);
        stack.kill9("selector-2");
        Load.Counts counts = load.awaitAll(PATIENCE);
        counts.print("kill -9 one of two selectors mid-run");
        counts.assertAllCompletedOnce(40);
    }

    static JsonNode get(String id) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/v1/requests/" + id))
                .header("Authorization", "Bearer " + Stack.API_KEY).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? Json.MAPPER.readTree(r.body()) : null;
    }

    /** Requests in flight, and what became of them. */
    static final class Load {
        final List<String> ids = new ArrayList<>();

        static Load submit(int n, String label) throws Exception {
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String text = "Read this sentence aloud and tell me what language it is: 'Bonjour tout le monde, "
                        + label + " numéro " + i + "'";
                String body = Json.MAPPER.writeValueAsString(Map.of("messages", List.of(Map.of("role", "user", "content", text))));
                sent.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(stack.gateway() + "/v1/requests"))
                        .header("Authorization", "Bearer " + Stack.API_KEY).header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Load load = new Load();
            for (CompletableFuture<HttpResponse<String>> response : sent) {
                HttpResponse<String> r = response.get();
                assertEquals(202, r.statusCode(), r.body());
                load.ids.add(Json.MAPPER.readTree(r.body()).get("id").asText());
            }
            return load;
        }

        /** Waits until at least {@code n} requests are DONE, so that the fault hits a run in progress. */
        void awaitDone(int n, Duration limit) throws Exception {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                int done = 0;
                for (String id : ids) {
                    JsonNode view = get(id);
                    if (view != null && "DONE".equals(view.path("status").asText()) && ++done >= n) {
                        return;
                    }
                }
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

        private static int answers(String id) throws Exception {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/v1/requests/" + id + "/events"))
                    .header("Authorization", "Bearer " + Stack.API_KEY).timeout(Duration.ofSeconds(20)).build(),
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
            void print(String fault) {
                System.out.printf("%s: submitted %d, completed %d, failed %d, lost %d, duplicated %d%n", fault, submitted,
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
}

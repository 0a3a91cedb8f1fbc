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
        GatewayLoad warmUp = GatewayLoad.submit(stack.gateway(), Stack.API_KEY, 4, "warm-up");
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
        GatewayLoad load = GatewayLoad.submit(stack.gateway(), Stack.API_KEY, 100, "executor");
        load.awaitDone(10, PATIENCE);
        stack.kill9("executor-1");
        GatewayLoad.Counts counts = load.awaitAll(PATIENCE);
        System.out.println(counts.line("kill -9 executor-1 under 100 requests"));
        counts.assertAllCompletedOnce(100);
        answered.addAll(load.ids);
    }

    @Test
    @Order(2)
    void theSelectorKilledMidRunResumesEveryRequest() throws Exception {
        GatewayLoad load = GatewayLoad.submit(stack.gateway(), Stack.API_KEY, 40, "selector");
        load.awaitDone(5, PATIENCE);
        stack.kill9("selector");
        Thread.sleep(2000);
        stack.restart("selector");
        GatewayLoad.Counts counts = load.awaitAll(PATIENCE);
        System.out.println(counts.line("kill -9 selector mid-run, restart"));
        counts.assertAllCompletedOnce(40);
    }

    @Test
    @Order(3)
    void aBrokerRestartMidLoadLosesNothing() throws Exception {
        GatewayLoad load = GatewayLoad.submit(stack.gateway(), Stack.API_KEY, 30, "broker");
        load.awaitDone(5, PATIENCE);
        stack.restartKafka(Duration.ofSeconds(3));
        GatewayLoad.Counts counts = load.awaitAll(PATIENCE);
        System.out.println(counts.line("broker stopped and restarted mid-load"));
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
        GatewayLoad shared = GatewayLoad.submit(stack.gateway(), Stack.API_KEY, 40, "two selectors");
        GatewayLoad.Counts together = shared.awaitAll(PATIENCE);
        System.out.println(together.line("two selectors sharing the partitions"));
        together.assertAllCompletedOnce(40);

        GatewayLoad load = GatewayLoad.submit(stack.gateway(), Stack.API_KEY, 40, "selector-2 killed");
        load.awaitDone(5, PATIENCE);
        stack.kill9("selector-2");
        GatewayLoad.Counts counts = load.awaitAll(PATIENCE);
        System.out.println(counts.line("kill -9 one of two selectors mid-run"));
        counts.assertAllCompletedOnce(40);
    }

    static JsonNode get(String id) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/v1/requests/" + id))
                .header("Authorization", "Bearer " + Stack.API_KEY).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? Json.MAPPER.readTree(r.body()) : null;
    }
}

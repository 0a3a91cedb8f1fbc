package dev.hugginggpt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.protocol.Json;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The images in a real container engine, with Testcontainers (profile images, after deploy's ImagesIT built them):
 * the Kafka image and the four service images loaded into Docker from deploy/target/images (no registry, nothing
 * pulled), run as containers on networks of their own.
 * <ol>
 *   <li>One broker, two executors: the README's request through the gateway's mapped port (DONE, French, the WAV
 *   downloadable), then an executor container killed (docker kill) under 50 requests: all completed once.</li>
 *   <li>Three KRaft brokers, each broker and controller (replication factor 3, min.insync.replicas 2, the topics as
 *   deploy/k8s declares them), two executors: under 100 requests (four waves of 25: before, while the broker stops,
 *   while it is down, while it starts) the active controller's container is stopped (docker stop) and started again:
 *   all completed once.</li>
 * </ol>
 * Prints the image load times, each container's seconds from docker run to ready, its memory, and the failover table
 * (also written to e2e/target/containers/report.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainersIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final List<String> IMAGES = List.of("kafka", "planner-service", "selector-service", "executor-service", "gateway");
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final List<String> SERVICES = List.of("planner", "selector", "executor-1", "executor-2", "gateway");
    private static final StringBuilder report = new StringBuilder();

    @BeforeAll
    static void loadImages() throws Exception {
        report.append("## Images loaded (docker load)\n\n| image | tarball (MiB) | load (s) |\n|---|---|---|\n");
        for (String image : IMAGES) {
            Path tar = ContainerStack.ROOT.resolve("deploy/target/images/" + image + ".tar");
            assertTrue(Files.isRegularFile(tar), "no " + tar + ": deploy/images/build.sh builds it");
            long started = System.nanoTime();
            try (InputStream in = Files.newInputStream(tar)) {
                ContainerStack.docker().loadImageCmd(in).exec();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            report.append(String.format("| %s | %d | %.1f |%n", image, Files.size(tar) >> 20, seconds));
        }
        System.out.print(report);
    }

    @AfterAll
    static void writeReport() throws Exception {
        Path out = ContainerStack.ROOT.resolve("e2e/target/containers/report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("report: " + out);
    }

    @Test
    @Order(1)
    void oneBrokerTheReadmeRequestAndAnExecutorKilledUnderFiftyRequests() throws Exception {
        try (ContainerStack stack = new ContainerStack(List.of("kafka"))) {
            stack.broker("kafka", 1, "1@kafka:9093", ContainerStack.declaredTopics(1), Map.of());
            stack.startTogether(List.of("kafka"));
            stack.services(2);
            stack.startTogether(SERVICES);
            readiness("One broker", stack);

            JsonNode view = chat(stack.gateway());
            assertEquals("DONE", view.path("status").asText(), view.toPrettyString());
            JsonNode speech = task(view, "text-to-speech");
            assertEquals("local/espeak-ng", speech.path("model").asText());
            assertTrue(speech.path("executor").asText().startsWith("executor-"), speech.toString());
            byte[] wav = download(stack.gateway(), speech.path("output").path("resources").get(0).path("id").asText());
            assertEquals("RIFF", new String(wav, 0, 4, StandardCharsets.US_ASCII));
            assertEquals("WAVE", new String(wav, 8, 4, StandardCharsets.US_ASCII));
            assertEquals("French", task(view, "text-classification").path("output").path("text").asText());
            report.append(String.format("%nThe README's request: DONE, text-to-speech on %s (%d bytes of WAV served by the"
                    + " gateway from the shared volume), language French.%n", speech.path("executor").asText(), wav.length));

            GatewayLoad load = GatewayLoad.submit(stack.gateway(), ContainerStack.API_KEY, 50, "kill");
            load.awaitDone(5, PATIENCE);
            stack.kill("executor-1");
            GatewayLoad.Counts counts = load.awaitAll(PATIENCE);
            report.append("\n").append(counts.line("docker kill executor-1 under 50 requests")).append("\n");
            memory("One broker, after the load", stack);
            System.out.print(report);
            counts.assertAllCompletedOnce(50);
        }
    }

    @Test
    @Order(2)
    void threeBrokersOneStoppedAndStartedUnderAHundredRequests() throws Exception {
        List<String> brokers = List.of("kafka-1", "kafka-2", "kafka-3");
        try (ContainerStack stack = new ContainerStack(brokers)) {
            String voters = "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093";
            String topics = ContainerStack.declaredTopics(3);
            Map<String, String> settings = ContainerStack.declaredBrokerSettings();
            assertEquals("2", settings.get("min.insync.replicas"));
            for (int i = 1; i <= 3; i++) {
                stack.broker("kafka-" + i, i, voters, topics, settings);
            }
            stack.startTogether(brokers);
            stack.services(2);
            stack.startTogether(SERVICES);
            readiness("Three brokers", stack);
            assertEquals("DONE", chat(stack.gateway()).path("status").asText());

            int leader = stack.quorumLeader("kafka-1");
            String stopped = "kafka-" + leader;
            // 100 requests in four waves of 25, so that some are in flight while the broker stops, while it is down,
            // and while it starts again
            List<String[]> steps = new ArrayList<>();
            long t0 = System.nanoTime();
            GatewayLoad load = GatewayLoad.submit(stack.gateway(), ContainerStack.API_KEY, 25, "before");
            steps.add(step(t0, "25 requests submitted", load));
            load.awaitDone(5, PATIENCE);
            steps.add(step(t0, "docker stop " + stopped + " (the active controller), 25 more submitted", load));
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> stack.stop(stopped));
            load.add(25, "stopping");
            stopping.join();
            steps.add(step(t0, stopped + " stopped (exited), 25 more submitted", load));
            load.add(25, "down");
            Thread.sleep(5_000);
            steps.add(step(t0, "docker start " + stopped + ", 25 more submitted", load));
            CompletableFuture<Double> starting = CompletableFuture.supplyAsync(() -> {
                try {
                    return stack.startBrokerAgain(stopped);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            load.add(25, "starting");
            double back = starting.join();
            steps.add(step(t0, String.format("%s ready again (%.1f s after docker start)", stopped, back), load));
            GatewayLoad.Counts counts = load.awaitAll(PATIENCE);
            steps.add(step(t0, "every request finished", load));

            report.append(String.format("%n## Three brokers, %s stopped and started under 100 requests%n%n", stopped));
            report.append("| step | at (s) | requests DONE |\n|---|---|---|\n");
            steps.forEach(s -> report.append("| ").append(String.join(" | ", s)).append(" |\n"));
            report.append("\n").append(counts.line("docker stop / start " + stopped + " under 100 requests")).append("\n");
            memory("Three brokers, after the load", stack);
            System.out.print(report);
            counts.assertAllCompletedOnce(100);
        }
    }

    private static String[] step(long t0, String what, GatewayLoad load) throws Exception {
        return new String[] {what, String.format("%.1f", (System.nanoTime() - t0) / 1e9), String.valueOf(load.done())};
    }

    private static void readiness(String title, ContainerStack stack) {
        report.append(String.format("%n## %s: seconds from docker run to ready (started together)%n%n", title));
        report.append("| container | ready (s) |\n|---|---|\n");
        stack.readySeconds().forEach((name, seconds) -> report.append(String.format("| %s | %.1f |%n", name, seconds)));
    }

    private static void memory(String title, ContainerStack stack) throws Exception {
        report.append(String.format("%n%s, memory (docker stats):%n%n| container | memory |%n|---|---|%n", title));
        for (String line : stack.memory().split("\n")) {
            if (!line.isBlank()) {
                String[] columns = line.split("\t");
                report.append("| ").append(columns[0]).append(" | ").append(columns.length > 1 ? columns[1] : "").append(" |\n");
            }
        }
    }

    private static JsonNode task(JsonNode view, String type) {
        for (JsonNode task : view.path("tasks")) {
            if (type.equals(task.path("task").asText())) {
                return task;
            }
        }
        throw new AssertionError("no " + type + " task in " + view.toPrettyString());
    }

    private static JsonNode chat(String gateway) throws Exception {
        String body = Json.MAPPER.writeValueAsString(Map.of("messages", List.of(Map.of("role", "user", "content",
                "Read this sentence aloud and tell me what language it is: 'Bonjour tout le monde'"))));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/v1/chat"))
                .header("Authorization", "Bearer " + ContainerStack.API_KEY).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(3)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    private static byte[] download(String gateway, String id) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/v1/resources/" + id))
                .header("Authorization", "Bearer " + ContainerStack.API_KEY).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        return r.body();
    }
}

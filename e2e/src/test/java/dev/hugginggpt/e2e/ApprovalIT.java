package dev.hugginggpt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A plan that waits for approval, over the real broker and service processes: it survives a kill -9 of the selector and
 * a restart of the gateway, then runs as edited; a waiting request is cancelled at once, and so is one that runs.
 */
class ApprovalIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static Stack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = new Stack(1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aWaitingPlanSurvivesASelectorKillAndAGatewayRestartAndRunsAsEdited() throws Exception {
        JsonNode accepted = post("/v1/requests", """
                {"messages": [{"role": "user", "content": "Read 'good morning' aloud."}], "options": {"approval": "required"}}""", 202);
        String id = accepted.get("id").asText();
        JsonNode waiting = awaitStatus(id, "AWAITING_APPROVAL", Duration.ofMinutes(1));
        assertEquals("text-to-speech", waiting.at("/tasks/0/task").asText());

        stack.kill9("selector");
        stack.restart("selector");
        stack.restart("gateway");
        assertEquals("AWAITING_APPROVAL", get("/v1/requests/" + id).get("status").asText(), "read back from hg.events");

        JsonNode refused = post("/v1/requests/" + id + "/approve", """
                {"plan": [{"id": 0, "task": "text-to-speech", "args": {"text": "<GENERATED>-3"}}]}""", 400);
        assertTrue(refused.get("detail").asText().contains("task 0 refers to task 3, which is not in the plan"), refused.toString());
        post("/v1/requests/" + id + "/approve", """
                {"plan": [{"id": 0, "task": "text-to-speech", "args": {"text": "good night"}}]}""", 202);
        JsonNode done = awaitStatus(id, "DONE", Duration.ofMinutes(2));
        assertEquals("good night", done.at("/tasks/0/args/text").asText());
        assertEquals("SUCCEEDED", done.at("/tasks/0/status").asText(), done.toString());
    }

    @Test
    void aWaitingRequestAndARunningOneAreCancelled() throws Exception {
        String waiting = post("/v1/requests", """
                {"plan": [{"id": 0, "task": "text-to-speech", "args": {"text": "never"}}], "options": {"approval": "required"}}""",
                202).get("id").asText();
        JsonNode cancelled = post("/v1/requests/" + waiting + "/cancel", "", 200);
        assertEquals("FAILED", cancelled.get("status").asText());
        post("/v1/requests/" + waiting + "/approve", "{}", 409);

        String running = post("/v1/requests", """
                {"plan": [{"id": 0, "task": "text-to-speech", "args": {"text": "%s"}},
                          {"id": 1, "task": "automatic-speech-recognition", "args": {"audio": "<GENERATED>-0"}}]}"""
                .formatted("a long sentence to read aloud. ".repeat(300)), 202).get("id").asText();
        long started = System.nanoTime();
        JsonNode ended = post("/v1/requests/" + running + "/cancel", "", 200);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("cancel of a running request answered in %d ms: %s%n", millis, ended.get("error").asText());
        assertEquals("FAILED", ended.get("status").asText());
        assertTrue(ended.get("error").asText().startsWith("cancelled by the client"), ended.toString());
        assertTrue(millis < 1000, "answered in " + millis + " ms");
    }

    private static JsonNode awaitStatus(String id, String status, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        JsonNode view = get("/v1/requests/" + id);
        while (!view.get("status").asText().equals(status)) {
            assertTrue(System.nanoTime() < end, "still " + view.get("status") + ": " + view);
            assertTrue(!view.get("status").asText().equals("FAILED"), view.toString());
            Thread.sleep(200);
            view = get("/v1/requests/" + id);
        }
        return view;
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + path))
                .header("Authorization", "Bearer " + Stack.API_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private static JsonNode post(String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gateway() + path))
                .header("Authorization", "Bearer " + Stack.API_KEY).timeout(Duration.ofSeconds(30));
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), path + ": " + response.body());
        return Json.MAPPER.readTree(response.body());
    }
}

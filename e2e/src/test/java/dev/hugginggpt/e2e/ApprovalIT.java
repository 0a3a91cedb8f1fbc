package dev.hugginggpt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A plan that waits for approval, over the real broker and service processes: it survives a kill -9 of the selector and
 * a restart of the gateway, then runs as edited; a waiting request is cancelled at once, and so is one that runs (its
 * program killed on the executor). The command line plans, and runs an edited plan on a new file without planning.
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
        // cancelled while it transcribes: espeak-ng speaks the 9,000 characters in well under a second, which a cancel
        // may arrive after, while recognizing the 7 minutes of speech it made takes PocketSphinx tens of seconds
        awaitTask(running, 1, "RUNNING", Duration.ofMinutes(2));
        long started = System.nanoTime();
        JsonNode ended = post("/v1/requests/" + running + "/cancel", "", 200);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("cancel of a running request answered in %d ms: %s%n", millis, ended.get("error").asText());
        assertEquals("FAILED", ended.get("status").asText());
        assertTrue(ended.get("error").asText().startsWith("cancelled by the client"), ended.toString());
        assertTrue(ended.get("error").asText().contains("task 1 (automatic-speech-recognition) stopped while running"), ended.toString());
        assertEquals("SUCCEEDED", ended.at("/tasks/0/status").asText(), ended.toString());
        assertTrue(millis < 1000, "answered in " + millis + " ms");
        long stopped = System.nanoTime();
        while (!stack.log("executor-1").contains("request " + running + " cancelled")) {
            assertTrue(System.nanoTime() - stopped < Duration.ofSeconds(5).toNanos(), "the executor never heard of the cancel");
            Thread.sleep(20);
        }
        assertTrue(stack.log("executor-1").contains("request " + running + " cancelled (cancelled by the client): 1 running"
                + " task(s) stopped here"), "the executor stopped the program it was running");
        System.out.printf("the executor stopped the running program within %d ms of the cancel's answer%n",
                (System.nanoTime() - stopped) / 1_000_000);
    }

    @Test
    void theCommandLinePlansAndRunsAnEditedPlanOnANewFileWithoutPlanning() throws Exception {
        Path dir = Files.createTempDirectory(stack.data, "cli");
        Cli spoken = hg(dir, "ask", "Read 'good morning' aloud.", "--out", dir.resolve("first").toString());
        assertEquals(0, spoken.exit(), spoken.output());
        Path recording;
        try (var files = Files.list(dir.resolve("first"))) {
            recording = files.filter(f -> f.toString().endsWith(".wav")).findFirst().orElseThrow();
        }

        Cli planned = hg(dir, "plan", "Transcribe this recording", "--file", recording.toString());
        assertEquals(0, planned.exit(), planned.output());
        JsonNode plan = Json.MAPPER.readTree(planned.stdout());
        assertEquals("automatic-speech-recognition", plan.at("/plan/0/task").asText(), planned.stdout());
        String plannedFile = plan.at("/plan/0/args/audio").asText();
        assertTrue(plannedFile.matches("r-[0-9a-f]{20}\\.wav"), "the plan names the uploaded file: " + plannedFile);

        Cli other = hg(dir, "ask", "Read 'good night' aloud.", "--out", dir.resolve("second").toString());
        assertEquals(0, other.exit(), other.output());
        Path otherRecording;
        try (var files = Files.list(dir.resolve("second"))) {
            otherRecording = files.filter(f -> f.toString().endsWith(".wav")).findFirst().orElseThrow();
        }
        Path planFile = dir.resolve("plan.json");
        Files.writeString(planFile, planned.stdout());
        Cli ran = hg(dir, "run", planFile.toString(), "--file", otherRecording.toString());
        assertEquals(0, ran.exit(), ran.output());
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("(?m)^request (\\S+)$").matcher(ran.stdout());
        assertTrue(id.find(), ran.output());
        JsonNode view = get("/v1/requests/" + id.group(1));
        assertEquals("DONE", view.get("status").asText(), view.toString());
        assertEquals("client", view.get("planner").asText(), "run without planning");
        java.util.regex.Matcher uploaded = java.util.regex.Pattern.compile("uploaded \\S+ as (r-[0-9a-f]{20}\\.wav)")
                .matcher(ran.stdout());
        assertTrue(uploaded.find(), ran.output());
        assertTrue(!uploaded.group(1).equals(plannedFile), "a new upload: " + uploaded.group(1));
        assertEquals(uploaded.group(1), view.at("/tasks/0/args/audio").asText(), "the new file in place of the planned one");
        assertEquals("SUCCEEDED", view.at("/tasks/0/status").asText(), view.toString());
        System.out.printf("hg plan, then hg run on another file: %s ran on %s instead of %s -> \"%s\"%n", id.group(1),
                uploaded.group(1), plannedFile, view.at("/tasks/0/output/text").asText());
    }

    private record Cli(int exit, String stdout, String output) {
    }

    /** Runs the command line (cli/hg.mjs) against the stack's gateway; stdout apart, as a plan is written there. */
    private static Cli hg(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", stack.root.resolve("cli/hg.mjs").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "hg", ".out");
        Path err = Files.createTempFile(dir, "hg", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("HG_URL", stack.gateway());
        builder.environment().put("HG_API_KEY", Stack.API_KEY);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("hg " + String.join(" ", args) + " did not end:\n" + Files.readString(out) + Files.readString(err));
        }
        String stdout = Files.readString(out);
        String output = "hg " + String.join(" ", args) + " -> exit " + process.exitValue() + "\n" + stdout + Files.readString(err);
        System.out.println(output);
        return new Cli(process.exitValue(), stdout, output);
    }

    private static void awaitTask(String id, int task, String status, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        JsonNode view = get("/v1/requests/" + id);
        while (!status.equals(view.at("/tasks/" + task + "/status").asText())) {
            assertTrue(System.nanoTime() < end, "task " + task + " still " + view.at("/tasks/" + task + "/status") + ": " + view);
            Thread.sleep(50);
            view = get("/v1/requests/" + id);
        }
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

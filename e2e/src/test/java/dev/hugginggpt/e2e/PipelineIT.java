package dev.hugginggpt.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.testkit.OtlpStandIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole pipeline: real KRaft broker, planner, selector, two executors and the gateway as separate processes. */
class PipelineIT {
    private static Stack stack;
    private static OtlpStandIn collector;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        collector = OtlpStandIn.start();
        stack = new Stack(2, collector.serviceEnvironment());
        // the first requests warm models and worker pools on both executors and let their consumer group settle
        chat("Tell me what language this is: 'Guten Morgen, wie geht es dir?'");
        chat("Translate 'good morning' into Spanish, read 'good night' aloud, and transcribe the recording.");
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    static JsonNode chat(String text) throws Exception {
        return chat(text, List.of());
    }

    static JsonNode chat(String text, List<String> resources) throws Exception {
        String body = Json.MAPPER.writeValueAsString(Map.of("messages", List.of(Map.of("role", "user", "content", text)),
                "resources", resources));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/v1/chat")).header("Authorization", "Bearer " + Stack.API_KEY)
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void oneTraceFollowsARequestThroughAllFourServicesAcrossTheKafkaHops() throws Exception {
        JsonNode view = chat("Read 'tracing works' aloud and tell me what language 'Guten Tag' is");
        assertEquals("DONE", view.get("status").asText(), view.toPrettyString());
        String id = view.get("id").asText();
        List<OtlpStandIn.Span> found = List.of();
        for (int i = 0; i < 100; i++) {
            found = collector.spans().stream().filter(s -> id.equals(s.attributes().get("hg.request.id"))).toList();
            if (found.stream().map(OtlpStandIn.Span::service).distinct().count() == 4
                    && found.stream().filter(s -> s.service().equals("executor-service")).count() >= 2) {
                break;
            }
            Thread.sleep(200);
        }
        List<OtlpStandIn.Span> spans = found;
        Set<String> traces = spans.stream().map(OtlpStandIn.Span::traceId).collect(Collectors.toSet());
        assertEquals(Set.of("gateway", "planner-service", "selector-service", "executor-service"),
                spans.stream().map(OtlpStandIn.Span::service).collect(Collectors.toSet()), () -> spans + "\nall spans:\n"
                        + collector.spans().stream().map(s -> s.service() + " " + s.traceId() + " " + s.parentSpanId() + " "
                                + s.kind() + " " + s.name() + " " + s.attributes().get("hg.request.id")).collect(Collectors.joining("\n")));
        assertEquals(1, traces.size(), "one trace from the HTTP call to the answer: " + spans);
        String trace = traces.iterator().next();
        List<OtlpStandIn.Span> all = collector.spans().stream().filter(s -> s.traceId().equals(trace)).toList();
        OtlpStandIn.Span root = all.stream().filter(s -> s.parentSpanId().isEmpty()).findFirst().orElseThrow();
        assertEquals("gateway", root.service());
        assertEquals("SPAN_KIND_SERVER", root.kind(), root.toString());
        Set<String> spanIds = all.stream().map(OtlpStandIn.Span::spanId).collect(Collectors.toSet());
        assertTrue(all.stream().allMatch(s -> s.parentSpanId().isEmpty() || spanIds.contains(s.parentSpanId())),
                "every span's parent is in the trace: " + all);
        for (String topic : List.of("hg.requests", "hg.plans", "hg.tasks", "hg.task-results", "hg.outcomes")) {
            assertTrue(all.stream().anyMatch(s -> s.kind().equals("SPAN_KIND_CONSUMER") && s.name().startsWith(topic)),
                    "a consumer span for " + topic + " in the trace: " + all.stream().map(s -> s.service() + " " + s.kind() + " " + s.name()).toList());
        }
        System.out.printf("trace %s: %d spans over %s%n", trace, all.size(),
                all.stream().map(s -> s.service() + ":" + s.name()).toList());
    }

    @Test
    void everyServiceExposesItsStageMetricsAndKafkaConsumerLag() throws Exception {
        chat("Translate 'good evening' into Spanish");
        String planner = metrics("planner");
        assertTrue(planner.contains("hg_planning_seconds_count{outcome=\"planned\",planner=\"embedded\"}"), planner);
        assertTrue(planner.contains("hg_llm_calls_total{stage=\"planning\"}"), planner);
        assertTrue(planner.contains("hg_plan_tasks_count"), planner);
        String selector = metrics("selector");
        assertTrue(selector.contains("hg_tasks_dispatched_total{task=\"translation\"}"), selector);
        assertTrue(selector.contains("hg_task_results_total{status=\"SUCCEEDED\",task=\"translation\"}"), selector);
        assertTrue(selector.contains("hg_requests_finished_total{status=\"all_succeeded\"}"), selector);
        assertTrue(selector.contains("hg_selection_seconds_count{mode=\"ranking\"}"), selector);
        assertTrue(selector.contains("hg_requests_active"), selector);
        assertTrue(selector.contains("kafka_consumer_fetch_manager_records_lag_max"), "consumer lag");
        String executors = metrics("executor-1") + metrics("executor-2");
        assertTrue(executors.contains("hg_task_run_seconds_count{backend=\"local\",model=\"local/apertium\",status=\"SUCCEEDED\",task=\"translation\"}"), executors);
        assertTrue(executors.contains("hg_tasks_running"), executors);
        assertTrue(executors.contains("kafka_consumer_fetch_manager_records_lag_max"), "consumer lag");
        String gateway = metrics("gateway");
        assertTrue(gateway.contains("hg_request_seconds_count{status=\"DONE\"}"), gateway);
        assertTrue(gateway.contains("hg_requests_accepted_total"), gateway);
        assertTrue(gateway.contains("hg_response_seconds_count{generator=\"template\"}"), gateway);
        assertTrue(gateway.contains("hg_llm_calls_total{stage=\"response\"} 0.0"), "offline: no LLM call: " + gateway);
        assertTrue(gateway.contains("http_server_requests_seconds_count"), gateway);
    }

    private static String metrics(String service) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.managementPorts.get(service) + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void readsAloudAndNamesTheLanguage() throws Exception {
        JsonNode view = chat("Read this sentence aloud and tell me what language it is: 'Bonjour tout le monde'");
        assertEquals("DONE", view.get("status").asText(), view.toPrettyString());
        JsonNode tasks = view.get("tasks");
        assertEquals("text-to-speech", tasks.get(0).get("task").asText());
        assertEquals("Bonjour tout le monde", tasks.get(0).get("args").get("text").asText());
        assertEquals("French", tasks.get(1).get("output").get("text").asText(), view.toPrettyString());
        String wavId = tasks.get(0).get("output").get("resources").get(0).get("id").asText();
        byte[] wav = download(wavId);
        assertEquals("RIFF", new String(wav, 0, 4), "a real WAV file");
        assertTrue(wav.length > 10_000, "a second of speech is more than 10 kB");
        String answer = view.get("answer").get("text").asText();
        assertTrue(answer.contains("local/opennlp-langdetect") && answer.contains("French") && answer.contains(wavId), answer);
    }

    @Test
    void threeTaskDagRunsOnRealModelsWithIndependentTasksInParallelOnTwoExecutors() throws Exception {
        String story = "The quick brown fox jumps over the lazy dog while the farmer watches from the old wooden fence"
                + " near the river, thinking about the long winter ahead and the harvest that must be finished soon.";
        JsonNode spoken = chat("Read '" + (story + " ").repeat(2).strip() + "' aloud.", List.of());
        String recording = spoken.get("tasks").get(0).get("output").get("resources").get(0).get("id").asText();

        // translation (Apertium, ~2 s) and transcription of ~30 s of speech (pocketsphinx, several seconds) are
        // independent and slow enough that their overlap measures parallelism, not dispatch jitter
        JsonNode view = chat("Translate 'The weather is nice today and we are going to the beach with our friends.' into"
                + " Spanish, transcribe " + recording + ", and read the transcript aloud.", List.of(recording));

        assertEquals("DONE", view.get("status").asText(), view.toPrettyString());
        JsonNode tasks = view.get("tasks");
        assertEquals(3, tasks.size(), view.toPrettyString());
        assertEquals("translation", tasks.get(0).get("task").asText());
        assertEquals("automatic-speech-recognition", tasks.get(1).get("task").asText());
        assertEquals("text-to-speech", tasks.get(2).get("task").asText());
        assertEquals("-1", tasks.get(0).get("dep").get(0).asText());
        assertEquals("-1", tasks.get(1).get("dep").get(0).asText());
        assertEquals(recording, tasks.get(1).get("args").get("audio").asText());
        assertEquals("1", tasks.get(2).get("dep").get(0).asText());
        assertEquals("<GENERATED>-1", tasks.get(2).get("args").get("text").asText());
        for (JsonNode task : tasks) {
            assertEquals("SUCCEEDED", task.get("status").asText(), task.toPrettyString());
            assertEquals("local", task.get("backend").asText());
        }
        String spanish = tasks.get(0).get("output").get("text").asText();
        assertTrue(spanish.contains("tiempo") || spanish.contains("playa") || spanish.contains("amigos"), spanish);
        String transcript = tasks.get(1).get("output").get("text").asText();
        assertFalse(transcript.isBlank(), "the recognizer heard words");
        byte[] wav = download(tasks.get(2).get("output").get("resources").get(0).get("id").asText());
        assertEquals("RIFF", new String(wav, 0, 4), "the transcript was read aloud into a real WAV file");

        String answer = view.get("answer").get("text").asText();
        assertTrue(answer.contains(tasks.get(0).get("model").asText()), answer);
        assertTrue(answer.contains(tasks.get(2).get("model").asText()), answer);
        assertFalse(answer.contains("failed"), answer);

        JsonNode first = tasks.get(0);
        JsonNode second = tasks.get(1);
        assertNotEquals(first.get("executor").asText(), second.get("executor").asText(),
                "independent tasks went to two executor instances");
        Instant firstStart = Instant.parse(first.get("startedAt").asText());
        Instant firstEnd = Instant.parse(first.get("finishedAt").asText());
        Instant secondStart = Instant.parse(second.get("startedAt").asText());
        Instant secondEnd = Instant.parse(second.get("finishedAt").asText());
        System.out.printf("independent tasks: translation %s..%s, transcription %s..%s%n", firstStart, firstEnd,
                secondStart, secondEnd);
        assertTrue(firstStart.isBefore(secondEnd) && secondStart.isBefore(firstEnd),
                "run intervals overlap: " + firstStart + ".." + firstEnd + " and " + secondStart + ".." + secondEnd);
        Instant speechStart = Instant.parse(tasks.get(2).get("startedAt").asText());
        assertFalse(speechStart.isBefore(secondEnd), "the transcript was read aloud after it existed");
    }

    @Test
    void theCliShowsEachStageSavesTheFilesAndSignalsFailure() throws Exception {
        Path out = Files.createTempDirectory(stack.data, "cli");
        Cli spoken = cli("ask", "Read 'the command line works' aloud", "--out", out.toString());
        assertEquals(0, spoken.exit(), spoken.output());
        assertTrue(spoken.output().contains("planned by embedded"), spoken.output());
        assertTrue(spoken.output().matches("(?s).*text-to-speech\\): succeeded in [0-9.]+ s on executor-.*"), spoken.output());
        Path wav;
        try (var files = Files.list(out)) {
            wav = files.filter(f -> f.toString().endsWith(".wav")).findFirst().orElseThrow(() -> new AssertionError(spoken.output()));
        }
        assertEquals("RIFF", new String(Files.readAllBytes(wav), 0, 4));

        Cli heard = cli("ask", "Transcribe this recording", "--file", wav.toString(), "--out", out.toString());
        assertEquals(0, heard.exit(), heard.output());
        assertTrue(heard.output().contains("uploaded " + wav), heard.output());
        assertTrue(heard.output().contains("automatic-speech-recognition): succeeded"), heard.output());

        Cli drawn = cli("ask", "Draw a picture of a red fox", "--out", out.toString());
        assertEquals(2, drawn.exit(), "a task that cannot run makes the exit code non-zero: " + drawn.output());
        assertTrue(drawn.output().contains("needs") || drawn.output().contains("remote backend"), drawn.output());
    }

    record Cli(int exit, String output) {
    }

    private static Cli cli(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("node", stack.root.resolve("cli/hg.mjs").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HG_URL", stack.gateway());
        builder.environment().put("HG_API_KEY", Stack.API_KEY);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES));
        return new Cli(process.exitValue(), output);
    }

    private static byte[] download(String id) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/v1/resources/" + id)).header("Authorization", "Bearer " + Stack.API_KEY).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    @Test
    void anUploadedPhotoGetsItsPoseAndCutOutWhileNamedEntitiesAreFoundOnTheOtherExecutor() throws Exception {
        String photo = stack.upload(photo("astronaut.png"), "astronaut.png", "image/png");
        JsonNode view = chat("Show the pose of the woman in astronaut.png, cut her out of the background, and find the names of"
                + " people and places in 'Barack Obama visited Paris with Angela Merkel in 2015.'", List.of(photo));

        assertEquals("DONE", view.get("status").asText(), view.toPrettyString());
        JsonNode tasks = view.get("tasks");
        assertEquals(3, tasks.size(), view.toPrettyString());
        JsonNode pose = tasks.get(0);
        assertEquals("local/mediapipe-blazepose", pose.get("model").asText(), pose.toPrettyString());
        assertEquals("SUCCEEDED", pose.get("status").asText(), pose.toPrettyString());
        assertTrue(pose.get("output").get("text").asText().startsWith("1 person"), pose.toPrettyString());
        byte[] map = download(pose.get("output").get("resources").get(0).get("id").asText());
        assertEquals("PNG", new String(map, 1, 3), "the pose map is a PNG");

        JsonNode cutOut = tasks.get(1);
        assertEquals("local/mediapipe-selfie-segmentation", cutOut.get("model").asText(), cutOut.toPrettyString());
        assertEquals("SUCCEEDED", cutOut.get("status").asText(), cutOut.toPrettyString());
        assertEquals(photo, cutOut.get("args").get("image").asText(), "'her' is the woman in the photo");

        JsonNode entities = tasks.get(2);
        assertEquals("local/stanford-ner-english", entities.get("model").asText(), entities.toPrettyString());
        String found = entities.get("output").get("text").asText();
        for (String entity : List.of("Barack Obama (PERSON)", "Paris (LOCATION)", "Angela Merkel (PERSON)")) {
            assertTrue(found.contains(entity), found);
        }
        String answer = view.get("answer").get("text").asText();
        assertTrue(answer.contains("local/mediapipe-blazepose") && answer.contains("Barack Obama"), answer);
    }

    private static byte[] photo(String name) throws Exception {
        String dir = System.getenv("HG_TEST_PHOTOS");
        Path folder = dir == null || dir.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "hugginggpt", "test-photos") : Path.of(dir);
        Path file = folder.resolve(name);
        assertTrue(Files.isRegularFile(file), file + " is missing: run testkit/test-photos.sh");
        return Files.readAllBytes(file);
    }

    @Test
    void planOnlyReturnsThePlanWithoutRunningIt() throws Exception {
        String body = Json.MAPPER.writeValueAsString(Map.of("messages",
                List.of(Map.of("role", "user", "content", "Summarize 'The cat sat on the mat all day long.' and read it aloud"))));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/v1/plan")).header("Authorization", "Bearer " + Stack.API_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode view = Json.MAPPER.readTree(response.body());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("DONE", view.get("status").asText());
        assertEquals("summarization", view.get("tasks").get(0).get("task").asText());
        assertEquals("text-to-speech", view.get("tasks").get(1).get("task").asText());
        assertEquals("<GENERATED>-0", view.get("tasks").get(1).get("args").get("text").asText());
        assertEquals("PENDING", view.get("tasks").get(0).get("status").asText());
    }

    @Test
    void taskTypeWithNoOfflineModelFailsWithTheReasonAndTheRestStillRuns() throws Exception {
        JsonNode view = chat("Draw a picture of a red fox and tell me what language 'Me gustaría leer un libro en la biblioteca esta tarde' is.");
        assertEquals("DONE", view.get("status").asText(), view.toPrettyString());
        JsonNode draw = view.get("tasks").get(0);
        assertEquals("text-to-image", draw.get("task").asText());
        assertEquals("FAILED", draw.get("status").asText());
        assertTrue(draw.get("error").asText().contains("remote backend"), draw.toPrettyString());
        assertEquals("Spanish", view.get("tasks").get(1).get("output").get("text").asText(), view.toPrettyString());
        assertTrue(view.get("answer").get("text").asText().contains("failed"), view.toPrettyString());
    }

    @Test
    void badRequestsGetProblemDetails() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/v1/requests")).header("Authorization", "Bearer " + Stack.API_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }
}

package dev.hugginggpt.executor.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import dev.hugginggpt.testkit.HttpStandIn;
import dev.hugginggpt.testkit.HttpStandIn.Reply;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hugging Face backend against a local server speaking the Inference API. */
class HuggingFaceBackendTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
    @TempDir
    Path dir;
    HttpStandIn server;
    ResourceStore store;
    HuggingFaceBackend backend;

    @BeforeEach
    void start() {
        server = HttpStandIn.start();
        store = new ResourceStore(dir);
        backend = new HuggingFaceBackend(server.baseUrl(), Optional.of("hf_test"), 3, 1 << 20, store);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static TaskDispatch task(String type, String model, Map<String, String> args) {
        return new TaskDispatch("req", 0, type, args, new ModelChoice(model, "huggingface", "test"), List.of(), 1,
                Instant.now().plusSeconds(30), Instant.now());
    }

    @Test
    void disabledWithoutAToken() {
        assertFalse(new HuggingFaceBackend(server.baseUrl(), Optional.empty(), 3, 1 << 20, store).enabled());
        assertTrue(backend.enabled());
    }

    @Test
    void textTasksSendJsonInputsWithTheTokenAndReadTheLabels() throws Exception {
        server.enqueue(Reply.json(200, "[[{\"label\": \"NEGATIVE\", \"score\": 0.02}, {\"label\": \"POSITIVE\", \"score\": 0.98}]]"));
        TaskOutput out = backend.run(task("text-classification", "distilbert/sst-2", Map.of("text", "I love it")), Duration.ofSeconds(10));
        assertEquals("POSITIVE", out.text());
        HttpStandIn.Call call = server.calls().get(0);
        assertEquals("/models/distilbert/sst-2", call.path());
        assertEquals("Bearer hf_test", call.headers().get("authorization"));
        assertEquals("application/json", call.headers().get("content-type"));
        assertEquals("I love it", Json.MAPPER.readTree(call.body()).get("inputs").asText());
    }

    @Test
    void imageTasksSendTheRawBytesAndDetectionsComeBackAsData() throws Exception {
        ResourceRef image = store.save(new ByteArrayInputStream(PNG), "cat.png", "image/png");
        server.enqueue(Reply.json(200, "[{\"label\": \"cat\", \"score\": 0.97, \"box\": {\"xmin\": 1, \"ymin\": 2, \"xmax\": 30, \"ymax\": 40}}]"));
        TaskOutput out = backend.run(task("object-detection", "facebook/detr-resnet-50", Map.of("image", image.id())), Duration.ofSeconds(10));
        assertEquals("1 object: cat (0.97)", out.text());
        assertEquals(1, ((List<?>) out.data().get("objects")).size());
        HttpStandIn.Call call = server.calls().get(0);
        assertArrayEquals(PNG, call.body());
        assertEquals("image/png", call.headers().get("content-type"));
    }

    @Test
    void speechRecognitionSendsTheAudioAndReadsTheText() throws Exception {
        ResourceRef audio = store.save(new ByteArrayInputStream(new byte[] {'R', 'I', 'F', 'F', 0, 0}), "a.wav", "audio/wav");
        server.enqueue(Reply.json(200, "{\"text\": \" hello world \"}"));
        TaskOutput out = backend.run(task("automatic-speech-recognition", "openai/whisper-base", Map.of("audio", audio.id())), Duration.ofSeconds(10));
        assertEquals("hello world", out.text());
        assertEquals("audio/wav", server.calls().get(0).headers().get("content-type"));
    }

    @Test
    void anImageAnswerIsStoredAsAResource() throws Exception {
        server.enqueue(Reply.bytes("image/png", PNG));
        TaskOutput out = backend.run(task("text-to-image", "runwayml/stable-diffusion-v1-5", Map.of("text", "a red fox")), Duration.ofSeconds(10));
        ResourceRef ref = out.resources().get(0);
        assertEquals("image/png", ref.contentType());
        assertArrayEquals(PNG, Files.readAllBytes(store.path(ref.id()).orElseThrow()));
    }

    @Test
    void structuredInputsForQuestionAnsweringAndZeroShot() throws Exception {
        server.enqueue(Reply.json(200, "{\"answer\": \"Paris\", \"score\": 0.9, \"start\": 0, \"end\": 5}"),
                Reply.json(200, "{\"sequence\": \"x\", \"labels\": [\"sports\", \"politics\"], \"scores\": [0.8, 0.2]}"));
        assertEquals("Paris", backend.run(task("question-answering", "deepset/roberta-base-squad2",
                Map.of("text", "What is the capital of France?", "text2", "Paris is the capital of France.")), Duration.ofSeconds(10)).text());
        assertEquals("sports", backend.run(task("zero-shot-classification", "facebook/bart-large-mnli",
                Map.of("text", "The match ended 2-1", "labels", "sports, politics")), Duration.ofSeconds(10)).text());
        JsonNode qa = Json.MAPPER.readTree(server.calls().get(0).body());
        assertEquals("Paris is the capital of France.", qa.get("inputs").get("context").asText());
        JsonNode zeroShot = Json.MAPPER.readTree(server.calls().get(1).body());
        assertEquals(List.of("sports", "politics"), List.of(zeroShot.at("/parameters/candidate_labels/0").asText(),
                zeroShot.at("/parameters/candidate_labels/1").asText()));
    }

    @Test
    void aLoadingModelIsWaitedForAsTheServiceEstimates() throws Exception {
        server.enqueue(Reply.json(503, "{\"error\": \"Model x is currently loading\", \"estimated_time\": 0.3}"),
                Reply.json(200, "[{\"generated_text\": \"a cat on a sofa\"}]"));
        ResourceRef image = store.save(new ByteArrayInputStream(PNG), "cat.png", "image/png");
        long start = System.nanoTime();
        TaskOutput out = backend.run(task("image-to-text", "nlpconnect/vit-gpt2", Map.of("image", image.id())), Duration.ofSeconds(10));
        assertEquals("a cat on a sofa", out.text());
        assertEquals(2, server.calls().size());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300);
    }

    @Test
    void rateLimitsHonourRetryAfter() throws Exception {
        server.enqueue(Reply.json(429, "{\"error\": \"rate limited\"}").withHeader("Retry-After", "1"),
                Reply.json(200, "[{\"summary_text\": \"short\"}]"));
        long start = System.nanoTime();
        assertEquals("short", backend.run(task("summarization", "facebook/bart-large-cnn", Map.of("text", "long text")), Duration.ofSeconds(10)).text());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 1000, "waited as Retry-After asked");
    }

    @Test
    void aWaitLongerThanTheTaskHasLeftFailsAtOnce() {
        server.enqueue(Reply.json(503, "{\"error\": \"loading\", \"estimated_time\": 120}"));
        ModelException e = assertThrows(ModelException.class, () -> backend.run(
                task("summarization", "m/x", Map.of("text", "t")), Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("longer than the task has left"), e.getMessage());
    }

    @Test
    void retriesAreBounded() {
        server.otherwise(call -> Reply.json(503, "{\"error\": \"loading\", \"estimated_time\": 0.05}"));
        ModelException e = assertThrows(ModelException.class, () -> backend.run(
                task("summarization", "m/x", Map.of("text", "t")), Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
        assertEquals(4, server.calls().size(), "the first call and 3 retries");
    }

    @Test
    void aHangingServiceTimesOutAtTheTaskDeadline() {
        server.enqueue(Reply.json(200, "[{\"summary_text\": \"late\"}]").after(Duration.ofSeconds(5)));
        long start = System.nanoTime();
        ModelException e = assertThrows(ModelException.class, () -> backend.run(
                task("summarization", "m/x", Map.of("text", "t")), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 3000);
    }

    @Test
    void errorsAndGarbageBecomeClearFailures() {
        server.enqueue(Reply.json(400, "{\"error\": \"Input is too long\"}"),
                new Reply(200, "text/html", "<html>oops</html>".getBytes(), Map.of(), Duration.ZERO),
                Reply.json(200, "{\"unexpected\": true}"));
        TaskDispatch t = task("summarization", "m/x", Map.of("text", "t"));
        assertTrue(assertThrows(ModelException.class, () -> backend.run(t, Duration.ofSeconds(5))).getMessage()
                .contains("HTTP 400: Input is too long"));
        assertTrue(assertThrows(ModelException.class, () -> backend.run(t, Duration.ofSeconds(5))).getMessage()
                .contains("unreadable answer"));
        assertTrue(assertThrows(ModelException.class, () -> backend.run(t, Duration.ofSeconds(5))).getMessage()
                .contains("shape this backend does not know"));
    }

    @Test
    void aFileArgumentThatIsNotAResourceIsRefusedWithoutACall() {
        ModelException e = assertThrows(ModelException.class, () -> backend.run(
                task("image-classification", "google/vit", Map.of("image", "../../etc/passwd")), Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("not a resource of this system"));
        assertTrue(server.calls().isEmpty());
    }

    @Test
    void imageToImageAndControlNetSendTheImageWithThePrompt() throws Exception {
        ResourceRef image = store.save(new ByteArrayInputStream(PNG), "room.png", "image/png");
        server.enqueue(Reply.bytes("image/png", PNG), Reply.bytes("image/png", PNG), Reply.bytes("image/png", PNG));
        for (String task : List.of("image-to-image", "canny-text-to-image")) {
            TaskOutput out = backend.run(task(task, "lllyasviel/sd-controlnet-canny",
                    Map.of("image", image.id(), "text", "a cozy room at night")), Duration.ofSeconds(10));
            assertEquals("image/png", out.resources().get(0).contentType());
        }
        for (int i = 0; i < 2; i++) {
            JsonNode body = Json.MAPPER.readTree(server.calls().get(i).body());
            assertEquals(java.util.Base64.getEncoder().encodeToString(PNG), body.get("inputs").asText());
            assertEquals("a cozy room at night", body.at("/parameters/prompt").asText());
        }
        TaskOutput edges = backend.run(task("canny-control", "lllyasviel/Annotators", Map.of("image", image.id())), Duration.ofSeconds(10));
        assertArrayEquals(PNG, server.calls().get(2).body(), "a control map is computed from the raw image");
        assertEquals("image/png", edges.resources().get(0).contentType());
    }
}

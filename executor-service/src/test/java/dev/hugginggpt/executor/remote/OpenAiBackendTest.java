package dev.hugginggpt.executor.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.ModelCard;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAI-compatible backend against a local server speaking that protocol. */
class OpenAiBackendTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 7};
    @TempDir
    Path dir;
    HttpStandIn server;
    ResourceStore store;
    OpenAiBackend backend;

    @BeforeEach
    void start() {
        server = HttpStandIn.start();
        store = new ResourceStore(dir);
        backend = new OpenAiBackend(Optional.of(server.baseUrl() + "/v1"), Optional.of("sk-test"),
                new OpenAiBackend.Settings(Optional.of("llama3"), Optional.of("sd-turbo"), Optional.of("tts-1"),
                        Optional.of("whisper-1"), "alloy"), 2, 1 << 20, store);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static TaskDispatch task(String type, String model, Map<String, String> args) {
        return new TaskDispatch("req", 0, type, args, new ModelChoice(model, "openai", "test"), List.of(), 1,
                Instant.now().plusSeconds(30), Instant.now());
    }

    @Test
    void announcesACardPerConfiguredEndpointAndNothingWithoutABaseUrl() {
        List<String> tasks = backend.localModels().stream().map(ModelCard::task).toList();
        assertTrue(tasks.containsAll(List.of("summarization", "translation", "text-to-image", "text-to-speech",
                "automatic-speech-recognition")), tasks.toString());
        assertTrue(backend.canRun("openai/sd-turbo"));
        OpenAiBackend unconfigured = new OpenAiBackend(Optional.empty(), Optional.empty(),
                new OpenAiBackend.Settings(Optional.of("llama3"), Optional.empty(), Optional.empty(), Optional.empty(), "alloy"), 2, 1 << 20, store);
        assertFalse(unconfigured.enabled());
        assertTrue(unconfigured.localModels().isEmpty());
    }

    @Test
    void summarizationIsAChatCompletion() throws Exception {
        server.enqueue(Reply.json(200, "{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": \" A short summary. \"}}]}"));
        TaskOutput out = backend.run(task("summarization", "openai/llama3", Map.of("text", "A long text.")), Duration.ofSeconds(10));
        assertEquals("A short summary.", out.text());
        HttpStandIn.Call call = server.calls().get(0);
        assertEquals("/v1/chat/completions", call.path());
        assertEquals("Bearer sk-test", call.headers().get("authorization"));
        JsonNode body = Json.MAPPER.readTree(call.body());
        assertEquals("llama3", body.get("model").asText());
        assertEquals("A long text.", body.at("/messages/1/content").asText());
        assertTrue(body.at("/messages/0/content").asText().startsWith("Summarize"));
    }

    @Test
    void textToImageDecodesTheBase64Image() throws Exception {
        server.enqueue(Reply.json(200, "{\"created\": 1, \"data\": [{\"b64_json\": \"" + Base64.getEncoder().encodeToString(PNG) + "\"}]}"));
        TaskOutput out = backend.run(task("text-to-image", "openai/sd-turbo", Map.of("text", "a red fox")), Duration.ofSeconds(10));
        ResourceRef ref = out.resources().get(0);
        assertArrayEquals(PNG, Files.readAllBytes(store.path(ref.id()).orElseThrow()));
        JsonNode body = Json.MAPPER.readTree(server.calls().get(0).body());
        assertEquals("/v1/images/generations", server.calls().get(0).path());
        assertEquals("b64_json", body.get("response_format").asText());
        assertEquals("a red fox", body.get("prompt").asText());
    }

    @Test
    void anImageGivenOnlyAsAUrlIsNotFetched() {
        server.enqueue(Reply.json(200, "{\"data\": [{\"url\": \"http://169.254.169.254/latest\"}]}"));
        ModelException e = assertThrows(ModelException.class, () -> backend.run(
                task("text-to-image", "openai/sd-turbo", Map.of("text", "x")), Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("URLs are not fetched"));
        assertEquals(1, server.calls().size());
    }

    @Test
    void speechReturnsAudioBytes() throws Exception {
        byte[] wav = {'R', 'I', 'F', 'F', 1, 2, 3};
        server.enqueue(Reply.bytes("audio/wav", wav));
        TaskOutput out = backend.run(task("text-to-speech", "openai/tts-1", Map.of("text", "hello")), Duration.ofSeconds(10));
        assertEquals("audio/wav", out.resources().get(0).contentType());
        JsonNode body = Json.MAPPER.readTree(server.calls().get(0).body());
        assertEquals("hello", body.get("input").asText());
        assertEquals("alloy", body.get("voice").asText());
    }

    @Test
    void transcriptionUploadsTheAudioAsMultipart() throws Exception {
        ResourceRef audio = store.save(new ByteArrayInputStream(new byte[] {'R', 'I', 'F', 'F', 9}), "speech.wav", "audio/wav");
        server.enqueue(Reply.json(200, "{\"text\": \"hello there\"}"));
        TaskOutput out = backend.run(task("automatic-speech-recognition", "openai/whisper-1", Map.of("audio", audio.id())), Duration.ofSeconds(10));
        assertEquals("hello there", out.text());
        HttpStandIn.Call call = server.calls().get(0);
        assertTrue(call.headers().get("content-type").startsWith("multipart/form-data; boundary="));
        String body = call.text();
        assertTrue(body.contains("name=\"model\"\r\n\r\nwhisper-1"), body);
        assertTrue(body.contains("name=\"file\"; filename=\"speech.wav\""), body);
    }

    @Test
    void rateLimitThenErrorThenGarbage() {
        server.enqueue(Reply.json(429, "{\"error\": {\"message\": \"slow down\"}}").withHeader("Retry-After", "0.2"),
                Reply.json(500, "{\"error\": {\"message\": \"internal\"}}"),
                new Reply(200, "application/json", "not json".getBytes(), Map.of(), Duration.ZERO));
        TaskDispatch t = task("translation", "openai/llama3", Map.of("text", "hola"));
        assertTrue(assertThrows(ModelException.class, () -> backend.run(t, Duration.ofSeconds(5))).getMessage()
                .contains("HTTP 500: internal"));
        assertEquals(2, server.calls().size(), "the 429 was retried");
        assertTrue(assertThrows(ModelException.class, () -> backend.run(t, Duration.ofSeconds(5))).getMessage()
                .contains("unreadable answer"));
    }
}

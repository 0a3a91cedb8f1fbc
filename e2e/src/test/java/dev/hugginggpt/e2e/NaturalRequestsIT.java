package dev.hugginggpt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests as people write them, through the real broker and the four services with no LLM: reading a quoted sentence
 * aloud and naming its language (through the OpenAI-compatible facade, French and German quoted, and through the web
 * UI), a text document summarized through the command line, and a greeting answered without any task.
 */
class NaturalRequestsIT {
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
    void theBonjourRequestThroughChatCompletionsAnswersFrenchWithAWav() throws Exception {
        JsonNode completion = complete("Read 'Bonjour tout le monde' aloud and tell me what language it is.");
        String answer = completion.at("/choices/0/message/content").asText();
        assertTrue(answer.contains("French"), answer);
        assertFalse(answer.contains("English"), "the quoted sentence is French, whatever the request around it: " + answer);

        JsonNode view = get("/v1/requests/" + completion.at("/hugginggpt/requestId").asText());
        assertEquals("DONE", view.get("status").asText(), view.toPrettyString());
        JsonNode speech = task(view, "text-to-speech");
        assertEquals("Bonjour tout le monde", speech.at("/args/text").asText(), view.toPrettyString());
        byte[] wav = download(speech.at("/output/resources/0/id").asText());
        assertEquals("RIFF", new String(wav, 0, 4), "a real WAV file");
        assertTrue(wav.length > 10_000, "a second of speech is more than 10 kB: " + wav.length);
    }

    @Test
    void germanQuotedInAnEnglishRequestIsGermanNotEnglish() throws Exception {
        JsonNode completion = complete("Read 'Guten Morgen, wie geht es dir?' aloud and tell me what language it is.");
        String answer = completion.at("/choices/0/message/content").asText();
        JsonNode view = get("/v1/requests/" + completion.at("/hugginggpt/requestId").asText());
        assertEquals("DONE", view.get("status").asText(), view.toPrettyString());
        assertEquals("German", task(view, "text-classification").at("/output/text").asText(), view.toPrettyString());
        assertTrue(answer.contains("German") && !answer.contains("English"), answer);
        assertEquals("RIFF", new String(download(task(view, "text-to-speech").at("/output/resources/0/id").asText()), 0, 4));
    }

    @Test
    void theBonjourRequestThroughTheWebUiShowsFrenchAndAnAudioElement() throws Exception {
        Node result = Node.script(stack, "ui-natural.test.mjs", Map.of());
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("ui-natural: PASS"), result.output());
    }

    @Test
    void aTextDocumentIsSummarizedThroughTheCommandLine() throws Exception {
        String notes = """
                The harbour committee met on Tuesday to discuss the lighthouse on Skerry Point. The lamp has failed three \
                times this winter, and the fishermen of Ballycastle now sail home before dark. The committee agreed to \
                replace the lamp with an LED beacon powered by solar panels, at a cost of twelve thousand pounds. Work \
                begins in March, and the old brass lens will go to the town museum. Mrs Doyle, the keeper's granddaughter, \
                will open the new beacon at a small ceremony in May.
                """;
        Path dir = Files.createDirectories(stack.data.resolve("cli"));
        Files.writeString(dir.resolve("notes.txt"), notes);
        long started = System.nanoTime();
        Node cli = Node.run(stack, dir, List.of("node", stack.root.resolve("cli/hg.mjs").toString(), "ask", "Summarize this document",
                "--file", "notes.txt", "--out", dir.toString()), Map.of("HG_URL", stack.gateway(), "HG_API_KEY", Stack.API_KEY),
                Duration.ofMinutes(4));
        System.out.printf("natural: CLI summary of notes.txt, %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertEquals(0, cli.exit(), cli.output());

        Matcher id = Pattern.compile("request (\\S+)").matcher(cli.output());
        assertTrue(id.find(), cli.output());
        JsonNode summary = task(get("/v1/requests/" + id.group(1)), "summarization");
        assertEquals("SUCCEEDED", summary.get("status").asText(), summary.toPrettyString());
        String text = summary.at("/output/text").asText();
        assertTrue(List.of("lighthouse", "lamp", "beacon", "committee").stream().filter(text::contains).count() >= 2,
                "drawn from the document: " + text);
        assertFalse(text.contains("Summarize this document"), "a summary of the file, not of the request: " + text);
        assertTrue(text.length() < notes.length(), "shorter than the document: " + text);
        assertTrue(cli.output().contains(text.strip().substring(0, Math.min(40, text.strip().length()))),
                "the command line prints the summary:\n" + cli.output());
    }

    @Test
    void aGreetingIsAnsweredWithoutTasksNamingWhatThisDeploymentCanDo() throws Exception {
        long started = System.nanoTime();
        JsonNode view = post("/v1/chat", Json.MAPPER.writeValueAsString(Map.of("messages",
                List.of(Map.of("role", "user", "content", "Hello, who are you?")))));
        System.out.printf("natural: greeting through /v1/chat, %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertEquals("DONE", view.get("status").asText(), view.toPrettyString());
        assertEquals(0, view.get("tasks").size(), view.toPrettyString());
        String answer = view.at("/answer/text").asText();
        assertTrue(answer.contains("text-to-speech: local/") && answer.contains("summarization"), answer);
        assertTrue(answer.contains("Read 'Bonjour tout le monde' aloud"), "an example that runs here: " + answer);
    }

    private static JsonNode complete(String text) throws Exception {
        long started = System.nanoTime();
        JsonNode completion = post("/v1/chat/completions", Json.MAPPER.writeValueAsString(Map.of("model", "hugginggpt",
                "messages", List.of(Map.of("role", "user", "content", text)))));
        System.out.printf("natural: \"%s\" through /v1/chat/completions, %d ms%n", text, (System.nanoTime() - started) / 1_000_000);
        return completion;
    }

    private static JsonNode task(JsonNode view, String type) {
        for (JsonNode task : view.get("tasks")) {
            if (task.get("task").asText().equals(type)) {
                return task;
            }
        }
        throw new AssertionError("no " + type + " task: " + view.toPrettyString());
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + path))
                .header("Authorization", "Bearer " + Stack.API_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private static JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + path))
                .header("Authorization", "Bearer " + Stack.API_KEY).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(3)).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private static byte[] download(String id) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/v1/resources/" + id))
                .header("Authorization", "Bearer " + Stack.API_KEY).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response.body();
    }
}

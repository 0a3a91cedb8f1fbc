package dev.hugginggpt.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.client.ApiClient;
import dev.hugginggpt.client.ApiException;
import dev.hugginggpt.client.api.RequestsApi;
import dev.hugginggpt.client.api.ResourcesApi;
import dev.hugginggpt.client.model.ChatMessage;
import dev.hugginggpt.client.model.RequestStatus;
import dev.hugginggpt.client.model.RequestView;
import dev.hugginggpt.client.model.ResourceRef;
import dev.hugginggpt.client.model.SubmitRequest;
import dev.hugginggpt.client.model.TaskStatus;
import dev.hugginggpt.client.model.TaskView;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The front doors against the real stack: a Java client and a TypeScript client generated from the gateway's own OpenAPI
 * document (linted by @redocly/cli), the official openai npm client and the ai SDK on the OpenAI-compatible facade, the
 * eventsource client on the event stream, the command line, and the web UI in headless Chromium at desktop and phone size.
 */
class FrontDoorsIT {
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
    void generatedJavaClientUploadsAsksReadsAndDownloads() throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(stack.gateway());
        client.setReadTimeout(Duration.ofMinutes(3));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + Stack.API_KEY));
        RequestsApi requests = new RequestsApi(client);
        ResourcesApi resources = new ResourcesApi(client);

        File sign = stack.data.resolve("sign.png").toFile();
        ImageIO.write(sign("CLIENT WORKS"), "png", sign);
        ResourceRef uploaded = resources.uploadResource(sign);
        assertEquals("image/png", uploaded.getContentType());
        File back = resources.downloadResource(uploaded.getId());
        assertArrayEquals(Files.readAllBytes(sign.toPath()), Files.readAllBytes(back.toPath()), "the bytes come back unchanged");

        RequestView planned = requests.plan(ask("Read the text in sign.png", uploaded.getId()));
        assertEquals("image-to-text", planned.getTasks().get(0).getTask());

        RequestView view = requests.chat(ask("Read the text in sign.png", uploaded.getId()));
        assertEquals(RequestStatus.DONE, view.getStatus(), String.valueOf(view));
        TaskView ocr = view.getTasks().get(0);
        assertEquals(TaskStatus.SUCCEEDED, ocr.getStatus());
        assertTrue(ocr.getOutput().getText().contains("CLIENT WORKS"), ocr.getOutput().getText());
        assertTrue(view.getAnswer().getText().contains("CLIENT WORKS"), view.getAnswer().getText());
        assertEquals(view.getId(), requests.getRequest(view.getId()).getId());
        assertEquals(view.getTasks().size(), requests.getRequest(view.getId()).getTasks().size());

        ApiException empty = assertThrows(ApiException.class, () -> requests.submitRequest(new SubmitRequest().messages(List.of())));
        assertEquals(400, empty.getCode());
        assertTrue(empty.getResponseBody().contains("\"status\":400"), empty.getResponseBody());

        ApiClient stranger = new ApiClient();
        stranger.updateBaseUri(stack.gateway());
        stranger.setRequestInterceptor(request -> request.header("Authorization", "Bearer not-a-key"));
        assertEquals(401, assertThrows(ApiException.class, () -> new RequestsApi(stranger).getRequest(view.getId())).getCode());
    }

    @Test
    void officialOpenAiNodeClientTalksToTheFacade() throws Exception {
        Path sign = stack.data.resolve("openai-sign.png");
        ImageIO.write(sign("OPENAI WORKS"), "png", sign.toFile());
        Node result = node("openai.test.mjs", Map.of("SIGN_PNG", sign.toString()));
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("openai: PASS"), result.output());
    }

    @Test
    void webUiRunsARequestWithAnUploadInHeadlessChromiumAtDesktopAndPhoneSize() throws Exception {
        Path screenshot = stack.root.resolve("e2e/target/ui.png");
        Path phone = stack.root.resolve("e2e/target/ui-phone.png");
        Node result = node("ui.test.mjs", Map.of("SCREENSHOT", screenshot.toString(), "SCREENSHOT_PHONE", phone.toString()));
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("ui: PASS"), result.output());
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the page");
        assertTrue(Files.size(phone) > 10_000, "a screenshot of the page at a phone's size");
    }

    /** A standard EventSource client: every event once, then it stops (204 on its reconnect), no replay. */
    @Test
    void anEventSourceClientGetsEveryEventOnceAndStops() throws Exception {
        Node result = node("events.test.mjs", Map.of());
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("events: PASS"), result.output());
    }

    /**
     * The document as served passes @redocly/cli lint with no error; a TypeScript client generated from it
     * (openapi-typescript + openapi-fetch) type-checks with tsc and uploads, submits, polls, streams and downloads.
     */
    @Test
    void theOpenApiDocumentLintsCleanAndATypeScriptClientGeneratedFromItWorks() throws Exception {
        Node lint = node("openapi.test.mjs", Map.of());
        assertEquals(0, lint.exit(), lint.output());
        assertTrue(lint.output().contains("redocly lint: 0 errors"), lint.output());
        Node compiled = run(stack.root.resolve("e2e/node"), List.of("npx", "--no-install", "tsc", "-p", "tsconfig.json"), Map.of(),
                Duration.ofMinutes(3));
        assertEquals(0, compiled.exit(), "the generated types and the client code type-check:\n" + compiled.output());
        Path sign = stack.data.resolve("typed-sign.png");
        ImageIO.write(sign("TYPED CLIENT"), "png", sign.toFile());
        Node typed = node("build/typed-client.test.js", Map.of("SIGN_PNG", sign.toString()));
        assertEquals(0, typed.exit(), typed.output());
        assertTrue(typed.output().contains("typed-client: PASS"), typed.output());
    }

    @Test
    void theAiSdkTalksToTheFacadeWithStructuredOutput() throws Exception {
        Node result = node("ai-sdk.test.mjs", Map.of());
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("ai-sdk: PASS"), result.output());
    }

    @Test
    void theCommandLineRefusesABadCommandLineBeforeSendingAnything() throws Exception {
        Node result = node("cli.test.mjs", Map.of());
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("cli: PASS"), result.output());
    }

    /**
     * A streamed chat completion's first byte (headers and the role chunk) leaves once the request is handed to the
     * planner, not when the answer is ready: measured from the request to the first line of the body.
     */
    @Test
    void aStreamedCompletionsFirstByteLeavesAtOnce() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.gateway() + "/v1/chat/completions"))
                    .header("Authorization", "Bearer " + Stack.API_KEY).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"model\": \"hugginggpt\", \"stream\": true, \"messages\":"
                            + " [{\"role\": \"user\", \"content\": \"Read 'first byte " + i + "' aloud\"}]}")).build();
            long sent = System.nanoTime();
            java.net.http.HttpResponse<java.util.stream.Stream<String>> response = http.send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofLines());
            try (java.util.stream.Stream<String> lines = response.body()) {
                java.util.Iterator<String> it = lines.iterator();
                String first = it.next();
                micros.add((System.nanoTime() - sent) / 1000);
                assertTrue(first.startsWith("data: ") && first.contains("\"role\":\"assistant\""), first);
                while (it.hasNext()) {
                    it.next(); // read to [DONE], so that the next request does not wait behind this one's tasks
                }
            }
        }
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf("streamed chat completion, time to first byte: median %.1f ms, max %.1f ms (%s µs)%n",
                sorted.get(2) / 1000.0, sorted.get(4) / 1000.0, micros);
        assertTrue(sorted.get(2) < 1_000_000, "the first byte leaves at once: " + micros);
    }

    private static SubmitRequest ask(String text, String resource) {
        return new SubmitRequest().messages(List.of(new ChatMessage().role("user").content(text))).resources(List.of(resource));
    }

    private static BufferedImage sign(String text) {
        BufferedImage image = new BufferedImage(900, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 72));
        g.drawString(text, 40, 130);
        g.dispose();
        return image;
    }

    private static Node node(String script, Map<String, String> env) throws Exception {
        return Node.script(stack, script, env);
    }

    private static Node run(Path dir, List<String> command, Map<String, String> env, Duration limit) throws Exception {
        return Node.run(stack, dir, command, env, limit);
    }
}

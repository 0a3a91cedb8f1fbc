package dev.hugginggpt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.testkit.HttpStandIn;
import dev.hugginggpt.testkit.OpenAiStandIn;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import dev.hugginggpt.testkit.OpenAiStandIn.ChatCall;
import dev.hugginggpt.testkit.OpenAiStandIn.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline with an LLM configured: every service talks to a local server speaking the OpenAI
 * protocol, which plays the LLM's part in each stage (plan, model choice, answer). The tasks
 * themselves run on the real local models.
 */
class LlmPipelineIT {
    private static final String REQUEST = "Read 'the quick brown fox jumps over the lazy dog' aloud, then transcribe the recording.";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String DRAW = "Draw a shop sign that says OPEN TODAY, then read the text on the sign.";
    private static final String HANG = "Paint a sign that says CLOSED.";
    /** The model the stand-in LLM picked for the request that must meet a hanging model. */
    private static volatile String hangingModel = "";
    private static OpenAiStandIn llm;
    private static HttpStandIn huggingFace;
    private static Stack stack;

    @BeforeAll
    static void start() throws Exception {
        llm = OpenAiStandIn.start();
        huggingFace = HttpStandIn.start().otherwise(LlmPipelineIT::playTheInferenceApi);
        stack = new Stack(1, Map.of("HG_LLM_BASE_URL", llm.baseUrl(), "HG_LLM_API_KEY", "test-key", "HG_LLM_MODEL", "stand-in",
                "HG_HUGGINGFACE_TOKEN", "hf_test", "HG_HUGGINGFACE_BASE_URL", huggingFace.baseUrl()));
    }

    @BeforeEach
    void freshLlm() {
        llm.reset();
        llm.otherwise(LlmPipelineIT::playTheLlm);
    }

    /** A text-to-image model of the Inference API: draws the prompt's capitals as a PNG sign. */
    private static HttpStandIn.Reply playTheInferenceApi(HttpStandIn.Call call) {
        try {
            String prompt = Json.MAPPER.readTree(call.body()).path("inputs").asText();
            if (prompt.contains("CLOSED") && call.path().endsWith("/" + hangingModel)) {
                return HttpStandIn.Reply.json(200, "{}").after(Duration.ofSeconds(40));
            }
            String words = prompt.replaceAll("[^A-Z ]", " ").replaceAll("\\b[A-Z]\\b", " ").replaceAll("\\s+", " ").strip();
            BufferedImage sign = new BufferedImage(900, 260, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = sign.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 900, 260);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 96));
            g.drawString(words, 40, 170);
            g.dispose();
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(sign, "png", png);
            return HttpStandIn.Reply.bytes("image/png", png.toByteArray());
        } catch (Exception e) {
            return HttpStandIn.Reply.json(400, "{\"error\": \"" + e.getMessage() + "\"}");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (llm != null) {
            llm.close();
        }
        if (huggingFace != null) {
            huggingFace.close();
        }
    }

    /** What the LLM would say at each stage, told apart by the stage's instructions. */
    private static Reply playTheLlm(ChatCall call) {
        String system = call.system();
        boolean drawing = call.messages().stream().anyMatch(m -> m.content().contains("shop sign"));
        boolean hanging = call.messages().stream().anyMatch(m -> m.content().contains("says CLOSED"));
        if (hanging && system.contains("#1 Task planning stage")) {
            return Reply.content("[{\"task\": \"text-to-image\", \"id\": 0, \"dep\": [-1], \"args\": {\"text\": \"a sign that says CLOSED\"}}]");
        }
        if (hanging && system.contains("#2 Model selection stage")) {
            Matcher first = Pattern.compile("Task 0: text-to-image.*?\\{\"id\": \"([^\"]+)\"", Pattern.DOTALL).matcher(call.lastUser());
            hangingModel = first.find() ? first.group(1) : "none";
            return Reply.content("[{\"task\": 0, \"id\": \"" + hangingModel + "\", \"reason\": \"the most used\"}]");
        }
        if (drawing && system.contains("#1 Task planning stage")) {
            return Reply.content("""
                    [{"task": "text-to-image", "id": 0, "dep": [-1], "args": {"text": "a shop sign that says OPEN TODAY"}},
                     {"task": "image-to-text", "id": 1, "dep": [0], "args": {"image": "<GENERATED>-0"}}]""");
        }
        if (drawing && system.contains("#2 Model selection stage")) {
            Matcher firstImageModel = Pattern.compile("Task 0: text-to-image.*?\\{\"id\": \"([^\"]+)\"", Pattern.DOTALL)
                    .matcher(call.lastUser());
            String painter = firstImageModel.find() ? firstImageModel.group(1) : "none";
            return Reply.content("[{\"task\": 0, \"id\": \"" + painter + "\", \"reason\": \"the most used image model\"},"
                    + " {\"task\": 1, \"id\": \"local/tesseract-ocr-eng\", \"reason\": \"OCR reads signs\"}]");
        }
        if (system.contains("#1 Task planning stage")) {
            return Reply.content("""
                    Here is the plan:
                    ```json
                    [{"task": "text-to-speech", "id": 0, "dep": [-1], "args": {"text": "the quick brown fox jumps over the lazy dog"}},
                     {"task": "automatic-speech-recognition", "id": 1, "dep": [0], "args": {"audio": "<GENERATED>-0"}}]
                    ```""");
        }
        if (system.contains("#2 Model selection stage")) {
            return Reply.content("[{\"task\": 0, \"id\": \"local/flite-slt\", \"reason\": \"a clear voice that speech recognition follows well\"}]");
        }
        if (system.contains("#4 Response generation stage")) {
            return Reply.content("I spoke your sentence and transcribed it back. Results: " + call.lastUser());
        }
        return Reply.error(400, "{\"error\":{\"message\":\"unexpected prompt\"}}");
    }

    @Test
    void eachStageUsesTheLlmOnceAndTheTasksRunOnRealModels() throws Exception {
        JsonNode view = chat(REQUEST);
        assertEquals("DONE", view.get("status").asText(), view.toPrettyString());
        assertEquals("llm", view.get("planner").asText());

        JsonNode speak = view.get("tasks").get(0);
        assertEquals("local/flite-slt", speak.get("model").asText(), view.toPrettyString());
        assertTrue(speak.get("reason").asText().startsWith("chosen by the LLM"), speak.get("reason").asText());
        JsonNode transcribe = view.get("tasks").get(1);
        assertEquals("SUCCEEDED", transcribe.get("status").asText(), view.toPrettyString());
        String transcript = transcribe.get("output").get("text").asText().toLowerCase(Locale.ROOT);
        long heard = List.of("quick", "brown", "fox", "jumps", "lazy", "dog").stream().filter(transcript::contains).count();
        assertTrue(heard >= 3, "pocketsphinx should hear most of flite's words, heard: " + transcript);

        JsonNode answer = view.get("answer");
        assertEquals("llm", answer.get("generator").asText());
        assertTrue(answer.get("text").asText().contains(transcribe.get("output").get("text").asText()),
                "the answer is written from the real results");

        assertEquals(3, view.get("llmUsage").get("calls").asInt(), view.get("llmUsage").toString());
        for (String stage : List.of("planning", "selection", "response")) {
            assertEquals(1, view.get("llmUsageByStage").get(stage).get("calls").asInt(), stage);
        }
        assertTrue(view.get("llmUsage").get("inputTokens").asLong() > 0);
        assertEquals(3, llm.calls().size());
        assertTrue(llm.calls().stream().allMatch(c -> "Bearer test-key".equals(c.authorization())
                && "stand-in".equals(c.model())), "the configured key and model reach the endpoint");
    }

    @Test
    void anImageFromTheRemoteBackendIsReadByALocalModel() throws Exception {
        JsonNode view = chat(DRAW);
        assertEquals("DONE", view.get("status").asText(), view.toPrettyString());
        JsonNode draw = view.get("tasks").get(0);
        assertEquals("huggingface", draw.get("backend").asText(), view.toPrettyString());
        assertEquals("SUCCEEDED", draw.get("status").asText(), view.toPrettyString());
        String imageId = draw.get("output").get("resources").get(0).get("id").asText();
        assertTrue(imageId.endsWith(".png"), imageId);
        HttpStandIn.Call painted = huggingFace.calls().stream()
                .filter(c -> c.path().endsWith("/" + draw.get("model").asText())).findFirst().orElseThrow();
        assertEquals("Bearer hf_test", painted.headers().get("authorization"));

        JsonNode read = view.get("tasks").get(1);
        assertEquals("local/tesseract-ocr-eng", read.get("model").asText());
        String text = read.get("output").get("text").asText();
        assertTrue(text.contains("OPEN") && text.contains("TODAY"), "OCR of the generated sign: " + text);
        assertEquals(3, view.get("llmUsage").get("calls").asInt());
    }

    @Test
    void aModelThatHangsIsCutAtTheDeadlineAndTheNextCandidateRuns() throws Exception {
        JsonNode view = chat(HANG, Map.of("taskTimeoutSeconds", 5));
        assertEquals("DONE", view.get("status").asText(), view.toPrettyString());
        JsonNode paint = view.get("tasks").get(0);
        assertEquals("SUCCEEDED", paint.get("status").asText(), view.toPrettyString());
        String fallback = paint.get("model").asText();
        assertTrue(!fallback.equals(hangingModel) && !hangingModel.isEmpty(), fallback + " after " + hangingModel);
        assertTrue(paint.get("reason").asText().contains("fallback after " + hangingModel + " failed"),
                paint.get("reason").asText());
        assertTrue(paint.get("reason").asText().contains("did not answer"), paint.get("reason").asText());
        assertTrue(paint.get("output").get("resources").get(0).get("id").asText().endsWith(".png"));
    }

    private static JsonNode chat(String text) throws Exception {
        return chat(text, Map.of());
    }

    private static JsonNode chat(String text, Map<String, Object> options) throws Exception {
        String body = Json.MAPPER.writeValueAsString(Map.of("messages", List.of(Map.of("role", "user", "content", text)),
                "options", options));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/v1/chat")).header("Authorization", "Bearer " + Stack.API_KEY)
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }
}

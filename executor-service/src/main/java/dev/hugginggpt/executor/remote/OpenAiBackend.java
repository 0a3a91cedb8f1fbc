package dev.hugginggpt.executor.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hugginggpt.executor.backend.ModelBackend;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code openai} backend: any OpenAI-compatible server (OpenAI, vLLM, Ollama, LocalAI). Chat
 * completions for the text tasks, image generations for text-to-image, audio speech for
 * text-to-speech, audio transcriptions for speech recognition; each only when its model is configured.
 */
public final class OpenAiBackend implements ModelBackend {
    static final Map<String, String> CHAT_TASKS = Map.of(
            "text-generation", "Continue or write the text the user asks for.",
            "conversational", "Reply to the user helpfully and briefly.",
            "text2text-generation", "Do what the user's text asks and answer with the resulting text only.",
            "summarization", "Summarize the user's text in a few sentences. Answer with the summary only.",
            "translation", "Translate the user's text. If no target language is named, translate into English."
                    + " Answer with the translation only.");

    private final String baseUrl;
    private final Optional<String> apiKey;
    private final Settings models;
    private final HttpCalls http;
    private final RemoteFiles files;

    /** Model names per endpoint; an absent one leaves its tasks to other backends. */
    public record Settings(Optional<String> chatModel, Optional<String> imageModel, Optional<String> speechModel,
            Optional<String> transcriptionModel, String voice) {
    }

    public OpenAiBackend(Optional<String> baseUrl, Optional<String> apiKey, Settings models, int maxRetries,
            long maxResponseBytes, ResourceStore store) {
        String base = baseUrl.filter(u -> !u.isBlank()).orElse("");
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.apiKey = apiKey.filter(k -> !k.isBlank());
        this.models = models;
        this.http = new HttpCalls(maxRetries, maxResponseBytes);
        this.files = new RemoteFiles(store);
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public boolean enabled() {
        return !baseUrl.isEmpty() && !localModels().isEmpty();
    }

    @Override
    public List<ModelCard> localModels() {
        if (baseUrl.isEmpty()) {
            return List.of();
        }
        List<ModelCard> cards = new ArrayList<>();
        models.chatModel().ifPresent(m -> CHAT_TASKS.keySet().stream().sorted()
                .forEach(task -> cards.add(card(m, task, "chat model " + m + " on an OpenAI-compatible server"))));
        models.imageModel().ifPresent(m -> cards.add(card(m, "text-to-image", "image generation model " + m)));
        models.speechModel().ifPresent(m -> cards.add(card(m, "text-to-speech", "speech synthesis model " + m)));
        models.transcriptionModel().ifPresent(m -> cards.add(card(m, "automatic-speech-recognition",
                "speech transcription model " + m)));
        return cards;
    }

    private static ModelCard card(String model, String task, String description) {
        return new ModelCard("openai/" + model, task, "openai", 0, 0, description, "per the provider's terms");
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    @Override
    public boolean canRun(String modelId) {
        return enabled() && localModels().stream().anyMatch(c -> c.id().equals(modelId));
    }

    @Override
    public TaskOutput run(TaskDispatch task, Duration timeLeft) throws ModelException {
        String model = task.model().modelId().startsWith("openai/") ? task.model().modelId().substring(7)
                : task.model().modelId();
        if (CHAT_TASKS.containsKey(task.task())) {
            return chat(model, task, timeLeft);
        }
        return switch (task.task()) {
            case "text-to-image" -> image(model, task, timeLeft);
            case "text-to-speech" -> speech(model, task, timeLeft);
            case "automatic-speech-recognition" -> transcription(model, task, timeLeft);
            default -> throw new ModelException("the openai backend does not run " + task.task() + " tasks");
        };
    }

    private TaskOutput chat(String model, TaskDispatch task, Duration timeLeft) throws ModelException {
        ObjectNode body = Json.MAPPER.createObjectNode().put("model", model).put("temperature", 0);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", CHAT_TASKS.get(task.task()));
        messages.addObject().put("role", "user").put("content", RemoteFiles.text(task.args()));
        JsonNode answer = json(post("/chat/completions", RemoteFiles.json(body), "application/json", timeLeft));
        JsonNode content = answer.path("choices").path(0).path("message").path("content");
        if (!content.isTextual() || content.asText().isBlank()) {
            throw new ModelException("the OpenAI-compatible server sent no chat content");
        }
        return TaskOutput.text(content.asText().strip(), Map.of());
    }

    private TaskOutput image(String model, TaskDispatch task, Duration timeLeft) throws ModelException {
        ObjectNode body = Json.MAPPER.createObjectNode().put("model", model).put("prompt", RemoteFiles.text(task.args()))
                .put("n", 1).put("response_format", "b64_json");
        JsonNode answer = json(post("/images/generations", RemoteFiles.json(body), "application/json", timeLeft));
        JsonNode b64 = answer.path("data").path(0).path("b64_json");
        if (!b64.isTextual()) {
            throw new ModelException("the OpenAI-compatible server sent no b64_json image (URLs are not fetched)");
        }
        byte[] png;
        try {
            png = Base64.getDecoder().decode(b64.asText());
        } catch (IllegalArgumentException e) {
            throw new ModelException("the image from the OpenAI-compatible server is not valid base64");
        }
        return files.store(png, "image/png", "text-to-image");
    }

    private TaskOutput speech(String model, TaskDispatch task, Duration timeLeft) throws ModelException {
        ObjectNode body = Json.MAPPER.createObjectNode().put("model", model).put("input", RemoteFiles.text(task.args()))
                .put("voice", models.voice()).put("response_format", "wav");
        HttpResponse<byte[]> response = post("/audio/speech", RemoteFiles.json(body), "application/json", timeLeft);
        String type = response.headers().firstValue("Content-Type").orElse("audio/wav");
        return files.store(response.body(), type.startsWith("audio/") ? type : "audio/wav", "text-to-speech");
    }

    private TaskOutput transcription(String model, TaskDispatch task, Duration timeLeft) throws ModelException {
        ResourceRef audio = files.resource(task.args(), "audio");
        String boundary = "hg-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            part(body, boundary, "model", null, null, model.getBytes(StandardCharsets.UTF_8));
            part(body, boundary, "file", audio.name(), audio.contentType(), Files.readAllBytes(files.path(audio)));
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ModelException("cannot read the audio: " + e.getMessage());
        }
        JsonNode answer = json(post("/audio/transcriptions", body.toByteArray(),
                "multipart/form-data; boundary=" + boundary, timeLeft));
        if (!answer.path("text").isTextual()) {
            throw new ModelException("the OpenAI-compatible server sent no transcription text");
        }
        return TaskOutput.text(answer.get("text").asText().strip(), Map.of());
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String fileName, String type,
            byte[] content) throws IOException {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append('"');
        if (fileName != null) {
            head.append("; filename=\"").append(fileName.replace("\"", "")).append('"');
        }
        head.append("\r\n");
        if (type != null) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> post(String path, byte[] body, String contentType, Duration timeLeft) throws ModelException {
        String service = "the OpenAI-compatible server (" + path + ")";
        HttpResponse<byte[]> response = http.send(service, () -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            apiKey.ifPresent(k -> b.header("Authorization", "Bearer " + k));
            return b;
        }, timeLeft, HttpCalls::retryAfter);
        if (response.statusCode() / 100 != 2) {
            throw new ModelException(service + " answered HTTP " + response.statusCode() + ": "
                    + RemoteFiles.errorMessage(response.body()));
        }
        return response;
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws ModelException {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new ModelException("the OpenAI-compatible server sent an unreadable answer: "
                    + RemoteFiles.errorMessage(response.body()));
        }
    }
}

package dev.hugginggpt.executor.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hugginggpt.executor.backend.ModelBackend;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code huggingface} backend: the Hugging Face Inference API, {@code POST {base}/models/{id}}.
 * Text tasks send JSON {@code inputs}; image and audio tasks send the file's bytes; answers are read
 * per task (see {@link HuggingFaceAnswers}); images and audio that come back are stored as resources.
 */
public final class HuggingFaceBackend implements ModelBackend {
    private static final Set<String> RAW_IMAGE = Set.of("image-classification", "object-detection",
            "image-segmentation", "image-to-text", "depth-estimation");
    private static final Set<String> RAW_AUDIO = Set.of("automatic-speech-recognition", "audio-classification",
            "audio-to-audio");
    private static final Set<String> TEXT_INPUTS = Set.of("text-classification", "token-classification",
            "summarization", "translation", "text-generation", "text2text-generation", "conversational",
            "feature-extraction", "text-to-image", "text-to-speech", "text-to-video");
    private static final Set<String> STRUCTURED = Set.of("question-answering", "zero-shot-classification",
            "sentence-similarity", "visual-question-answering", "document-question-answering");

    private final String baseUrl;
    private final Optional<String> token;
    private final HttpCalls http;
    private final RemoteFiles files;

    public HuggingFaceBackend(String baseUrl, Optional<String> token, int maxRetries, long maxResponseBytes,
            ResourceStore store) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token.filter(t -> !t.isBlank());
        this.http = new HttpCalls(maxRetries, maxResponseBytes);
        this.files = new RemoteFiles(store);
    }

    @Override
    public String name() {
        return "huggingface";
    }

    /** Configured with a token; the models are the catalog's, so none are announced. */
    @Override
    public boolean enabled() {
        return token.isPresent();
    }

    @Override
    public List<ModelCard> localModels() {
        return List.of();
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    @Override
    public boolean canRun(String modelId) {
        return enabled() && modelId != null && !modelId.isBlank();
    }

    public static boolean serves(String task) {
        return RAW_IMAGE.contains(task) || RAW_AUDIO.contains(task) || TEXT_INPUTS.contains(task) || STRUCTURED.contains(task)
                || imageWithPrompt(task) || task.endsWith("-control");
    }

    /** Image-to-image, image editing and the ControlNet text-to-image family take an image and a prompt. */
    private static boolean imageWithPrompt(String task) {
        return task.equals("image-to-image") || task.equals("image-editing") || task.endsWith("-text-to-image");
    }

    @Override
    public TaskOutput run(TaskDispatch task, Duration timeLeft) throws ModelException {
        if (!serves(task.task())) {
            throw new ModelException("the huggingface backend does not run " + task.task() + " tasks");
        }
        Body body = body(task);
        URI uri = URI.create(baseUrl + "/models/" + encodePath(task.model().modelId()));
        String service = "the Hugging Face Inference API (" + task.model().modelId() + ")";
        HttpResponse<byte[]> response = http.send(service, () -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", body.contentType())
                    .header("Accept", "*/*").POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
            token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
            return b;
        }, timeLeft, HuggingFaceBackend::loadingWait);
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new ModelException(service + " answered HTTP " + status + ": " + RemoteFiles.errorMessage(response.body()));
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("application/json");
        if (contentType.startsWith("image/") || contentType.startsWith("audio/") || contentType.startsWith("video/")) {
            return files.store(response.body(), contentType, task.task());
        }
        return HuggingFaceAnswers.read(task.task(), response.body());
    }

    /** 503 "is currently loading" carries {@code estimated_time}; 429 carries Retry-After. */
    private static Optional<Duration> loadingWait(HttpResponse<byte[]> response) {
        Optional<Duration> retryAfter = HttpCalls.retryAfter(response);
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        try {
            JsonNode error = Json.MAPPER.readTree(response.body());
            if (error.has("estimated_time")) {
                return Optional.of(Duration.ofMillis((long) (error.get("estimated_time").asDouble() * 1000)));
            }
        } catch (Exception e) {
            // no advice in the body
        }
        return Optional.empty();
    }

    private Body body(TaskDispatch task) throws ModelException {
        Map<String, String> args = task.args();
        String t = task.task();
        if (RAW_IMAGE.contains(t) || t.endsWith("-control")) {
            return files.raw(args, "image");
        }
        if (RAW_AUDIO.contains(t)) {
            return files.raw(args, "audio");
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        String text = RemoteFiles.text(args);
        switch (t) {
            case "question-answering" -> {
                ObjectNode inputs = root.putObject("inputs");
                inputs.put("question", text);
                inputs.put("context", RemoteFiles.required(args, "question-answering needs a context text", "context", "text2"));
            }
            case "zero-shot-classification" -> {
                root.put("inputs", text);
                String labels = RemoteFiles.required(args, "zero-shot-classification needs candidate labels", "labels", "text2");
                var array = root.putObject("parameters").putArray("candidate_labels");
                for (String label : labels.split(",")) {
                    if (!label.isBlank()) {
                        array.add(label.strip());
                    }
                }
            }
            case "sentence-similarity" -> {
                ObjectNode inputs = root.putObject("inputs");
                inputs.put("source_sentence", text);
                inputs.putArray("sentences").add(RemoteFiles.required(args, "sentence-similarity needs a second text", "text2"));
            }
            case "image-to-image", "image-editing" -> imageAndPrompt(root, args, text);
            case "visual-question-answering", "document-question-answering" -> {
                ObjectNode inputs = root.putObject("inputs");
                inputs.put("image", files.base64(args, "image"));
                inputs.put("question", text);
            }
            default -> {
                if (imageWithPrompt(t)) {
                    imageAndPrompt(root, args, text);
                } else {
                    root.put("inputs", text);
                }
            }
        }
        return new Body(RemoteFiles.json(root), "application/json");
    }

    /** {@code {"inputs": BASE64_IMAGE, "parameters": {"prompt": TEXT}}}, as the Inference API takes image-to-image. */
    private void imageAndPrompt(ObjectNode root, Map<String, String> args, String prompt) throws ModelException {
        root.put("inputs", files.base64(args, "image"));
        root.putObject("parameters").put("prompt", prompt);
    }

    private static String encodePath(String modelId) {
        StringBuilder out = new StringBuilder();
        for (String part : modelId.split("/")) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(URLEncoder.encode(part, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    record Body(byte[] bytes, String contentType) {
    }
}

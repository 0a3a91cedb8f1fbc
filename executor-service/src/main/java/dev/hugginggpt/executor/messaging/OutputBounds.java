package dev.hugginggpt.executor.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.config.ExecutorLimits;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.resources.ResourceStore;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a task's result within one Kafka record (1 MiB by default): a text longer than hg.executor.max-output-text-chars
 * is cut there with a note, structured data larger than {@link #MAX_DATA_BYTES} as JSON is left out, and in both cases
 * the whole is stored as a file that the output lists. Error messages are cut to {@link #MAX_ERROR_CHARS}.
 */
@Singleton
public class OutputBounds {
    static final int MAX_DATA_BYTES = 256 * 1024;
    static final int MAX_ERROR_CHARS = 2000;
    private final ResourceStore store;
    private final int maxTextChars;

    public OutputBounds(ResourceStore store, ExecutorLimits limits) {
        this.store = store;
        this.maxTextChars = limits.maxOutputTextChars();
    }

    public TaskOutput apply(TaskOutput output) throws ModelException {
        if (output == null) {
            return null;
        }
        String text = output.text();
        List<ResourceRef> resources = new ArrayList<>(output.resources() == null ? List.of() : output.resources());
        Map<String, Object> data = new LinkedHashMap<>(output.data() == null ? Map.of() : output.data());
        byte[] json = json(data);
        boolean changed = false;
        if (json.length > MAX_DATA_BYTES) {
            ResourceRef whole = save(json, "data.json", "application/json");
            resources.add(whole);
            data = new LinkedHashMap<>(Map.of("dataLeftOut", true, "dataBytes", json.length, "dataFile", whole.id()));
            changed = true;
        }
        if (text != null && text.length() > maxTextChars) {
            ResourceRef whole = save(text.getBytes(StandardCharsets.UTF_8), "text.txt", "text/plain");
            resources.add(whole);
            int cut = Character.isHighSurrogate(text.charAt(maxTextChars - 1)) ? maxTextChars - 1 : maxTextChars;
            text = text.substring(0, cut) + "\n[... cut at " + cut + " of " + text.length() + " characters; the whole text is"
                    + " in " + whole.id() + "]";
            data.put("textCut", true);
            data.put("textChars", output.text().length());
            data.put("textFile", whole.id());
            changed = true;
        }
        return changed ? new TaskOutput(text, resources, data) : output;
    }

    /** A failure's message, short enough to travel in the result. */
    public static String error(String message) {
        if (message == null || message.length() <= MAX_ERROR_CHARS) {
            return message;
        }
        return message.substring(0, MAX_ERROR_CHARS) + " [... " + (message.length() - MAX_ERROR_CHARS) + " more characters]";
    }

    private static byte[] json(Map<String, Object> data) throws ModelException {
        try {
            return Json.MAPPER.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new ModelException("the model's structured output cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    private ResourceRef save(byte[] content, String name, String type) throws ModelException {
        try {
            return store.save(new ByteArrayInputStream(content), name, type);
        } catch (IOException e) {
            throw new ModelException("could not store the task's full output: " + e.getMessage(), e);
        }
    }
}

package dev.hugginggpt.executor.local.model;

import dev.hugginggpt.executor.backend.InputRejected;
import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Reads task arguments: text, and resource ids that must exist in the store. */
public final class Inputs {
    private Inputs() {
    }

    public static String text(Map<String, String> args) throws ModelException {
        String text = args.get("text");
        if (text == null || text.isBlank()) {
            throw new InputRejected("the task has no text to work on");
        }
        return text.strip();
    }

    static Path file(Map<String, String> args, String key, ResourceStore store) throws ModelException {
        String id = args.get(key);
        if (id == null || id.isBlank()) {
            throw new InputRejected("the task has no " + key + " argument");
        }
        return store.path(id.strip()).orElseThrow(() -> new InputRejected(
                "'" + id + "' is not a resource of this system; upload the file first (POST /v1/resources)"));
    }

    /** An image resource whose header shows it is no larger than the limit (see {@link MediaLimits}). */
    public static Path image(Map<String, String> args, String key, ResourceStore store, MediaLimits limits) throws ModelException {
        return limits.image(file(args, key, store));
    }

    /** An audio resource whose header shows it is no longer than the limit (see {@link MediaLimits}). */
    public static Path audio(Map<String, String> args, String key, ResourceStore store, MediaLimits limits, Duration timeLeft)
            throws ModelException {
        return limits.audio(file(args, key, store), timeLeft);
    }

    public static double number(Map<String, String> args, String key, double fallback) throws ModelException {
        String value = args.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new InputRejected("'" + key + "' must be a number, not '" + value + "'");
        }
    }
}

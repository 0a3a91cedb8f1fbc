package dev.hugginggpt.executor.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The names of the COCO detector's classes, from the labels file beside the model: "id  name" per line, ids from 0 to
 * 89 with gaps (the 80 classes keep the numbering of COCO's original 90).
 */
final class CocoLabels {
    static final String RESOURCE = "models/coco/coco_labels.txt";
    private static volatile Map<Integer, String> names;
    private static final Map<String, String> IRREGULAR = Map.of("person", "people", "mouse", "mice", "knife", "knives",
            "sheep", "sheep", "skis", "skis", "scissors", "scissors", "hair drier", "hair driers");

    private CocoLabels() {
    }

    static String name(int id) {
        return names().getOrDefault(id, "class " + id);
    }

    static int size() {
        return names().size();
    }

    /** "people", "buses", "wine glasses", "cars". */
    static String plural(String label) {
        String irregular = IRREGULAR.get(label);
        if (irregular != null) {
            return irregular;
        }
        return label.matches(".*(s|sh|ch|x)$") ? label + "es" : label + "s";
    }

    private static Map<Integer, String> names() {
        if (names == null) {
            synchronized (CocoLabels.class) {
                if (names == null) {
                    names = read();
                }
            }
        }
        return names;
    }

    private static Map<Integer, String> read() {
        try (InputStream in = CocoLabels.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the COCO labels " + RESOURCE + " are not in the executor's jar");
            }
            Map<Integer, String> read = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] idAndName = line.strip().split("\\s+", 2);
                if (idAndName.length == 2) {
                    read.put(Integer.parseInt(idAndName[0]), idAndName[1]);
                }
            }
            return Map.copyOf(read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.hugginggpt.planner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.ResourceRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One request of bench/realistic/requests.jsonl, typed as people type into a chat box: the message, the earlier
 * turns, the files attached (uploads, by name) and the expected plan, whose arguments name earlier tasks as
 * {@code <node-N>}. An empty expected plan means the request asks for no task and is answered directly.
 */
public record RealisticCase(String id, String request, List<ChatMessage> history, List<ResourceRef> files, PlanGraph gold,
        List<FileInput> fileInputs) {
    /** A file the expected plan gives a task: that task must take it (an attached file by its upload id). */
    public record FileInput(String task, String file) {
    }

    public static List<RealisticCase> load(Path jsonl) throws IOException {
        return Files.readAllLines(jsonl).stream().filter(line -> !line.isBlank()).map(RealisticCase::parse).toList();
    }

    static RealisticCase parse(String line) {
        try {
            JsonNode record = Json.MAPPER.readTree(line);
            List<ChatMessage> history = new ArrayList<>();
            record.path("history").forEach(turn -> history.add(new ChatMessage(turn.get(0).asText(), turn.get(1).asText())));
            List<ResourceRef> files = new ArrayList<>();
            for (JsonNode file : record.path("files")) {
                String name = file.asText();
                String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                String type = MediaKind.contentTypeOfFileName(name).orElse("application/octet-stream");
                files.add(new ResourceRef("r-" + record.path("id").asText() + "0" + files.size() + "." + extension, name, type, 1000));
            }
            JsonNode plan = record.path("plan");
            List<FileInput> fileInputs = new ArrayList<>();
            for (JsonNode task : plan) {
                task.path("args").forEach(value -> {
                    String name = value.asText();
                    if (!name.contains(" ") && MediaKind.contentTypeOfFileName(name).isPresent()) {
                        String id = files.stream().filter(f -> f.name().equals(name)).map(ResourceRef::id).findFirst().orElse(name);
                        fileInputs.add(new FileInput(PlanGraph.normalizeName(task.path("task").asText()), id));
                    }
                });
            }
            return new RealisticCase(record.path("id").asText(), record.path("request").asText(), history, files,
                    PlanGraph.ofTaskBench(argumentsAsList(plan), null), List.copyOf(fileInputs));
        } catch (IOException e) {
            throw new UncheckedIOException("not a realistic-set record: " + line, e);
        }
    }

    /** The expected plan's args in TaskBench's shape (a list of arguments per node), so that its edges read the same. */
    private static JsonNode argumentsAsList(JsonNode plan) {
        var nodes = Json.MAPPER.createArrayNode();
        for (JsonNode task : plan) {
            var node = nodes.addObject();
            node.put("task", task.path("task").asText());
            var arguments = node.putArray("arguments");
            task.path("args").forEach(value -> arguments.add(value.asText()));
        }
        return nodes;
    }

    /** Single, chain or dag as TaskBench counts them; chat when no task is expected. */
    public String type() {
        int nodes = gold.names().size();
        if (nodes == 0) {
            return "chat";
        }
        if (nodes == 1) {
            return "single";
        }
        return gold.edges().size() == nodes - 1 && isPath() ? "chain" : "dag";
    }

    private boolean isPath() {
        return gold.edges().stream().map(PlanGraph.Edge::from).distinct().count() == gold.edges().size()
                && gold.edges().stream().map(PlanGraph.Edge::to).distinct().count() == gold.edges().size();
    }

    /** The halves were fixed when the set was written: odd ids are held out, even ids are the dev half. */
    public boolean heldOut() {
        return Integer.parseInt(id) % 2 == 1;
    }
}

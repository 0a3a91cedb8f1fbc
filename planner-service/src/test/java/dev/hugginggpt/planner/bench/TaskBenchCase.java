package dev.hugginggpt.planner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One TaskBench test case: the user request, its plan type and the gold plan. */
public record TaskBenchCase(String id, String type, String instruction, PlanGraph gold) {

    public static List<TaskBenchCase> load(Path jsonl) throws IOException {
        return Files.readAllLines(jsonl).stream()
                .filter(line -> !line.isBlank())
                .map(TaskBenchCase::parse)
                .toList();
    }

    static TaskBenchCase parse(String line) {
        try {
            JsonNode record = Json.MAPPER.readTree(line);
            return new TaskBenchCase(record.path("id").asText(), record.path("type").asText("?"),
                    record.path("instruction").asText(),
                    PlanGraph.ofTaskBench(record.path("task_nodes"), record.path("task_links")));
        } catch (IOException e) {
            throw new UncheckedIOException("not a TaskBench record: " + line, e);
        }
    }

    /** Which half of a two-way split the case falls in, by the parity of its numeric id. */
    public boolean evenId() {
        try {
            return Long.parseLong(id) % 2 == 0;
        } catch (NumberFormatException e) {
            return Math.floorMod(id.hashCode(), 2) == 0;
        }
    }
}

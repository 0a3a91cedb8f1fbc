package dev.hugginggpt.bench;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** LLM calls and prompt tokens per request, as the services report them, against the original's for the same plan. */
public final class LlmCalls {
    /** The catalog has NaN in some metadata, which strict JSON does not allow. */
    private static final ObjectMapper CATALOG_JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private LlmCalls() {
    }

    /** The original's candidates per task type: its own catalog (the selector ships it), in file order. */
    public static Map<String, List<JsonNode>> catalog(Path root) throws IOException {
        Map<String, List<JsonNode>> byTask = new LinkedHashMap<>();
        Path file = root.resolve("selector-service/src/main/resources/catalog/hf-models.jsonl");
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode model = CATALOG_JSON.readTree(line);
                byTask.computeIfAbsent(model.path("task").asText(), k -> new ArrayList<>()).add(model);
            }
        }
        return byTask;
    }

    public static void measure(GatewayClient client, Report report, List<Workload> workloads, Map<String, List<JsonNode>> catalog,
            int samples, Duration deadline) {
        Table table = new Table("request", "plan", "calls: planning + selection + response", "**calls**", "prompt tokens",
                "completion tokens", "original: calls", "original: prompt tokens (estimate)");
        for (Workload w : workloads) {
            JsonNode view = null;
            List<Double> calls = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                ChatOutcome o = client.chat(w.text, Map.of(), deadline);
                if (!o.done() || !"llm".equals(o.view().path("planner").asText())) {
                    Report.progress(w.label + ": not planned by the LLM or not done: " + o.problem());
                    continue;
                }
                view = o.view();
                calls.add(view.path("llmUsage").path("calls").asDouble());
            }
            if (view == null) {
                table.row(w.label, "-", "-", "-", "-", "-", "-", "-");
                continue;
            }
            JsonNode stages = view.path("llmUsageByStage");
            List<JsonNode> tasks = new ArrayList<>();
            view.path("tasks").forEach(tasks::add);
            OriginalCost.Cost original = OriginalCost.of(w.text, tasks, catalog);
            table.row(w.label, Dag.shape(TaskTiming.fromView(view)),
                    stages.path("planning").path("calls").asInt() + " + " + stages.path("selection").path("calls").asInt()
                            + " + " + stages.path("response").path("calls").asInt(),
                    Summary.of(calls).max() == Summary.of(calls).min() ? String.valueOf(calls.get(0).intValue())
                            : Summary.of(calls).min() + "–" + Summary.of(calls).max(),
                    view.path("llmUsage").path("inputTokens").asLong(), view.path("llmUsage").path("outputTokens").asLong(),
                    original.calls(), original.promptTokens());
        }
        report.table(table);
    }
}

package dev.hugginggpt.planner.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark end to end on the first 20 TaskBench cases: it runs and its numbers are sane (not timed). */
class PlanningBenchmarkTest {
    private static final Path DATA = Path.of("../bench/taskbench-hf/sample.jsonl");

    @Test
    void plansTwentyCasesScoresThemAndWritesScorerInput(@TempDir Path dir) throws Exception {
        List<TaskBenchCase> cases = TaskBenchCase.load(DATA).stream().limit(20).toList();
        PlanningBenchmark.Report report = new PlanningBenchmark(PlanningBenchmark.plannerNamed("embedded")).run(cases, 0);

        assertEquals(20, report.outcomes().size());
        for (ScoreTable.Row row : report.scores().rows()) {
            assertTrue(row.nodeF1() >= 0 && row.nodeF1() <= 1, row.toString());
            assertTrue(row.edgeF1() >= 0 && row.edgeF1() <= 1, row.toString());
            assertTrue(row.ned() >= 0 && row.ned() <= 1, row.toString());
        }
        assertTrue(report.scores().row("all").nodeF1() > 0.3, "the planner finds some of the gold tasks");
        assertEquals(20, report.latency().count());

        Path predictions = dir.resolve("pred.jsonl");
        PlanningBenchmark.writePredictions(report.outcomes(), predictions);
        List<String> lines = Files.readAllLines(predictions);
        assertEquals(20, lines.size());
        var first = Json.MAPPER.readTree(lines.get(0));
        assertEquals(cases.get(0).id(), first.path("id").asText());
        assertTrue(first.path("tasks").isArray());
    }

    @Test
    void theSampleHas457CasesOfThreePlanTypes() throws Exception {
        List<TaskBenchCase> cases = TaskBenchCase.load(DATA);
        assertEquals(457, cases.size());
        assertEquals(176, cases.stream().filter(c -> c.type().equals("single")).count());
        assertEquals(236, cases.stream().filter(c -> c.type().equals("chain")).count());
        assertEquals(45, cases.stream().filter(c -> c.type().equals("dag")).count());
    }
}

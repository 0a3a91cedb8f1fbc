package dev.hugginggpt.planner.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.PlannedTask;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metrics on cases small enough to compute by hand. */
class PlanMetricsTest {
    private static final double EPS = 1e-12;

    @Test
    void f1IsTheHarmonicMeanOfPrecisionAndRecall() {
        assertEquals(2.0 / 3, PlanMetrics.f1(2, 1, 1), EPS);
        // precision 1/4, recall 1/2: 2 * 1/8 / (3/4) = 1/3
        assertEquals(1.0 / 3, PlanMetrics.f1(1, 3, 1), EPS);
        assertEquals(0.0, PlanMetrics.f1(0, 2, 3), EPS);
        assertEquals(0.0, PlanMetrics.f1(0, 0, 0), EPS);
    }

    @Test
    void nedCountsInsertionsAndDeletionsOverBothLengths() {
        // LCS [a]: indel = 2 + 2 - 2 * 1 = 2 of 4
        assertEquals(0.5, PlanMetrics.normalizedEditDistance(List.of("a", "b"), List.of("a", "c")), EPS);
        // LCS [a, c]: indel = 3 + 2 - 4 = 1 of 5
        assertEquals(0.2, PlanMetrics.normalizedEditDistance(List.of("a", "b", "c"), List.of("a", "c")), EPS);
        // order matters: LCS of [a, b] and [b, a] is 1
        assertEquals(0.5, PlanMetrics.normalizedEditDistance(List.of("a", "b"), List.of("b", "a")), EPS);
        assertEquals(1.0, PlanMetrics.normalizedEditDistance(List.of(), List.of("a")), EPS);
        assertEquals(0.0, PlanMetrics.normalizedEditDistance(List.of(), List.of()), EPS);
    }

    @Test
    void goldEdgesComeFromNodeReferencesAndNamesAreNormalised() throws Exception {
        PlanGraph gold = goldOf("""
                {"task_nodes": [{"task": "Automatic Speech Recognition", "arguments": ["a.wav"]},
                                {"task": "Translation", "arguments": ["<node-0>", {"lang": "fr"}]},
                                {"task": "Text_to Speech", "arguments": ["<node-1>", "<node-7>"]}],
                 "task_links": [{"source": "X", "target": "Y"}]}""");
        assertEquals(List.of("automatic-speech-recognition", "translation", "text-to-speech"), gold.names());
        assertEquals(Set.of(new PlanGraph.Edge("automatic-speech-recognition", "translation"),
                new PlanGraph.Edge("translation", "text-to-speech")), gold.edges());
    }

    @Test
    void goldWithoutNodeReferencesFallsBackToTaskLinksAndASingleObjectIsOneNode() throws Exception {
        PlanGraph linked = goldOf("""
                {"task_nodes": [{"task": "Image-to-Text", "arguments": ["a.jpg"]}, {"task": "Summarization", "arguments": ["x"]}],
                 "task_links": [{"source": "Image-to-Text", "target": "Summarization"}]}""");
        assertEquals(Set.of(new PlanGraph.Edge("image-to-text", "summarization")), linked.edges());
        PlanGraph single = goldOf("""
                {"task_nodes": {"task": "Audio-to-Audio", "arguments": ["a.wav", {"reduce_noise": true}]}, "task_links": []}""");
        assertEquals(List.of("audio-to-audio"), single.names());
    }

    @Test
    void predictedEdgesComeFromDepAndGeneratedReferences() {
        PlanGraph plan = PlanGraph.ofPlan(List.of(
                new PlannedTask(0, "image-to-text", List.of(-1), Map.of("image", "a.jpg")),
                new PlannedTask(1, "translation", List.of(-1), Map.of("text", "<GENERATED>-0")),
                new PlannedTask(2, "text-to-speech", List.of(1), Map.of("text", "hello"))));
        assertEquals(Set.of(new PlanGraph.Edge("image-to-text", "translation"),
                new PlanGraph.Edge("translation", "text-to-speech")), plan.edges());
    }

    @Test
    void scoreTableMicroAveragesNodesAndEdgesAndAveragesNed() {
        ScoreTable table = new ScoreTable();
        // case 1 (chain): gold a->b, predicted a->c. nodes TP 1 FP 1 FN 1; edges TP 0 FP 1 FN 1; NED 0.5
        table.add("chain", graph(List.of("a", "b"), edge("a", "b")), graph(List.of("a", "c"), edge("a", "c")));
        // case 2 (single): gold [d], predicted [d]. nodes TP 1; no edges; NED 0
        table.add("single", graph(List.of("d")), graph(List.of("d")));
        ScoreTable.Row all = table.row("all");
        assertEquals(2, all.cases());
        assertEquals(PlanMetrics.f1(2, 1, 1), all.nodeF1(), EPS);
        assertEquals(0.0, all.edgeF1(), EPS);
        assertEquals(0.25, all.ned(), EPS);
        assertEquals(false, table.row("single").hasEdges());
        assertEquals("""
                type      cases  node-F1  edge-F1    NED
                single        1   1.0000        - 0.0000
                chain         1   0.5000   0.0000 0.5000
                all           2   0.6667   0.0000 0.2500
                """, table.format());
    }

    @Test
    void roundingIsHalfEvenOnTheExactBinaryValueAsPythonFormats() {
        assertEquals("0.0312", ScoreTable.fixed4(0.03125));
        assertEquals("0.0938", ScoreTable.fixed4(0.09375));
        assertEquals("0.6667", ScoreTable.fixed4(2.0 / 3));
    }

    @Test
    void latencyPercentilesUseTheNearestRank() {
        List<Long> nanos = java.util.stream.LongStream.rangeClosed(1, 200).map(i -> i * 1_000_000).boxed().toList();
        LatencySummary latency = LatencySummary.ofNanos(nanos);
        assertEquals(100.0, latency.p50(), EPS);
        assertEquals(190.0, latency.p95(), EPS);
        assertEquals(198.0, latency.p99(), EPS);
        assertEquals(200.0, latency.max(), EPS);
    }

    private static PlanGraph goldOf(String json) throws Exception {
        var record = Json.MAPPER.readTree(json);
        return PlanGraph.ofTaskBench(record.path("task_nodes"), record.path("task_links"));
    }

    private static PlanGraph graph(List<String> names, PlanGraph.Edge... edges) {
        return new PlanGraph(names, Set.of(edges));
    }

    private static PlanGraph.Edge edge(String from, String to) {
        return new PlanGraph.Edge(from, to);
    }
}

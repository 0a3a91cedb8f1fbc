package dev.hugginggpt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts that read what the services answer: SSE bodies, events, views, /proc, the command line. */
class ParsingTest {
    @Test
    void serverSentEventsBecomeOneJsonEventEach() throws Exception {
        String body = "data:{\"type\":\"ACCEPTED\"}\n\ndata: {\"type\":\"PLANNED\"}\r\n\r\nid: 3\ndata:{\"type\":\"DONE\"}";

        List<JsonNode> events = GatewayClient.parseEvents(body);

        assertEquals(List.of("ACCEPTED", "PLANNED", "DONE"), events.stream().map(e -> e.path("type").asText()).toList());
    }

    @Test
    void hopsComeFromTheEventsTimestamps() throws Exception {
        String events = """
                [{"type": "ACCEPTED", "at": "2026-01-01T00:00:00.010Z"},
                 {"type": "PLANNED", "at": "2026-01-01T00:00:00.030Z"},
                 {"type": "TASK_SELECTED", "taskId": 0, "at": "2026-01-01T00:00:00.040Z"},
                 {"type": "TASK_FINISHED", "taskId": 0, "at": "2026-01-01T00:00:00.060Z",
                  "result": {"executor": "e1", "startedAt": "2026-01-01T00:00:00.044Z", "finishedAt": "2026-01-01T00:00:00.054Z"}},
                 {"type": "RESPONDING", "at": "2026-01-01T00:00:00.060Z"},
                 {"type": "DONE", "at": "2026-01-01T00:00:00.070Z"}]""";
        List<JsonNode> list = List.copyOf(iterable(GatewayClient.JSON.readTree(events)));

        Map<String, Double> hops = Hops.of(list, Instant.parse("2026-01-01T00:00:00.008Z"),
                Instant.parse("2026-01-01T00:00:00.075Z")).millis();

        assertEquals(List.of(2.0, 20.0, 10.0, 4.0, 10.0, 6.0, 10.0, 5.0), List.copyOf(hops.values()));
        assertEquals(Hops.NAMES, List.copyOf(hops.keySet()));
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    @Test
    void aRequestViewGivesTasksWithDependenciesAndTheOverheadIsWhatTheModelsDidNotTake() throws Exception {
        JsonNode view = GatewayClient.JSON.readTree("""
                {"id": "r1", "status": "DONE", "tasks": [
                  {"id": 0, "task": "text-to-speech", "dep": [-1], "status": "SUCCEEDED", "model": "m0",
                   "startedAt": "2026-01-01T00:00:00Z", "finishedAt": "2026-01-01T00:00:00.200Z"},
                  {"id": 1, "task": "automatic-speech-recognition", "dep": [0], "status": "SUCCEEDED", "model": "m1",
                   "startedAt": "2026-01-01T00:00:00.220Z", "finishedAt": "2026-01-01T00:00:00.520Z"}]}""");
        ChatOutcome outcome = new ChatOutcome(200, view, 560, Instant.EPOCH, Instant.EPOCH, null);

        assertEquals(List.of(0), outcome.tasks().get(1).deps());
        assertEquals(List.of(), outcome.tasks().get(0).deps());
        assertEquals(500, outcome.modelMillis(), 1e-9);
        assertEquals(60, outcome.overheadMillis(), 1e-9);
        assertTrue(outcome.succeeded());
        assertEquals("r1", outcome.requestId());
    }

    @Test
    void residentMemoryFromProcStatus() {
        BenchStack.Memory m = BenchStack.parseStatus("gateway", List.of("Name:\tjava", "VmHWM:\t  204800 kB", "VmRSS:\t  153600 kB"));
        assertEquals(new BenchStack.Memory("gateway", 153600, 204800), m);
    }

    @Test
    void cpuTimeFromProcStatEvenWithSpacesInTheCommandName() {
        String stat = "4242 (java main) S 1 4242 4242 0 -1 4194560 9000 0 0 0 250 50 0 0 20 0 40 0 100 0 0";
        assertEquals(3000.0, BenchStack.parseStatCpuMillis(stat, 100), 1e-9);
    }

    @Test
    void theCommandLine() {
        Options o = Options.parse(new String[] {"--executors", "4", "--scenario", "overhead,makespan", "--rates", "10, 20",
                "--jvm", "-Xmx256m -XX:+UseSerialGC", "--warmup-seconds", "30", "--load-warmup-seconds", "0"});

        assertEquals(4, o.executors());
        assertEquals(List.of("overhead", "makespan"), List.copyOf(o.scenarios()));
        assertEquals(List.of(10.0, 20.0), o.rates());
        assertEquals(List.of("-Xmx256m", "-XX:+UseSerialGC"), o.jvmOptions());
        assertEquals(Duration.ofSeconds(30), o.warmUp());
        assertEquals(Duration.ZERO, o.loadWarmUp());
        assertEquals(Duration.ofSeconds(120), Options.parse(new String[0]).warmUp());
        assertEquals(Duration.ofSeconds(60), Options.parse(new String[0]).loadWarmUp());
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--load-warmup-seconds", "-1"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--warmup-seconds", "0"}));
        assertEquals(List.copyOf(Options.ALL), List.copyOf(Options.parse(new String[0]).scenarios()));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--scenario", "speed"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--executors", "0"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--samples"}));
    }
}

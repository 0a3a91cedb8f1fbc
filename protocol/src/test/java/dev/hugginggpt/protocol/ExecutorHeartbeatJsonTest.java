package dev.hugginggpt.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutorHeartbeatJsonTest {
    @Test
    void partitionsAndSlotsTravelInTheJson() throws Exception {
        ExecutorHeartbeat beat = new ExecutorHeartbeat("executor-1", List.of(), List.of("huggingface"),
                Instant.parse("2026-11-29T12:00:00Z"), false, List.of(0, 2, 4), 4);

        ExecutorHeartbeat read = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(beat), ExecutorHeartbeat.class);

        assertEquals(beat, read);
    }

    @Test
    void aHeartbeatWithoutPartitionsReadsAsNoPartitionsAndNoSlots() throws Exception {
        String older = """
                {"instanceId":"executor-1","localModels":[],"remoteBackends":[],"at":"2026-11-29T12:00:00Z","stopping":false}
                """;

        ExecutorHeartbeat read = Json.MAPPER.readValue(older, ExecutorHeartbeat.class);

        assertEquals(List.of(), read.taskPartitions());
        assertEquals(0, read.slots());
    }

    @Test
    void unavailableModelsTravelWithTheirReasonAndAnOlderHeartbeatHasNone() throws Exception {
        ExecutorHeartbeat beat = new ExecutorHeartbeat("executor-1", List.of(), List.of(),
                Instant.parse("2026-11-29T12:00:00Z"), false, List.of(0), 4, List.of(new UnavailableModel(
                        "local/espeak-ng", "text-to-speech", "espeak-ng is not installed: apt-get install espeak-ng")));

        ExecutorHeartbeat read = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(beat), ExecutorHeartbeat.class);
        ExecutorHeartbeat older = Json.MAPPER.readValue("""
                {"instanceId":"executor-1","localModels":[],"remoteBackends":[],"at":"2026-11-29T12:00:00Z","stopping":false}
                """, ExecutorHeartbeat.class);

        assertEquals(beat, read);
        assertEquals("espeak-ng is not installed: apt-get install espeak-ng", read.unavailableModels().get(0).reason());
        assertEquals(List.of(), older.unavailableModels());
    }
}

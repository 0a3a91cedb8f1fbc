package dev.hugginggpt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenLoopTest {
    private static ChatOutcome answered(String status, double millis) throws Exception {
        JsonNode view = GatewayClient.JSON.readTree("{\"id\": \"r\", \"status\": \"" + status + "\", \"tasks\": []}");
        return new ChatOutcome(200, view, millis, Instant.EPOCH, Instant.EPOCH, null);
    }

    @Test
    void countsWhatWasDoneAndWhatWasLostAndWhy() throws Exception {
        List<ChatOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 97; i++) {
            outcomes.add(answered("DONE", 40));
        }
        outcomes.add(answered("FAILED", 30));
        outcomes.add(new ChatOutcome(429, null, 2, Instant.EPOCH, Instant.EPOCH, null));
        outcomes.add(new ChatOutcome(0, null, 30_000, Instant.EPOCH, Instant.EPOCH, "no answer within 30 s"));

        OpenLoop.Step step = OpenLoop.summarize(100, outcomes);

        assertEquals(100, step.sent());
        assertEquals(97, step.done());
        assertEquals(3, step.lost());
        assertEquals(Map.of("status FAILED", 1, "HTTP 429", 1, "no answer within 30 s", 1), step.problems());
        assertEquals(40, step.latency().p99(), "latency is of the requests done");
        assertFalse(step.sustained(1000), "anything lost is past the knee");
    }

    @Test
    void theAnswersRateIsDoneRequestsOverTheTimeToTheLastAnswer() throws Exception {
        List<ChatOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            outcomes.add(answered("DONE", 50));
        }
        // 200 requests due over 1.99 s at 100/s, the last answered 50 ms after it was due: 200 / 2.04 s
        OpenLoop.Step step = OpenLoop.summarize(100, outcomes);

        assertEquals(200 / 2.04, step.achievedRate(), 1e-6);
        assertTrue(step.sustained(1000));
        assertFalse(step.sustained(40), "p99 over the bound is past the knee");
    }

    @Test
    void aQueueThatGrowsShowsAsAnAnswersRateBelowTheOffered() throws Exception {
        List<ChatOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            outcomes.add(answered("DONE", 10 + i * 10.0));
        }
        // due over 0.99 s at 100/s, each waiting 10 ms longer: the last answer comes at 0.99 + 1.0 s
        OpenLoop.Step step = OpenLoop.summarize(100, outcomes);

        assertEquals(100 / 1.99, step.achievedRate(), 1e-6);
        assertFalse(step.sustained(10_000));
    }
}

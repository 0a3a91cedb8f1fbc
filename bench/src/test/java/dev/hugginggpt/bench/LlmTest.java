package dev.hugginggpt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmTest {
    private static List<JsonNode> tasks(String json) throws Exception {
        List<JsonNode> list = new ArrayList<>();
        GatewayClient.JSON.readTree(json).forEach(list::add);
        return list;
    }

    private static final List<JsonNode> TWO = List.of(GatewayClient.JSON.createObjectNode().put("id", "a/one"),
            GatewayClient.JSON.createObjectNode().put("id", "b/two"));

    @Test
    void theOriginalCallsTheLlmPerTaskThatHasAChoiceOrThatItRunsItself() throws Exception {
        List<JsonNode> chain = tasks("""
                [{"id": 0, "task": "text-to-speech", "dep": [-1], "args": {"text": "hi"}},
                 {"id": 1, "task": "automatic-speech-recognition", "dep": [0], "args": {"audio": "<GENERATED>-0"}},
                 {"id": 2, "task": "translation", "dep": [1], "args": {"text": "<GENERATED>-1"}},
                 {"id": 3, "task": "token-classification", "dep": [2], "args": {"text": "<GENERATED>-2"}}]""");
        Map<String, List<JsonNode>> candidates = Map.of("text-to-speech", TWO, "automatic-speech-recognition", TWO.subList(0, 1),
                "token-classification", TWO);

        OriginalCost.Cost cost = OriginalCost.of("Read 'hi' aloud ...", chain, candidates);

        // parse + choose(tts) + nothing for asr (one candidate) + translation run by the LLM + choose(pos) + response
        assertEquals(5, cost.calls());
        assertTrue(cost.promptTokens() > (OriginalCost.PARSE_FIXED_CHARS + 2 * OriginalCost.CHOOSE_FIXED_CHARS
                + OriginalCost.RESPONSE_FIXED_CHARS) / 4);
    }

    @Test
    void aSingleTaskTheLlmDoesItselfIsOneChatAfterParsing() throws Exception {
        List<JsonNode> one = tasks("[{\"id\": 0, \"task\": \"summarization\", \"dep\": [-1], \"args\": {\"text\": \"x\"}}]");
        assertEquals(2, OriginalCost.of("Summarize x", one, Map.of()).calls());
        List<JsonNode> classify = tasks("[{\"id\": 0, \"task\": \"text-classification\", \"dep\": [-1], \"args\": {\"text\": \"x\"}}]");
        assertEquals(3, OriginalCost.of("What language is x?", classify, Map.of("text-classification", TWO)).calls());
    }

    @Test
    void theOriginalListsAtMostFiveCandidatesWithDescriptionsCutTo100Characters() throws Exception {
        List<JsonNode> many = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            many.add(GatewayClient.JSON.readTree("{\"id\": \"m" + i + "\", \"likes\": 3, \"description\": \"" + "d".repeat(300)
                    + "\", \"meta\": {\"tags\": [\"x\"]}}"));
        }
        JsonNode metas = GatewayClient.JSON.readTree(OriginalCost.metas(many));
        assertEquals(5, metas.size());
        assertEquals(100, metas.get(0).path("description").asText().length());
    }

    @Test
    void theBenchmarksLlmPicksTheFirstCandidateOfEachTask() {
        String prompt = """
                The user's request: draw and describe

                Task 0: text-to-image, arguments {text=a cat}
                Candidates:
                - {"id": "bench/zero-latency-text-to-image", "backend": "bench", "downloads": 0}
                - {"id": "bench/zero-latency-text-to-image-v2", "backend": "bench", "downloads": 0}

                Task 3: image-to-text, arguments {image=<GENERATED>-0}
                Candidates:
                - {"id": "bench/zero-latency-image-to-text-v2", "backend": "bench", "downloads": 0}
                """;

        assertEquals("[{\"task\": 0, \"id\": \"bench/zero-latency-text-to-image\", \"reason\": \"listed first\"}, "
                + "{\"task\": 3, \"id\": \"bench/zero-latency-image-to-text-v2\", \"reason\": \"listed first\"}]",
                LlmPlayer.choose(prompt));
    }
}

package dev.hugginggpt.planner.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.planner.plan.PlanningResult;
import dev.hugginggpt.planner.service.PlanningService;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.UserRequest;
import dev.hugginggpt.testkit.StandInLlm;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replies real models wrote for HuggingGPT-style planning (bench/llm-replies, with their sources), replayed verbatim by
 * the OpenAI-protocol stand-in: a valid plan is accepted in one call, a recoverable one is recovered, and a wrong one
 * is re-asked with what is wrong, the expected format and the allowed types; when the model never gets it right, the
 * failure says what it did wrong in plain words, never a JSON parser's internals.
 */
@QuarkusTest
@WithTestResource(StandInLlm.class)
class LlmReplayTest {
    private static final Path REPLIES = Path.of("../bench/llm-replies/replies.jsonl");
    /** A valid plan for any request, the stand-in's answer to a re-ask. */
    private static final String CORRECTED = "[{\"task\": \"text-generation\", \"id\": 0, \"dep\": [-1], \"args\": {\"text\": \"a plan\"}}]";
    /** What a JSON parser says of itself, which no person should be shown. */
    private static final Pattern PARSER_INTERNALS = Pattern.compile(
            "Unexpected character|JsonParseException|code \\d+\\)|Unrecognized token|was expecting|\\[Source:|line: \\d+, column");

    @Inject
    PlanningService planning;

    @BeforeEach
    void reset() {
        StandInLlm.server.reset();
    }

    static Stream<Arguments> replies() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String line : Files.readAllLines(REPLIES)) {
            if (!line.isBlank()) {
                JsonNode reply = Json.MAPPER.readTree(line);
                cases.add(Arguments.of(reply.path("id").asText() + ": " + reply.path("request").asText(), reply));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void eachRealReplyIsAcceptedRecoveredOrReAskedWithWhatIsWrong(String name, JsonNode reply) {
        String outcome = reply.path("expect").path("outcome").asText();
        StandInLlm.server.reply(reply.path("reply").asText(), CORRECTED);
        PlanningResult result = plan(reply.path("request").asText());
        assertTrue(result.ok(), () -> name + ": " + result.failure());
        if (outcome.equals("accepted")) {
            List<String> expected = new ArrayList<>();
            reply.path("expect").path("tasks").forEach(t -> expected.add(t.asText()));
            assertEquals(expected, result.tasks().stream().map(PlannedTask::task).toList(), name);
            assertEquals(1, StandInLlm.server.calls().size(), name + ": accepted without a re-ask");
            return;
        }
        assertEquals(2, StandInLlm.server.calls().size(), name + ": re-asked once");
        String reAsk = StandInLlm.server.calls().get(1).lastUser();
        String why = reply.path("expect").path("why").asText();
        assertTrue(reAsk.contains(why), () -> name + ": the re-ask should say '" + why + "': " + reAsk);
        assertTrue(reAsk.contains("\"task\": TASK TYPE") && reAsk.contains("must be one of: token-classification"),
                () -> name + ": the re-ask names the format and the allowed types: " + reAsk);
        assertFalse(PARSER_INTERNALS.matcher(reAsk).find(), () -> name + ": " + reAsk);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void aModelThatNeverGetsItRightFailsWithWhatItDidWrong(String name, JsonNode reply) {
        if (reply.path("expect").path("outcome").asText().equals("accepted")) {
            return;
        }
        String wrong = reply.path("reply").asText();
        StandInLlm.server.reply(wrong, wrong, wrong);
        PlanningResult result = plan(reply.path("request").asText());
        assertFalse(result.ok(), name);
        assertEquals("llm", result.planner());
        assertTrue(result.failure().contains(reply.path("expect").path("why").asText()), () -> name + ": " + result.failure());
        assertFalse(PARSER_INTERNALS.matcher(result.failure()).find(), () -> name + ": " + result.failure());
    }

    private PlanningResult plan(String text) {
        return planning.plan(new UserRequest("r-" + System.nanoTime(), "default", List.of(new ChatMessage("user", text)), List.of(),
                new RequestOptions("llm", null, null, null), Instant.now()));
    }
}

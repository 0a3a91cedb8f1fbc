package dev.hugginggpt.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hugginggpt.planner.llm.PlanParseException;
import dev.hugginggpt.planner.llm.PlanParser;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.testkit.CpuBound;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlanParserTest {
    private static final int MEGABYTE = 1 << 20;

    @Test
    void readsPlanFromProseAndCodeFence() {
        List<PlannedTask> plan = PlanParser.parse("Sure! Here is the plan:\n```json\n[{\"task\": \"image-to-text\", \"id\": 0,"
                + " \"dep\": [-1], \"args\": {\"image\": \"a.jpg\"}}]\n```\nHope it helps.");
        assertEquals(1, plan.size());
        assertEquals("a.jpg", plan.get(0).args().get("image"));
    }

    @Test
    void repairsTrailingCommasSingleQuotesAndStringIds() {
        List<PlannedTask> plan = PlanParser.parse("[{'task': 'text-to-speech', 'id': '0', 'dep': ['-1'], 'args': {'text': 'hi',},},]");
        assertEquals(0, plan.get(0).id());
        assertEquals(List.of(-1), plan.get(0).dep());
    }

    @Test
    void acceptsAnEmptyPlan() {
        assertEquals(List.of(), PlanParser.parse("[]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "I cannot help with that.", "[{\"task\": 5}]", "[{\"id\": 0}]", "[\"image-to-text\"]",
            "[{\"task\": \"summarization\", \"id\": \"first\"}]", "[{\"task\": \"summarization\", \"args\": \"x\"}]",
            "[{\"task\": \"summarization\", \"dep\": [\"zero\"]}]", "[{\"task\": \"summarization\""})
    void rejectsWhatIsNotAPlan(String answer) {
        assertThrows(PlanParseException.class, () -> PlanParser.parse(answer));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("megabyteReplies")
    void aMegabyteOfGarbageIsRejectedWithinTheBound(String name, String reply) {
        CpuBound.within(Duration.ofSeconds(2), Duration.ofSeconds(30),
                () -> assertThrows(PlanParseException.class, () -> PlanParser.parse(reply), name));
    }

    static Stream<Arguments> megabyteReplies() {
        Random random = new Random(7);
        StringBuilder noise = new StringBuilder();
        while (noise.length() < MEGABYTE) {
            noise.append((char) (32 + random.nextInt(95)));
        }
        return Stream.of(
                Arguments.of("backticks", megabyteOf("`")),
                Arguments.of("code fences never closed", megabyteOf("```json\n[{")),
                Arguments.of("a code fence around a megabyte of prose", "```json\n" + megabyteOf("no plan here ") + "```"),
                Arguments.of("opening brackets", megabyteOf("[")),
                Arguments.of("nested brackets, balanced", "[".repeat(MEGABYTE / 2) + "]".repeat(MEGABYTE / 2)),
                Arguments.of("nested objects, balanced", "[{\"a\":".repeat(MEGABYTE / 16) + "}]".repeat(MEGABYTE / 16)),
                Arguments.of("opening braces", megabyteOf("{")),
                Arguments.of("unbalanced braces and brackets", megabyteOf("[{]}")),
                Arguments.of("double quotes", megabyteOf("\"")),
                Arguments.of("an unterminated string", "[{\"task\": \"" + megabyteOf("a") + "]"),
                Arguments.of("printable noise", noise.toString()));
    }

    @Test
    void aMegabyteLongPlanIsReadWithinTheBound() {
        String task = "{\"task\": \"summarization\", \"args\": {\"text\": \"hello\"}},";
        String reply = "```json\n[" + task.repeat(MEGABYTE / task.length()) + "]\n```";
        List<PlannedTask> plan = CpuBound.within(Duration.ofSeconds(2), Duration.ofSeconds(30), () -> PlanParser.parse(reply));
        assertEquals(MEGABYTE / task.length(), plan.size());
    }

    private static String megabyteOf(String unit) {
        return unit.repeat(MEGABYTE / unit.length() + 1).substring(0, MEGABYTE);
    }
}

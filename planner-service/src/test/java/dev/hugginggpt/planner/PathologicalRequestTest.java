package dev.hugginggpt.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.planner.config.PlannerConfig;
import dev.hugginggpt.planner.embedded.EmbeddedPlanner;
import dev.hugginggpt.planner.service.PlanningResult;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.UserRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests built to break a regex-based planner: long quoted passages, long runs of one character, of quote marks,
 * of white space, of a word. Each is planned, or fails with a reason, within two seconds, on a thread with the
 * default stack size (as the consumer's worker threads have), and never overflows the stack.
 */
class PathologicalRequestTest {
    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final PlannerConfig CONFIG = new PlannerConfig() {
        public int maxTasks() {
            return 20;
        }

        public int llmRepairAttempts() {
            return 2;
        }

        public int llmContextTokens() {
            return 4000;
        }

        public Optional<String> llmBaseUrl() {
            return Optional.empty();
        }
    };

    private static final EmbeddedPlanner PLANNER = new EmbeddedPlanner(CONFIG);

    /** The embedding model loads and the regex engine's code is compiled before any bound is measured. */
    @BeforeAll
    static void warmUp() {
        for (String text : List.of("Summarize this text: 'The meeting moved to Tuesday. Bring the slides.'",
                "What is the emotion of the voice in song.wav? Classify it as happy, sad or angry, and then draw a cat.",
                "사진을 설명하고 그 설명을 음성으로 읽어줘", "Read this aloud: '" + passage(3000) + "'")) {
            plan(text);
        }
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("3,000 characters in single quotes", "Read this aloud: '" + passage(3_000) + "'"),
                Arguments.of("20,000 characters in single quotes", "Read this aloud: '" + passage(20_000) + "'"),
                Arguments.of("3,000 characters in double quotes", "Read this aloud: \"" + passage(3_000) + "\""),
                Arguments.of("20,000 characters in double quotes", "Read this aloud: \"" + passage(20_000) + "\""),
                Arguments.of("20,000 characters in curly double quotes", "Read this aloud: “" + passage(20_000) + "”"),
                Arguments.of("20,000 characters in curly single quotes", "Read this aloud: ‘" + passage(20_000) + "’"),
                Arguments.of("3,000 characters after an unterminated quote", "Read this aloud: '" + passage(3_000)),
                Arguments.of("20,000 characters after an unterminated quote", "Read this aloud: '" + passage(20_000)),
                Arguments.of("one character 20,000 times", repeated("a", 20_000)),
                Arguments.of("an apostrophe 20,000 times", repeated("'", 20_000)),
                Arguments.of("alternating quote marks", repeated("'\"", 20_000)),
                Arguments.of("every kind of quote mark in turn", repeated("'\"“”‘’「」", 20_000)),
                Arguments.of("letters and apostrophes in turn", repeated("a'", 20_000)),
                Arguments.of("nested parentheses", repeated("(", 10_000) + repeated(")", 10_000)),
                Arguments.of("and and and", repeated("and ", 20_000)),
                Arguments.of("20,000 spaces inside a sentence", "Read this aloud: " + repeated(" ", 20_000) + "x"),
                Arguments.of("20,000 newlines", "Summarize" + repeated("\n", 20_000) + "it"),
                Arguments.of("white space of every kind", repeated(" \n\t\r ", 20_000)),
                Arguments.of("20,000 characters of Korean", repeated("사진을 설명하고 그 설명을 음성으로 읽어줘 ", 20_000)),
                Arguments.of("20,000 Korean syllables", repeated("가", 20_000)),
                Arguments.of("5,000 references to another task's output", repeated("<GENERATED>-1 ", 5_000 * 14)),
                Arguments.of("a path of 10,000 folders", repeated("a/", 20_000) + "cat.jpg"),
                Arguments.of("a label list of 5,000 labels", "Classify it as " + repeated("sports, ", 20_000) + "or tech"),
                Arguments.of("a Korean label list", repeated("스포츠, ", 20_000) + "중 하나로 분류해줘"),
                Arguments.of("a word that starts a phrase rule, 4,000 times", repeated("what ", 20_000)),
                Arguments.of("label, 3,000 times", repeated("labels ", 20_000)),
                Arguments.of("the emotion of a recording, 1,000 times", repeated("the emotion of the song ", 20_000)),
                Arguments.of("a task verb before each comma", repeated("read, ", 20_000)),
                Arguments.of("1,400 sentences that ask for something", repeated("Summarize it. ", 20_000)),
                Arguments.of("quote placeholders typed by the user", repeated("«Q7» ", 20_000)),
                Arguments.of("a code fence, 7,000 times", repeated("```", 20_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void isPlannedOrFailsWithAReasonWithinTheBound(String name, String text) {
        PlanningResult result = assertTimeoutPreemptively(BOUND, () -> plan(text), name);
        assertTrue(result.ok() || !result.failure().isBlank(), name);
    }

    @ParameterizedTest(name = "{0} characters")
    @MethodSource("passageLengths")
    void aLongQuotedPassageIsReadAloudWhole(int length) {
        String passage = passage(length);
        for (String quoted : List.of("'" + passage + "'", "\"" + passage + "\"", "“" + passage + "”")) {
            PlanningResult result = assertTimeoutPreemptively(BOUND, () -> plan("Read this aloud: " + quoted));
            assertTrue(result.ok(), result.failure());
            List<PlannedTask> tasks = result.tasks();
            assertEquals(1, tasks.size(), tasks::toString);
            assertEquals("text-to-speech", tasks.get(0).task());
            assertEquals(passage, tasks.get(0).args().get("text"));
        }
    }

    static Stream<Integer> passageLengths() {
        return Stream.of(3_000, 20_000 - 20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooLong")
    void aRequestBeyondWhatCanBePlannedFailsWithTheReason(String name, String text, String reason) {
        PlanningResult result = assertTimeoutPreemptively(BOUND, () -> plan(text));
        assertFalse(result.ok(), name);
        assertTrue(result.failure().startsWith(reason), result.failure());
    }

    static Stream<Arguments> tooLong() {
        return Stream.of(
                Arguments.of("longer than the gateway accepts", repeated("<GENERATED>-1 ", 5_000 * 14), "the message is too long to plan"),
                Arguments.of("asks for 1,400 things", repeated("Summarize it. ", 20_000), "the request is too long to plan"));
    }

    private static PlanningResult plan(String text) {
        return PLANNER.plan(new UserRequest("r", "t", List.of(ChatMessage.user(text)), List.of(), RequestOptions.defaults(),
                Instant.now()));
    }

    /** Prose with apostrophes inside words, commas, a colon and sentence ends, cut to the length. */
    private static String passage(int length) {
        return repeated("It's the cat's toy, isn't it? Don't worry: we'll read it aloud. ", length).strip();
    }

    private static String repeated(String unit, int length) {
        return unit.repeat(length / unit.length() + 1).substring(0, length);
    }
}

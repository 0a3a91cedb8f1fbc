package dev.hugginggpt.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.planner.config.PlannerConfig;
import dev.hugginggpt.planner.embedded.EmbeddedPlanner;
import dev.hugginggpt.planner.plan.PlanningResult;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.UserRequest;
import dev.hugginggpt.testkit.CpuBound;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests built to break a regex-based planner: long quoted passages, long runs of one character, of quote marks,
 * of white space, of a word. Each is planned, or fails with a reason, within two seconds of the planning thread's
 * CPU time (what the planner does, whatever else the machine is doing) and thirty seconds of the clock, on a thread
 * with the default stack size (as the consumer's worker threads have), and never overflows the stack.
 */
class PathologicalRequestTest {
    private static final Duration BOUND = Duration.ofSeconds(2);
    /** Long enough for a busy machine, short enough to stop a planner that would never finish. */
    private static final Duration WALL_BOUND = Duration.ofSeconds(30);
    /** The longest passage a message the gateway accepts (20,000 characters) can quote after "Read this aloud: '". */
    private static final int LONGEST_QUOTE = 20_000 - 20;
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
                "사진을 설명하고 그 설명을 음성으로 읽어줘", "Read this aloud: '" + passage(3000) + "'",
                // a clause no phrase rule knows: its sentence embedding runs the model once
                "Please unify the weather and the flux capacitor")) {
            plan(text);
        }
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("3,000 characters in single quotes", "Read this aloud: '" + passage(3_000) + "'"),
                Arguments.of("20,000 characters in single quotes", "Read this aloud: '" + passage(LONGEST_QUOTE) + "'"),
                Arguments.of("3,000 characters in double quotes", "Read this aloud: \"" + passage(3_000) + "\""),
                Arguments.of("20,000 characters in double quotes", "Read this aloud: \"" + passage(LONGEST_QUOTE) + "\""),
                Arguments.of("20,000 characters in curly double quotes", "Read this aloud: “" + passage(LONGEST_QUOTE) + "”"),
                Arguments.of("20,000 characters in curly single quotes", "Read this aloud: ‘" + passage(LONGEST_QUOTE) + "’"),
                Arguments.of("3,000 characters after an unterminated quote", "Read this aloud: '" + passage(3_000)),
                Arguments.of("20,000 characters after an unterminated quote", "Read this aloud: '" + passage(LONGEST_QUOTE)),
                Arguments.of("one character 20,000 times", repeated("a", 20_000)),
                Arguments.of("an apostrophe 20,000 times", repeated("'", 20_000)),
                Arguments.of("alternating quote marks", repeated("'\"", 20_000)),
                Arguments.of("every kind of quote mark in turn", repeated("'\"“”‘’「」", 20_000)),
                Arguments.of("letters and apostrophes in turn", repeated("a'", 20_000)),
                Arguments.of("nested parentheses", repeated("(", 10_000) + repeated(")", 10_000)),
                Arguments.of("and and and", repeated("and ", 20_000)),
                Arguments.of("20,000 spaces inside a sentence", filled("Read this aloud: ", " ", "x")),
                Arguments.of("20,000 newlines", filled("Summarize", "\n", "it")),
                Arguments.of("white space of every kind", repeated(" \n\t\r ", 20_000)),
                Arguments.of("20,000 characters of Korean", repeated("사진을 설명하고 그 설명을 음성으로 읽어줘 ", 20_000)),
                Arguments.of("20,000 Korean syllables", repeated("가", 20_000)),
                Arguments.of("5,000 references to another task's output", repeated("<GENERATED>-1 ", 5_000 * 14)),
                Arguments.of("references to another task's output, 20,000 characters", repeated("<GENERATED>-1 ", 20_000)),
                Arguments.of("a path of 10,000 folders", filled("", "a/", "cat.jpg")),
                Arguments.of("a label list of 2,500 labels", filled("Classify it as ", "sports, ", "or tech")),
                Arguments.of("a Korean label list", filled("", "스포츠, ", "중 하나로 분류해줘")),
                Arguments.of("a word that starts a phrase rule, 4,000 times", repeated("what ", 20_000)),
                Arguments.of("label, 3,000 times", repeated("labels ", 20_000)),
                Arguments.of("the emotion of a recording, 1,000 times", repeated("the emotion of the song ", 20_000)),
                Arguments.of("a task verb before each comma", repeated("read, ", 20_000)),
                Arguments.of("1,400 sentences that ask for something", repeated("Summarize it. ", 20_000)),
                Arguments.of("quote placeholders typed by the user", repeated("«Q7» ", 20_000)),
                Arguments.of("a code fence, 7,000 times", repeated("```", 20_000)),
                Arguments.of("labels offered in one long question", "Is 'x' about " + repeated("a b, ", 19_000) + "or c?"),
                Arguments.of("which of, 2,000 times", repeated("which of a, b ", 20_000)),
                Arguments.of("a shape to draw on, 1,000 times", "draw.png " + repeated("use the edges of a.png to generate ", 19_000)),
                Arguments.of("a long drawing prompt without an end", "Turn my scribble in s.png into " + repeated("a ", 19_000)),
                Arguments.of("text in a picture, 2,000 times", repeated("what is written on the sign ", 20_000)),
                Arguments.of("a list of 2,000 pictures", "Detect the objects in " + numberedFiles(2_000, ", ", ".jpg")),
                Arguments.of("a list of 2,000 pictures joined by and", "Detect the objects in " + numberedFiles(2_000, " and ", ".jpg")),
                Arguments.of("a Korean list of 2,000 pictures", numberedFiles(2_000, "랑 ", ".jpg") + "에서 객체를 탐지해 줘"),
                Arguments.of("two tasks on one object, 1,000 times",
                        "Give me the key points of notes.txt" + repeated(" and the people it mentions", 19_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void isPlannedOrFailsWithAReasonWithinTheBound(String name, String text) {
        PlanningResult result = planWithinTheBound(text);
        assertTrue(result.ok() || !result.failure().isBlank(), name);
    }

    @ParameterizedTest(name = "{0} characters")
    @MethodSource("passageLengths")
    void aLongQuotedPassageIsReadAloudWhole(int length) {
        String passage = passage(length);
        for (String quoted : List.of("'" + passage + "'", "\"" + passage + "\"", "“" + passage + "”")) {
            PlanningResult result = planWithinTheBound("Read this aloud: " + quoted);
            assertTrue(result.ok(), result.failure());
            List<PlannedTask> tasks = result.tasks();
            assertEquals(1, tasks.size(), tasks::toString);
            assertEquals("text-to-speech", tasks.get(0).task());
            assertEquals(passage, tasks.get(0).args().get("text"));
        }
    }

    static Stream<Integer> passageLengths() {
        return Stream.of(3_000, LONGEST_QUOTE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooLong")
    void aRequestBeyondWhatCanBePlannedFailsWithTheReason(String name, String text, String reason) {
        PlanningResult result = planWithinTheBound(text);
        assertFalse(result.ok(), name);
        assertTrue(result.failure().startsWith(reason), result.failure());
    }

    static Stream<Arguments> tooLong() {
        return Stream.of(
                Arguments.of("longer than the gateway accepts", repeated("<GENERATED>-1 ", 5_000 * 14), "the message is too long to plan"),
                Arguments.of("a quote of 20,000 characters and the asking", "Read this aloud: '" + passage(20_000) + "'",
                        "the message is too long to plan"),
                Arguments.of("asks for 1,400 things", repeated("Summarize it. ", 20_000), "the request is too long to plan"));
    }

    /** The plan, made on another thread (a stack overflow there fails the test) within {@link #BOUND} of its CPU time. */
    private static PlanningResult planWithinTheBound(String text) {
        return CpuBound.within(BOUND, WALL_BOUND, () -> plan(text));
    }

    private static PlanningResult plan(String text) {
        return PLANNER.plan(new UserRequest("r", "t", List.of(ChatMessage.user(text)), List.of(), RequestOptions.defaults(),
                Instant.now()));
    }

    /** "f0.jpg, f1.jpg, ...": {@code count} file names joined by the separator. */
    private static String numberedFiles(int count, String separator, String extension) {
        return IntStream.range(0, count).mapToObj(i -> "f" + i + extension)
                .collect(Collectors.joining(separator));
    }

    /** Prose with apostrophes inside words, commas, a colon and sentence ends, cut to the length. */
    private static String passage(int length) {
        return repeated("It's the cat's toy, isn't it? Don't worry: we'll read it aloud. ", length).strip();
    }

    /** A message of 20,000 characters: the unit repeated between the two. */
    private static String filled(String before, String unit, String after) {
        return before + repeated(unit, 20_000 - before.length() - after.length()) + after;
    }

    private static String repeated(String unit, int length) {
        return unit.repeat(length / unit.length() + 1).substring(0, length);
    }
}

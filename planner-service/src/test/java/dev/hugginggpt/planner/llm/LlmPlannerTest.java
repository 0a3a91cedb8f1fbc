package dev.hugginggpt.planner.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.planner.catalog.ServedTaskTypes;
import dev.hugginggpt.planner.plan.PlanningResult;
import dev.hugginggpt.planner.service.PlanningService;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.ExecutorHeartbeat;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.TaskVocabulary;
import dev.hugginggpt.protocol.UserRequest;
import dev.hugginggpt.testkit.OpenAiStandIn.ChatCall;
import dev.hugginggpt.testkit.OpenAiStandIn.Reply;
import dev.hugginggpt.testkit.StandInLlm;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The LLM planner against a local server speaking the OpenAI protocol, replaying scripted answers:
 * what it repairs by itself, what it re-asks for (with the errors), and when it fails with the reason.
 */
@QuarkusTest
@WithTestResource(StandInLlm.class)
class LlmPlannerTest {
    static final String GOOD = """
            [{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "cat.jpg"}},
             {"task": "text-to-speech", "id": 1, "dep": [0], "args": {"text": "<GENERATED>-0"}}]""";
    static final List<String> GOOD_TYPES = List.of("image-to-text", "text-to-speech");

    @Inject
    PlanningService planning;

    @Inject
    ServedTaskTypes served;

    @BeforeEach
    void reset() {
        StandInLlm.server.reset();
    }

    /** Answers the planner reads without asking again. */
    static Stream<Arguments> repairedInPlace() {
        return Stream.of(
                Arguments.of("prose around the JSON", "Sure! Here is the plan:\n" + GOOD + "\nHope this helps."),
                Arguments.of("a json code fence", "```json\n" + GOOD + "\n```"),
                Arguments.of("a bare code fence with prose", "The plan:\n```\n" + GOOD + "\n```\nDone."),
                Arguments.of("trailing commas", GOOD.replace("}}", "},}").replace("[0]", "[0,]").replace("}]", "},]")),
                Arguments.of("single quotes", GOOD.replace('"', '\'')),
                Arguments.of("unquoted keys", GOOD.replace("\"task\"", "task").replace("\"id\"", "id")),
                Arguments.of("comments", "// the plan\n" + GOOD.replace("[-1],", "[-1], /* no deps */")),
                Arguments.of("typographic quotes", GOOD.replace("\"cat.jpg\"", "“cat.jpg”")),
                Arguments.of("an object with a tasks field", "{\"tasks\": " + GOOD + "}"),
                Arguments.of("ids and deps as strings", GOOD.replace("\"id\": 1", "\"id\": \"1\"").replace("[0]", "[\"0\"]")),
                Arguments.of("dep as a bare number", GOOD.replace("\"dep\": [0]", "\"dep\": 0")),
                Arguments.of("upper-case and spaced task names", GOOD.replace("\"image-to-text\"", "\"Image To Text\"")),
                Arguments.of("the dependency only in the arguments", GOOD.replace("\"dep\": [0]", "\"dep\": [-1]")),
                Arguments.of("a misspelled reference", GOOD.replace("<GENERATED>-0", "<GENERATED-0>")),
                Arguments.of("a reference without its dash", GOOD.replace("<GENERATED>-0", "<GENERATED>0")),
                Arguments.of("tasks without their array's brackets", "Plan: " + GOOD.strip().substring(1, GOOD.strip().length() - 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repairedInPlace")
    void readsAnswersWithCommonFormattingMistakesInOneCall(String name, String answer) {
        StandInLlm.server.reply(answer);
        PlanningResult result = plan("Describe cat.jpg and read the description aloud.");
        assertTrue(result.ok(), () -> name + ": " + result.failure());
        assertEquals(GOOD_TYPES, types(result));
        assertEquals(List.of(0), result.tasks().get(1).dep());
        assertEquals(1, StandInLlm.server.calls().size());
        assertEquals(1, result.usage().calls());
    }

    /** Answers that are wrong: the planner asks again with the errors, and takes the corrected plan. */
    static Stream<Arguments> reAsked() {
        return Stream.of(
                Arguments.of("an unknown task type", GOOD.replace("image-to-text", "image-captioning-deluxe"),
                        "unknown task type 'image-captioning-deluxe'"),
                Arguments.of("a self dependency", GOOD.replace("\"dep\": [0]", "\"dep\": [1]"), "depends on itself"),
                Arguments.of("a forward dependency", """
                        [{"task": "text-to-speech", "id": 0, "dep": [1], "args": {"text": "<GENERATED>-1"}},
                         {"task": "image-to-text", "id": 1, "dep": [-1], "args": {"image": "cat.jpg"}}]""",
                        "comes after it"),
                Arguments.of("a dependency cycle", """
                        [{"task": "image-to-text", "id": 0, "dep": [1], "args": {"image": "cat.jpg"}},
                         {"task": "text-to-speech", "id": 1, "dep": [0], "args": {"text": "<GENERATED>-0"}}]""",
                        "comes after it"),
                Arguments.of("a dangling generated reference", GOOD.replace("<GENERATED>-0", "<GENERATED>-7"),
                        "not in the plan"),
                Arguments.of("an argument of the wrong resource kind", """
                        [{"task": "text-classification", "id": 0, "dep": [-1], "args": {"text": "I love cats"}},
                         {"task": "image-classification", "id": 1, "dep": [0], "args": {"image": "<GENERATED>-0"}}]""",
                        "takes 'image' from task 0"),
                Arguments.of("a task without its input", GOOD.replace("{\"image\": \"cat.jpg\"}", "{}"), "has no arguments"),
                Arguments.of("a duplicated id", GOOD.replace("\"id\": 1", "\"id\": 0").replace("[0]", "[-1]")
                        .replace("<GENERATED>-0", "hello"), "is used twice"),
                Arguments.of("too many tasks", tooManyTasks(25), "at most 20 are allowed"),
                Arguments.of("an empty answer", "", "the answer was empty"),
                Arguments.of("a refusal in prose", "I'm sorry, but I can't help with that request.", "not valid JSON"),
                Arguments.of("truncated JSON", GOOD.substring(0, GOOD.length() / 2), "ends before it is complete"),
                Arguments.of("a task that is not an object", "[\"image-to-text\", \"text-to-speech\"]", "is not an object"),
                Arguments.of("a task without a type", GOOD.replace("\"task\": \"image-to-text\", ", ""), "has no \"task\" string"),
                Arguments.of("a non-numeric id", GOOD.replace("\"id\": 0", "\"id\": \"first\""), "non-numeric id"),
                Arguments.of("args as a list", GOOD.replace("{\"image\": \"cat.jpg\"}", "[\"cat.jpg\"]"), "not an object"),
                Arguments.of("a JSON number instead of a plan", "42", "must be a JSON array"),
                Arguments.of("two outputs in one file argument", """
                        [{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "cat.jpg"}},
                         {"task": "text-to-image", "id": 1, "dep": [0], "args": {"text": "<GENERATED>-0"}},
                         {"task": "text-to-image", "id": 2, "dep": [0], "args": {"text": "<GENERATED>-0"}},
                         {"task": "image-to-text", "id": 3, "dep": [1, 2], "args": {"image": "<GENERATED>-1 <GENERATED>-2"}}]""",
                        "takes 'image' from 2 tasks"),
                Arguments.of("a negative id", GOOD.replace("\"id\": 0", "\"id\": -3").replace("[0]", "[-3]")
                        .replace("<GENERATED>-0", "<GENERATED>-3"), "negative id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reAsked")
    void reAsksWithTheErrorsAndUsesTheCorrection(String name, String wrong, String error) {
        StandInLlm.server.reply(wrong, GOOD);
        PlanningResult result = plan("Describe cat.jpg and read the description aloud.");
        assertTrue(result.ok(), () -> name + ": " + result.failure());
        assertEquals(GOOD_TYPES, types(result));
        List<ChatCall> calls = StandInLlm.server.calls();
        assertEquals(2, calls.size(), name);
        assertTrue(calls.get(1).lastUser().contains(error),
                () -> name + ": the re-ask should quote '" + error + "' but was: " + calls.get(1).lastUser());
        assertEquals(2, result.usage().calls());
        assertTrue(result.usage().inputTokens() > 0 && result.usage().outputTokens() > 0);
    }

    @Test
    void failsWithTheLastErrorsAfterTheRepairAttemptsNeverFallingBackSilently() {
        String teleport = "[{\"task\": \"teleportation\", \"id\": 0}]";
        StandInLlm.server.reply("no idea", teleport, teleport, GOOD);
        PlanningResult result = plan("Describe cat.jpg and read the description aloud.");
        assertFalse(result.ok());
        assertEquals("llm", result.planner());
        assertTrue(result.failure().contains("after 3 attempts; what was wrong with its last answer"), result.failure());
        assertTrue(result.failure().contains("unknown task type 'teleportation'"), result.failure());
        assertTrue(result.tasks().isEmpty());
        assertEquals(3, StandInLlm.server.calls().size());
        assertEquals(3, result.usage().calls());
    }

    @Test
    void anHttpErrorFromTheLlmFailsTheRequestWithTheReason() {
        StandInLlm.server.otherwise(call -> Reply.error(500,
                "{\"error\":{\"message\":\"the model is overloaded\",\"type\":\"server_error\"}}"));
        PlanningResult result = plan("Describe cat.jpg.");
        assertFalse(result.ok());
        assertTrue(result.failure().startsWith("llm planner error"), result.failure());
        assertTrue(result.tasks().isEmpty());
    }

    @Test
    void aGarbageHttpBodyFailsTheRequestWithTheReason() {
        StandInLlm.server.otherwise(call -> Reply.raw("<html><body>502 Bad Gateway</body></html>"));
        PlanningResult result = plan("Describe cat.jpg.");
        assertFalse(result.ok());
        assertTrue(result.failure().startsWith("llm planner error"), result.failure());
    }

    @Test
    void anLlmThatHangsTimesOutAndFailsTheRequest() {
        StandInLlm.server.otherwise(call -> Reply.delayed(Duration.ofSeconds(60), Reply.content(GOOD)));
        long start = System.nanoTime();
        PlanningResult result = plan("Describe cat.jpg.");
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertFalse(result.ok());
        assertTrue(seconds < 45, "the configured 10 s timeout (with one retry) should end the wait, took " + seconds + " s");
    }

    @Test
    void thePromptCarriesTheSpecificationTheDemonstrationsAndTheChatLog() {
        StandInLlm.server.reply(GOOD);
        UserRequest request = new UserRequest("r-prompt", "default", List.of(
                new ChatMessage("user", "Here is a picture of my cat: cat.jpg"),
                new ChatMessage("assistant", "A cat sitting on a sofa."),
                new ChatMessage("user", "Read the description of that picture aloud.")),
                List.of(), new RequestOptions("llm", null, null, null), Instant.now());
        assertTrue(planning.plan(request).ok());
        ChatCall call = StandInLlm.server.calls().get(0);
        assertTrue(call.system().contains("<GENERATED>-ID"));
        assertTrue(call.system().contains("text-to-speech"));
        assertTrue(call.messages().size() >= 6, "system, two demonstrations and the request");
        assertTrue(call.lastUser().contains("cat.jpg"), "the chat log names the earlier resource");
        assertTrue(call.lastUser().contains("Read the description of that picture aloud."));
    }

    @Test
    void thePromptListsOnlyTheTaskTypesTheLiveExecutorsServe() {
        Instant now = Instant.now();
        served.onHeartbeat(new ExecutorHeartbeat("executor-a", List.of(
                new ModelCard("local/espeak-ng", "text-to-speech", "local", 0, 0, "speech", "GPL-3.0"),
                new ModelCard("local/tesseract-ocr-eng", "image-to-text", "local", 0, 0, "OCR", "Apache-2.0")),
                List.of(), now, false));
        try {
            StandInLlm.server.reply(GOOD);
            assertTrue(planning.plan(new UserRequest("r-served", "default", List.of(new ChatMessage("user", "Read cat.jpg aloud")),
                    List.of(), new RequestOptions("llm", null, null, null), now)).ok());
            String system = StandInLlm.server.calls().get(0).system();
            assertTrue(system.contains("MUST be one of: image-to-text, text-to-speech.") || system.contains("MUST be one of: text-to-speech, image-to-text."), system);
            assertFalse(system.contains("text-to-video"), system);

            served.onHeartbeat(new ExecutorHeartbeat("executor-b", List.of(), List.of("huggingface"), now, false));
            assertEquals(TaskVocabulary.all(), served.types(now), "the Hugging Face backend serves every type");
            served.onHeartbeat(new ExecutorHeartbeat("executor-b", List.of(), List.of("huggingface"), now, true));
            assertEquals(2, served.types(now).size(), "a stopping executor no longer counts");
            assertEquals(TaskVocabulary.all(), served.types(now.plusSeconds(60)), "no live executor: every type");
        } finally {
            served.onHeartbeat(new ExecutorHeartbeat("executor-a", List.of(), List.of(), now, true));
        }
    }

    @Test
    void aTypeNoLiveExecutorServesIsReAskedWithTheAllowedList() {
        Instant now = Instant.now();
        served.onHeartbeat(new ExecutorHeartbeat("executor-a", List.of(
                new ModelCard("local/espeak-ng", "text-to-speech", "local", 0, 0, "speech", "GPL-3.0"),
                new ModelCard("local/tesseract-ocr-eng", "image-to-text", "local", 0, 0, "OCR", "Apache-2.0")),
                List.of(), now, false));
        try {
            StandInLlm.server.reply(GOOD.replace("text-to-speech", "text-to-video"), GOOD);
            PlanningResult result = plan("Describe cat.jpg and read the description aloud.");
            assertTrue(result.ok(), result.failure());
            String reAsk = StandInLlm.server.calls().get(1).lastUser();
            assertTrue(reAsk.contains("task type 'text-to-video', which no configured backend serves"), reAsk);
            assertTrue(reAsk.contains("must be one of: image-to-text, text-to-speech"), reAsk);
        } finally {
            served.onHeartbeat(new ExecutorHeartbeat("executor-a", List.of(), List.of(), now, true));
        }
    }

    @Test
    void aDisplayNameOfAnAllowedTypeIsThatType() {
        StandInLlm.server.reply(GOOD.replace("\"image-to-text\"", "\"Image Captioning\"").replace("\"text-to-speech\"", "\"TTS\""));
        PlanningResult result = plan("Describe cat.jpg and read the description aloud.");
        assertTrue(result.ok(), result.failure());
        assertEquals(GOOD_TYPES, types(result));
        assertEquals(1, StandInLlm.server.calls().size());
    }

    @Test
    void aFileTheRequestDoesNotHaveIsReAsked() {
        StandInLlm.server.reply(GOOD.replace("cat.jpg", "dog.jpg"), GOOD);
        PlanningResult result = plan("Describe cat.jpg and read the description aloud.");
        assertTrue(result.ok(), result.failure());
        assertTrue(StandInLlm.server.calls().get(1).lastUser().contains("the image 'dog.jpg', which is not a file of this request"),
                StandInLlm.server.calls().get(1).lastUser());
    }

    @Test
    void aPlanInTheTaskNodesSchemaIsRead() {
        StandInLlm.server.reply("""
                {"task_steps": ["Step 1: describe the picture", "Step 2: read it aloud"],
                 "task_nodes": [{"task": "Image-to-Text", "arguments": ["cat.jpg"]}, {"task": "Text-to-Speech", "arguments": ["<node-0>"]}],
                 "task_links": [{"source": "Image-to-Text", "target": "Text-to-Speech"}]}""");
        PlanningResult result = plan("Describe cat.jpg and read the description aloud.");
        assertTrue(result.ok(), result.failure());
        assertEquals(GOOD_TYPES, types(result));
        assertEquals("<GENERATED>-0", result.tasks().get(1).args().get("text"));
        assertEquals(List.of(0), result.tasks().get(1).dep());
    }

    @Test
    void anEmptyPlanIsConversationAndCarriesTheDirectAnswer() {
        StandInLlm.server.reply("[]");
        PlanningResult result = plan("Hello, who are you?");
        assertTrue(result.ok(), result.failure());
        assertTrue(result.tasks().isEmpty());
        assertTrue(result.reply() != null && result.reply().startsWith("Hello!"), result.reply());
    }

    @Test
    void aDetectorsPictureWithItsBoxesFeedsAVisualQuestionInOneCall() {
        StandInLlm.server.reply("""
                [{"task": "object-detection", "id": 0, "dep": [-1], "args": {"image": "cat.jpg"}},
                 {"task": "visual-question-answering", "id": 1, "dep": [0], "args": {"image": "<GENERATED>-0", "text": "how many cats are there?"}}]""");
        PlanningResult result = plan("How many cats are in cat.jpg?");
        assertTrue(result.ok(), result.failure());
        assertEquals(List.of("object-detection", "visual-question-answering"), types(result));
        assertEquals(1, StandInLlm.server.calls().size());
    }

    @Test
    void aProseAnswerToSmallTalkIsTheReplyInOneCall() {
        String prose = "Hi! I am an assistant that plans AI tasks on your text, pictures and audio. What would you like to do?";
        StandInLlm.server.reply(prose, GOOD);
        PlanningResult result = plan("Hello, who are you?");
        assertTrue(result.ok(), result.failure());
        assertTrue(result.tasks().isEmpty());
        assertEquals(prose, result.reply());
        assertEquals(1, StandInLlm.server.calls().size());
    }

    @Test
    void aModelThatAnswersARequestInProseTwiceIsNotAskedAThirdTime() {
        StandInLlm.server.reply("Sure, I can describe the picture for you.", "The picture shows a cat on a sofa.", GOOD);
        PlanningResult result = plan("Describe cat.jpg and read the description aloud.");
        assertFalse(result.ok());
        assertEquals("llm", result.planner());
        assertEquals(2, StandInLlm.server.calls().size());
        assertTrue(result.failure().contains("answered in prose twice, with no JSON plan in it"), result.failure());
        assertTrue(result.failure().contains("\"The picture shows a cat on a sofa.\""), result.failure());
        assertFalse(result.failure().contains("Unexpected character") || result.failure().contains("Unrecognized token"), result.failure());
        assertTrue(StandInLlm.server.calls().get(1).lastUser().contains("prose with no JSON plan in it"),
                StandInLlm.server.calls().get(1).lastUser());
    }

    @Test
    void theEmbeddedPlannerIsUsedOnlyWhenAskedFor() {
        PlanningResult result = planning.plan(request("Describe cat.jpg and read it aloud.", "embedded"));
        assertTrue(result.ok());
        assertEquals("embedded", result.planner());
        assertTrue(result.usage() == null || result.usage().calls() == 0);
        assertTrue(StandInLlm.server.calls().isEmpty());
    }

    private PlanningResult plan(String text) {
        return planning.plan(request(text, "llm"));
    }

    private static UserRequest request(String text, String planner) {
        return new UserRequest("r-" + System.nanoTime(), "default", List.of(new ChatMessage("user", text)), List.of(),
                new RequestOptions(planner, null, null, null), Instant.now());
    }

    private static List<String> types(PlanningResult result) {
        return result.tasks().stream().map(PlannedTask::task).toList();
    }

    private static String tooManyTasks(int n) {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add("{\"task\": \"text-classification\", \"id\": " + i + ", \"dep\": [-1], \"args\": {\"text\": \"t" + i + "\"}}");
        }
        return "[" + String.join(",", tasks) + "]";
    }
}

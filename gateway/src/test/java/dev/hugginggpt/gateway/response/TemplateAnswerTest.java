package dev.hugginggpt.gateway.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.protocol.LlmUsage;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.TaskStatus;
import java.util.Map;
import dev.hugginggpt.protocol.Outcome;
import dev.hugginggpt.protocol.Plan;
import dev.hugginggpt.protocol.RequestOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateAnswerTest {
    @Test
    void aRequestInAScriptTheOfflinePlannerDoesNotReadIsToldSo() {
        String answer = TemplateAnswer.write(nothingPlanned("embedded", "この文を英語に翻訳して: 今日はいい天気ですね"));
        assertTrue(answer.startsWith("Your request is written in Japanese, which this service does not read"), answer);
        assertTrue(answer.contains("ask in one of them") && !answer.contains("HG_"), "in the user's terms: " + answer);
    }

    @Test
    void anEnglishRequestWithNoTaskGetsTheExamplesAndTheLanguagesTheOfflinePlannerReads() {
        String answer = TemplateAnswer.write(nothingPlanned("embedded", "What's up?"));
        assertTrue(answer.startsWith("I found no AI task in your request"), answer);
        assertTrue(answer.contains("reads requests in English and Korean"), answer);
    }

    @Test
    void anLlmPlanWithNoTaskSaysNothingAboutTheOfflinePlanner() {
        String answer = TemplateAnswer.write(nothingPlanned("llm", "この文を英語に翻訳して"));
        assertTrue(answer.startsWith("I found no AI task") && !answer.contains("offline"), answer);
    }

    /** The selector's reason names the variables an operator sets; the user reads what cannot be done and what can. */
    @Test
    void aTaskNoModelServesIsExplainedInTheUsersTermsAndItsErrorKeepsTheOperatorsHint() {
        String operators = "no offline model serves text-to-image and no remote backend that does is configured"
                + " (set HG_HUGGINGFACE_TOKEN, or HG_OPENAI_BASE_URL with a model for it, on the executors)";
        TaskResult drawn = TaskResult.failedBeforeRun("r-1", 0, "text-to-image", null, operators);
        TaskResult spoken = new TaskResult("r-1", 1, "text-to-speech", new ModelChoice("local/espeak-ng", "local", "ranked 1"),
                TaskStatus.SUCCEEDED, TaskOutput.text("spoken", Map.of()), null, "executor-1", 1, Instant.now(), Instant.now());
        Plan plan = new Plan("r-1", "default", "Draw a fox and read 'fox' aloud", List.of(
                new PlannedTask(0, "text-to-image", List.of(-1), Map.of("text", "a fox")),
                new PlannedTask(1, "text-to-speech", List.of(-1), Map.of("text", "fox"))), "embedded", LlmUsage.NONE, List.of(),
                RequestOptions.defaults(), 1);
        String answer = TemplateAnswer.write(new Outcome("r-1", plan, List.of(drawn, spoken), LlmUsage.NONE, Instant.now()));
        assertTrue(answer.contains("Task 0 (text-to-image) failed: this service cannot create pictures from a description"), answer);
        assertTrue(answer.contains("It can instead read the text in a picture"), answer);
        assertTrue(!answer.contains("HG_") && !answer.contains("executors"), "no operator's words in the answer: " + answer);
        assertEquals(operators, drawn.error(), "the task's own error keeps them");
        assertEquals("the workers that run the models are not up at the moment; try again in a minute",
                UserTerms.reason("text-to-speech", "no executor is running"));
        assertEquals("out of memory", UserTerms.reason("text-to-speech", "out of memory"), "other reasons are the task's own words");
    }

    @Test
    void theScriptIsNamedFromMostOfTheLetters() {
        assertEquals(Optional.of("Japanese"), TemplateAnswer.unreadScript("カタカナだけ"));
        assertEquals(Optional.of("Chinese characters"), TemplateAnswer.unreadScript("把这句话翻译成英文"));
        assertEquals(Optional.of("Cyrillic script"), TemplateAnswer.unreadScript("Переведи это на английский"));
        assertEquals(Optional.of("Arabic script"), TemplateAnswer.unreadScript("ترجم هذه الجملة"));
        assertEquals(Optional.empty(), TemplateAnswer.unreadScript("이 문장을 읽어줘 (Korean)"));
        assertEquals(Optional.empty(), TemplateAnswer.unreadScript("Lis cette phrase à haute voix"));
        assertEquals(Optional.empty(), TemplateAnswer.unreadScript("123 !?"));
    }

    @Test
    void aPlanWithoutTasksIsAnsweredWithThePlannersReply() {
        String reply = "Hello! I am HuggingGPT for the JVM.\n\nWhat I can do here right now:\n- text-to-speech: local/espeak-ng (local)";
        Plan plan = new Plan("r-1", "default", "Hello, who are you?", List.of(), "embedded", LlmUsage.NONE, List.of(),
                RequestOptions.defaults(), 1, reply);
        assertEquals(reply, TemplateAnswer.write(new Outcome("r-1", plan, List.of(), LlmUsage.NONE, Instant.now())));
        Plan japanese = new Plan("r-2", "default", "こんにちは、あなたは誰ですか", List.of(), "embedded", LlmUsage.NONE, List.of(),
                RequestOptions.defaults(), 1, reply);
        String answer = TemplateAnswer.write(new Outcome("r-2", japanese, List.of(), LlmUsage.NONE, Instant.now()));
        assertTrue(answer.startsWith("Your request is written in Japanese") && answer.endsWith(reply), answer);
    }

    private static Outcome nothingPlanned(String planner, String request) {
        Plan plan = new Plan("r-1", "default", request, List.of(), planner, LlmUsage.NONE, List.of(),
                RequestOptions.defaults(), 1);
        return new Outcome("r-1", plan, List.of(), LlmUsage.NONE, Instant.now());
    }
}

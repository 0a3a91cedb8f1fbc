package dev.hugginggpt.gateway.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.protocol.LlmUsage;
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
        assertTrue(answer.startsWith("Your request is written in Japanese, which the offline planner does not read"), answer);
        assertTrue(answer.contains("HG_LLM_BASE_URL"), answer);
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

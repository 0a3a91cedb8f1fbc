package dev.hugginggpt.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.planner.config.PlannerConfig;
import dev.hugginggpt.planner.embedded.EmbeddedPlanner;
import dev.hugginggpt.planner.service.PlanningResult;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.UserRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmbeddedPlannerTest {
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

    private final EmbeddedPlanner planner = new EmbeddedPlanner(CONFIG);

    private PlanningResult plan(String text, ResourceRef... uploads) {
        return planner.plan(new UserRequest("r", "t", List.of(ChatMessage.user(text)), List.of(uploads),
                RequestOptions.defaults(), Instant.now()));
    }

    @Test
    void readAloudAndLanguageAreTwoIndependentTasksOnTheQuotedText() {
        List<PlannedTask> tasks = plan("Read this sentence aloud and tell me what language it is: 'Bonjour tout le monde'").tasks();
        assertEquals(2, tasks.size());
        assertEquals("text-to-speech", tasks.get(0).task());
        assertEquals("text-classification", tasks.get(1).task());
        assertEquals("Bonjour tout le monde", tasks.get(0).args().get("text"));
        assertEquals("Bonjour tout le monde", tasks.get(1).args().get("text"));
        assertEquals(List.of(-1), tasks.get(1).dep());
    }

    @Test
    void koreanDescribeThenSpeakIsAChainOnTheUploadedImage() {
        ResourceRef cat = new ResourceRef("r-0123456789abcdef0123.jpg", "cat.jpg", "image/jpeg", 10);
        List<PlannedTask> tasks = plan("cat.jpg 사진을 설명하고 그 설명을 음성으로 읽어줘", cat).tasks();
        assertEquals(2, tasks.size(), tasks.toString());
        assertEquals("image-to-text", tasks.get(0).task());
        assertEquals(cat.id(), tasks.get(0).args().get("image"));
        assertEquals("text-to-speech", tasks.get(1).task());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
        assertEquals(List.of(0), tasks.get(1).dep());
    }

    @Test
    void audioFlowsFromSpeechToTranscription() {
        List<PlannedTask> tasks = plan("Read 'good morning' aloud, then transcribe the recording").tasks();
        assertEquals("automatic-speech-recognition", tasks.get(1).task());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("audio"));
    }

    @Test
    void aTaskWithoutItsInputIsAClearFailure() {
        PlanningResult result = plan("Detect the objects in the picture");
        assertFalse(result.ok());
        assertTrue(result.failure().contains("no image"), result.failure());
    }

    @Test
    void smallTalkNeedsNoTask() {
        PlanningResult result = plan("Hello there");
        assertTrue(result.ok());
        assertEquals(List.of(), result.tasks());
    }

    @Test
    void koreanTranscribeThenTranslateTheResult() {
        List<PlannedTask> tasks = plan("meeting.wav 녹음을 받아 적고 그 결과를 영어로 번역해줘").tasks();
        assertEquals(List.of("automatic-speech-recognition", "translation"), names(tasks), tasks.toString());
        assertEquals("meeting.wav", tasks.get(0).args().get("audio"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
        assertEquals(List.of(0), tasks.get(1).dep());
    }

    @Test
    void outputsFlowToTheNextTaskThatTakesTheirKind() {
        List<PlannedTask> tasks = plan("Generate an image of a red fox in the snow, then detect the objects in it"
                + " and read the labels aloud.").tasks();
        assertEquals(List.of("text-to-image", "object-detection", "text-to-speech"), names(tasks), tasks.toString());
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("image"));
        assertEquals("<GENERATED>-1", tasks.get(2).args().get("text"));
    }

    @Test
    void aTextTaskOnARecordingGetsATranscriptionFirst() {
        List<PlannedTask> tasks = plan("I recorded our team meeting as standup.wav. Could you summarize it for me?").tasks();
        assertEquals(List.of("automatic-speech-recognition", "summarization"), names(tasks), tasks.toString());
        assertEquals("standup.wav", tasks.get(0).args().get("audio"));
        assertEquals("<GENERATED>-0", tasks.get(1).args().get("text"));
    }

    @Test
    void sceneSettingSentencesAskForNothing() {
        List<PlannedTask> tasks = plan("I have a recording of a lecture in talk.wav with a description of the slides."
                + " Please transcribe it.").tasks();
        assertEquals(List.of("automatic-speech-recognition"), names(tasks), tasks.toString());
    }

    @Test
    void classifyingAPictureOfATableIsTabularClassification() {
        List<PlannedTask> tasks = plan("I took a photo of a table of sales figures, sales.png. Could you classify it?").tasks();
        assertEquals(List.of("tabular-classification"), names(tasks), tasks.toString());
        assertEquals("sales.png", tasks.get(0).args().get("image"));
    }

    @Test
    void twoQuotedSentencesAreComparedWithEachOther() {
        List<PlannedTask> tasks = plan("How similar are 'the cat sat on the mat' and 'a cat was sitting on the rug'?").tasks();
        assertEquals(List.of("sentence-similarity"), names(tasks), tasks.toString());
        assertEquals("the cat sat on the mat", tasks.get(0).args().get("text"));
        assertEquals("a cat was sitting on the rug", tasks.get(0).args().get("text2"));
    }

    @Test
    void aClauseNoRuleKnowsIsPlacedByItsNearestExemplar() {
        List<PlannedTask> tasks = plan("Could you cut out every object from street.jpg?").tasks();
        assertEquals(List.of("image-segmentation"), names(tasks), tasks.toString());
        assertEquals("street.jpg", tasks.get(0).args().get("image"));
    }

    @Test
    void withoutEmbeddingsTheSameClauseIsNotPlanned() {
        EmbeddedPlanner rulesOnly = EmbeddedPlanner.rulesOnly(CONFIG);
        PlanningResult result = rulesOnly.plan(new UserRequest("r", "t",
                List.of(ChatMessage.user("Could you cut out every object from street.jpg?")), List.of(),
                RequestOptions.defaults(), Instant.now()));
        assertEquals(List.of(), result.tasks());
    }

    private static List<String> names(List<PlannedTask> tasks) {
        return tasks.stream().map(PlannedTask::task).toList();
    }
}

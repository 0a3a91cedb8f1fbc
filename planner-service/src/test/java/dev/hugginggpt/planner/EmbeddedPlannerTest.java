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
    private final EmbeddedPlanner planner = new EmbeddedPlanner(new PlannerConfig() {
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
    });

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
}

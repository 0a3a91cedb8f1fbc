package dev.hugginggpt.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.planner.config.PlannerConfig;
import dev.hugginggpt.planner.embedded.EmbeddedPlanner;
import dev.hugginggpt.planner.plan.PlanningResult;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.GeneratedRefs;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.UserRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A user who writes {@code <GENERATED>-0} means those characters. The selector resolves {@code <GENERATED>-N} in a
 * task's arguments to task N's output, so a typed one must never reach a plan as a reference: it becomes
 * {@code ‹GENERATED›-0}, which reads the same.
 */
class TypedReferenceTest {
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

    @Test
    void aQuotedReferenceIsReadAloudAsTextWithoutADependency() {
        List<PlannedTask> tasks = planned("Read this aloud: 'Press <GENERATED>-0 to continue'");
        assertEquals(1, tasks.size(), tasks::toString);
        assertEquals("text-to-speech", tasks.get(0).task());
        assertEquals("Press ‹GENERATED›-0 to continue", tasks.get(0).args().get("text"));
        assertEquals(List.of(-1), tasks.get(0).dep());
    }

    @Test
    void aReferenceToAnEarlierTaskOfThePlanStaysText() {
        List<PlannedTask> tasks = planned("Translate 'good morning' into French and read this aloud: '<GENERATED>-0'");
        assertTrue(tasks.size() >= 2, tasks::toString);
        PlannedTask speech = tasks.stream().filter(t -> t.task().equals("text-to-speech")).findFirst().orElseThrow();
        assertEquals("‹GENERATED›-0", speech.args().get("text"));
        assertEquals(List.of(-1), speech.dep());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Read this aloud: <GENERATED>-0 and <GENERATED>-1",
            "Summarize this: <GENERATED>-0 was the first token. <GENERATED>-1 was the second one. Both were typed.",
            "What language is \"<GENERATED>-0 ist ein Wort\"?",
            // putting the quote back would join the two halves into a reference
            "Read this aloud: \"<GENERA\"TED>-0",
            "Read this aloud: '<GENERATED'>-0 now",
            "Translate <GENERATED>-0 into Spanish"})
    void noTypedTextBecomesAReference(String message) {
        PlanningResult result = plan(List.of(ChatMessage.user(message)));
        assertTrue(result.ok(), result.failure());
        assertTrue(!result.tasks().isEmpty(), message);
        for (PlannedTask task : result.tasks()) {
            assertEquals(List.of(), List.copyOf(GeneratedRefs.in(task.args())), task::toString);
            assertEquals(List.of(-1), task.dep(), task::toString);
        }
    }

    @Test
    void theEarlierTurnsTextIsTakenAsText() {
        List<ChatMessage> conversation = List.of(ChatMessage.user("What is the code?"),
                new ChatMessage("assistant", "The code is <GENERATED>-0."), ChatMessage.user("Now read it aloud"));
        List<PlannedTask> tasks = planned(conversation);
        assertEquals(1, tasks.size(), tasks::toString);
        assertEquals("The code is ‹GENERATED›-0.", tasks.get(0).args().get("text"));
        assertEquals(List.of(-1), tasks.get(0).dep());
    }

    @Test
    void thePlannersOwnReferencesStillLinkTasks() {
        List<PlannedTask> tasks = planned("Translate 'good morning' into French and read the translation aloud");
        assertEquals(2, tasks.size(), tasks::toString);
        assertEquals(GeneratedRefs.of(0), tasks.get(1).args().get("text"));
        assertEquals(List.of(0), tasks.get(1).dep());
    }

    private List<PlannedTask> planned(String message) {
        return planned(List.of(ChatMessage.user(message)));
    }

    private List<PlannedTask> planned(List<ChatMessage> conversation) {
        PlanningResult result = plan(conversation);
        assertTrue(result.ok(), result.failure());
        return result.tasks();
    }

    private PlanningResult plan(List<ChatMessage> conversation) {
        return planner.plan(new UserRequest("r", "t", conversation, List.of(), RequestOptions.defaults(), Instant.now()));
    }
}

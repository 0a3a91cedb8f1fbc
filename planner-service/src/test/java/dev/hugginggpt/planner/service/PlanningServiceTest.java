package dev.hugginggpt.planner.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.planner.plan.PlanningResult;
import dev.hugginggpt.planner.plan.TaskPlanner;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.UserRequest;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PlanningServiceTest {
    private static final UserRequest REQUEST = new UserRequest("r-1", "t", List.of(ChatMessage.user("Describe cat.jpg")),
            List.of(), RequestOptions.defaults(), Instant.now());

    @Test
    void aStackOverflowFailsTheRequestWithAReason() {
        PlanningResult result = PlanningService.planWith(planner(request -> {
            throw new StackOverflowError();
        }), REQUEST);
        assertFalse(result.ok());
        assertEquals("embedded", result.planner());
        assertTrue(result.failure().startsWith("the request could not be planned: "), result.failure());
        assertTrue(result.tasks().isEmpty());
    }

    @Test
    void aRealStackOverflowIsCaughtOnceTheStackHasUnwound() {
        PlanningResult result = PlanningService.planWith(planner(PlanningServiceTest::recurseForever), REQUEST);
        assertFalse(result.ok());
        assertTrue(result.failure().startsWith("the request could not be planned: "), result.failure());
    }

    @Test
    void anExceptionFailsTheRequestWithItsMessage() {
        PlanningResult result = PlanningService.planWith(planner(request -> {
            throw new IllegalStateException("image-to-text has no image to work on");
        }), REQUEST);
        assertFalse(result.ok());
        assertEquals("embedded planner error: image-to-text has no image to work on", result.failure());
    }

    @Test
    void anExceptionWithoutAMessageIsNamed() {
        PlanningResult result = PlanningService.planWith(planner(request -> {
            throw new NullPointerException();
        }), REQUEST);
        assertEquals("embedded planner error: NullPointerException", result.failure());
    }

    @Test
    void runningOutOfMemoryIsNotTheRequestsDoingAndIsLeftAlone() {
        assertThrows(OutOfMemoryError.class, () -> PlanningService.planWith(planner(request -> {
            throw new OutOfMemoryError("Java heap space");
        }), REQUEST));
    }

    private static PlanningResult recurseForever(UserRequest request) {
        return recurseForever(request);
    }

    private static TaskPlanner planner(Function<UserRequest, PlanningResult> plan) {
        return new TaskPlanner() {
            @Override
            public String name() {
                return "embedded";
            }

            @Override
            public PlanningResult plan(UserRequest request) {
                return plan.apply(request);
            }
        };
    }
}

package dev.hugginggpt.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hugginggpt.planner.llm.PlanParseException;
import dev.hugginggpt.planner.llm.PlanParser;
import dev.hugginggpt.protocol.PlannedTask;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanParserTest {
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
}

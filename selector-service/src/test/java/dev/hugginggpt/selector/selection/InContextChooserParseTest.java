package dev.hugginggpt.selector.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InContextChooserParseTest {

    @Test
    void readsAnArrayInProseOrFences() {
        Map<Integer, InContextChooser.Pick> picks = InContextChooser.parse("""
                Here you go:
                ```json
                [{"task": 0, "id": "local/flite", "reason": "clearer voice"},
                 {"task": "2", "id": "facebook/detr-resnet-50", "reason": "detects objects"},]
                ```""");
        assertEquals(new InContextChooser.Pick("local/flite", "clearer voice"), picks.get(0));
        assertEquals("facebook/detr-resnet-50", picks.get(2).modelId());
    }

    @Test
    void readsASingleObjectAndAnObjectKeyedByTaskId() {
        assertEquals("m1", InContextChooser.parse("{'task_id': 1, 'model': 'm1'}").get(1).modelId());
        Map<Integer, InContextChooser.Pick> keyed = InContextChooser.parse("{\"0\": \"m0\", \"1\": {\"id\": \"m1\", \"reason\": \"r\"}}");
        assertEquals("m0", keyed.get(0).modelId());
        assertEquals(new InContextChooser.Pick("m1", "r"), keyed.get(1));
    }

    @Test
    void nonsenseGivesNoPicksRatherThanAnError() {
        assertTrue(InContextChooser.parse(null).isEmpty());
        assertTrue(InContextChooser.parse("I would pick the best one.").isEmpty());
        assertTrue(InContextChooser.parse("[{\"task\": \"zero\", \"id\": \"m\"}]").isEmpty());
        assertTrue(InContextChooser.parse("[{\"task\": 0, \"id\": 42}]").isEmpty());
        assertTrue(InContextChooser.parse("[{\"task\": 0, \"id\": \"m\"").isEmpty());
    }
}

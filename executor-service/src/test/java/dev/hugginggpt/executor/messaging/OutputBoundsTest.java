package dev.hugginggpt.executor.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.config.ExecutorLimits;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.TaskResult;
import dev.hugginggpt.protocol.TaskStatus;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A result stays within one Kafka record (1 MiB): long text and large data go to files the output lists. */
class OutputBoundsTest {
    private static final int KAFKA_RECORD = 1 << 20;
    @TempDir
    Path dir;
    ResourceStore store;
    OutputBounds bounds;

    @BeforeEach
    void setUp() {
        store = new ResourceStore(dir);
        bounds = new OutputBounds(store, ExecutorLimits.DEFAULTS);
    }

    @Test
    void anOutputWithinTheBoundsIsLeftAsItIs() throws ModelException {
        TaskOutput output = TaskOutput.text("z".repeat(100_000), Map.of("labels", List.of("a", "b")));

        assertSame(output, bounds.apply(output));
    }

    @Test
    void aLongTextIsCutWithANoteAndKeptWholeInATextFile() throws Exception {
        String korean = "가".repeat(400_000); // 1.2 MB of UTF-8, more than a record
        TaskOutput output = new TaskOutput(korean, List.of(), Map.of("engine", "test"));

        TaskOutput bounded = bounds.apply(output);

        ResourceRef whole = bounded.resources().get(0);
        assertEquals("text/plain", whole.contentType());
        assertEquals(korean, Files.readString(store.path(whole.id()).orElseThrow(), StandardCharsets.UTF_8));
        assertEquals("가".repeat(100_000) + "\n[... cut at 100000 of 400000 characters; the whole text is in " + whole.id() + "]",
                bounded.text());
        assertEquals(Map.of("engine", "test", "textCut", true, "textChars", 400_000, "textFile", whole.id()), bounded.data());
        assertTrue(recordBytes(bounded) < KAFKA_RECORD / 2, recordBytes(bounded) + " bytes");
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() throws ModelException {
        String text = "a" + "😀".repeat(60_000); // each emoji is two chars; the 100000th char is a high surrogate

        String cut = bounds.apply(TaskOutput.text(text, Map.of())).text();

        assertTrue(cut.startsWith("a" + "😀".repeat(49_999) + "\n[... cut at 99999 of 120001 characters"), cut.substring(99_990, 100_040));
    }

    @Test
    void largeStructuredDataIsLeftOutAndKeptAsAJsonFile() throws Exception {
        List<Map<String, Object>> labels = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            labels.add(Map.of("label", "label number " + i, "score", 0.5));
        }
        ResourceRef picture = new ResourceRef("r-0123456789abcdef0123.png", "x.png", "image/png", 10);
        TaskOutput output = new TaskOutput("20000 labels", List.of(picture), Map.of("labels", labels));

        TaskOutput bounded = bounds.apply(output);

        ResourceRef data = bounded.resources().get(1);
        assertEquals(List.of(picture, data), bounded.resources());
        assertEquals("application/json", data.contentType());
        assertEquals(labels.size(), Json.MAPPER.readTree(store.path(data.id()).orElseThrow().toFile()).get("labels").size());
        assertEquals(Map.of("dataLeftOut", true, "dataBytes", (int) data.size(), "dataFile", data.id()), bounded.data());
        assertEquals("20000 labels", bounded.text());
        assertTrue(recordBytes(bounded) < 2000, recordBytes(bounded) + " bytes");
    }

    @Test
    void aLongErrorIsCut() {
        String error = OutputBounds.error("x".repeat(1_000_000));

        assertEquals("x".repeat(2000) + " [... 998000 more characters]", error);
        assertEquals("short", OutputBounds.error("short"));
    }

    private static int recordBytes(TaskOutput output) throws Exception {
        return Json.MAPPER.writeValueAsBytes(new TaskResult("req", 0, "text-generation", new ModelChoice("m", "local", "r"),
                TaskStatus.SUCCEEDED, output, null, "executor", 1, Instant.now(), Instant.now())).length;
    }
}

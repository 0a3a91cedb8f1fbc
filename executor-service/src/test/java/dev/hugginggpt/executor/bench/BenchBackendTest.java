package dev.hugginggpt.executor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.protocol.ModelCard;
import dev.hugginggpt.protocol.ModelChoice;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.TaskDispatch;
import dev.hugginggpt.protocol.TaskOutput;
import dev.hugginggpt.protocol.TaskVocabulary;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchBackendTest {
    @TempDir
    Path dir;

    private BenchBackend backend(boolean enabled, long delayMs, List<String> tasks) {
        return new BenchBackend(enabled, delayMs, Optional.ofNullable(tasks), 1, new ResourceStore(dir));
    }

    private static TaskDispatch task(String type, String modelId) {
        return new TaskDispatch("r1", 0, type, Map.of("text", "hello"), new ModelChoice(modelId, "bench", "test"),
                List.of(), 1, Instant.now().plusSeconds(60), Instant.now());
    }

    @Test
    void offIsTheDefaultAndOffersNothing() {
        BenchBackend off = backend(false, 0, null);

        assertFalse(off.enabled());
        assertTrue(off.localModels().isEmpty());
        assertFalse(off.canRun("bench/zero-latency-summarization"));
        assertThrows(ModelException.class, () -> off.run(task("summarization", "bench/zero-latency-summarization"), Duration.ofSeconds(5)));
    }

    @Test
    void announcesAStandInPerTaskTypeThatSaysWhatItIs() {
        List<ModelCard> cards = backend(true, 0, null).localModels();

        assertEquals(TaskVocabulary.all().size(), cards.size());
        for (ModelCard card : cards) {
            assertEquals("bench/zero-latency-" + card.task(), card.id());
            assertEquals("bench", card.backend());
            assertTrue(card.description().startsWith("Benchmark stand-in, not a model"), card.description());
            assertEquals(0, card.downloads());
        }
    }

    @Test
    void aDelayIsInTheIdAndIsWaited() throws Exception {
        BenchBackend slow = backend(true, 120, List.of("summarization"));
        assertEquals(List.of("bench/delay-120ms-summarization"), slow.localModels().stream().map(ModelCard::id).toList());

        long started = System.nanoTime();
        TaskOutput output = slow.run(task("summarization", "bench/delay-120ms-summarization"), Duration.ofSeconds(5));

        assertTrue((System.nanoTime() - started) / 1_000_000 >= 120);
        assertEquals(120L, output.data().get("delayMs"));
        assertThrows(ModelException.class, () -> slow.run(task("summarization", "bench/delay-120ms-summarization"),
                Duration.ofMillis(50)), "a delay past the deadline fails at once");
    }

    @Test
    void textTasksGetAPlaceholderTextAndFileTasksAPlaceholderFileInTheStore() throws Exception {
        BenchBackend bench = backend(true, 0, List.of("text-classification", "text-to-speech", "text-to-image"));
        ResourceStore store = new ResourceStore(dir);

        TaskOutput text = bench.run(task("text-classification", "bench/zero-latency-text-classification"), Duration.ofSeconds(5));
        assertEquals("[benchmark stand-in output for text-classification]", text.text());
        assertEquals(true, text.data().get("standIn"));

        ResourceRef audio = bench.run(task("text-to-speech", "bench/zero-latency-text-to-speech"), Duration.ofSeconds(5))
                .resources().get(0);
        assertEquals("audio/wav", audio.contentType());
        byte[] wav = Files.readAllBytes(store.path(audio.id()).orElseThrow());
        assertEquals("RIFF", new String(wav, 0, 4));
        assertEquals(44, wav.length);

        ResourceRef image = bench.run(task("text-to-image", "bench/zero-latency-text-to-image"), Duration.ofSeconds(5))
                .resources().get(0);
        assertTrue(image.id().endsWith(".png"), image.id());
        assertEquals(image, store.describe(image.id()).orElseThrow());
    }

    @Test
    void variantsGiveEachTaskSeveralCandidates() throws Exception {
        BenchBackend two = new BenchBackend(true, 0, Optional.of(List.of("summarization")), 2, new ResourceStore(dir));

        assertEquals(List.of("bench/zero-latency-summarization", "bench/zero-latency-summarization-v2"),
                two.localModels().stream().map(ModelCard::id).toList());
        assertTrue(two.canRun("bench/zero-latency-summarization-v2"));
        assertEquals("[benchmark stand-in output for summarization]",
                two.run(task("summarization", "bench/zero-latency-summarization-v2"), Duration.ofSeconds(5)).text());
    }

    @Test
    void anUnknownTaskTypeInTheConfigurationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> backend(true, 0, List.of("juggling")));
        assertThrows(IllegalArgumentException.class, () -> backend(true, -1, null));
        assertThrows(IllegalArgumentException.class,
                () -> new BenchBackend(true, 0, Optional.empty(), 0, new ResourceStore(dir)));
    }
}

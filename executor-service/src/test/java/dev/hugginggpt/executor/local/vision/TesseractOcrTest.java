package dev.hugginggpt.executor.local.vision;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.Fixtures;
import dev.hugginggpt.executor.local.Transcripts;
import dev.hugginggpt.executor.local.model.MediaLimits;
import dev.hugginggpt.executor.local.runtime.Programs;
import dev.hugginggpt.protocol.resources.ResourceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TesseractOcrTest {
    @TempDir
    Path dir;

    @Test
    void readsTheTextOfARenderedImage() throws ModelException {
        assumeTrue(Programs.installed("tesseract"));
        ResourceStore store = new ResourceStore(dir);
        String image = Fixtures.textImage(store, "The quick brown fox jumps", "over the lazy dog near 42 houses");

        String text = new TesseractOcr(store, MediaLimits.DEFAULTS).run(Map.of("image", image), Duration.ofSeconds(60)).text();

        assertTrue(Transcripts.sharedWords("the quick brown fox jumps over the lazy dog near 42 houses", text) >= 0.9,
                "read: " + text);
    }

    @Test
    void anImageWithoutTextFailsWithWhatTheModelCanAndCannotDo() {
        assumeTrue(Programs.installed("tesseract"));
        ResourceStore store = new ResourceStore(dir);
        String image = Fixtures.blankImage(store);

        ModelException e = assertThrows(ModelException.class,
                () -> new TesseractOcr(store, MediaLimits.DEFAULTS).run(Map.of("image", image), Duration.ofSeconds(60)));

        assertTrue(e.getMessage().contains("no printed text") && e.getMessage().contains("does not describe"), e.getMessage());
    }
}

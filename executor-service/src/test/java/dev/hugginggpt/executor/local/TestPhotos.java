package dev.hugginggpt.executor.local;

import static org.junit.jupiter.api.Assertions.fail;

import dev.hugginggpt.protocol.resources.ResourceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real photographs from scikit-image's sample data, which testkit/test-photos.sh puts in HG_TEST_PHOTOS (default
 * ~/.cache/hugginggpt/test-photos): astronaut.png (a woman, head and upper body), camera.png (a man bent at a tripod,
 * grayscale), coffee.png (a cup, no person), chelsea.png (a cat).
 */
final class TestPhotos {
    private TestPhotos() {
    }

    static Path path(String name) {
        String configured = System.getenv("HG_TEST_PHOTOS");
        Path dir = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "hugginggpt", "test-photos") : Path.of(configured);
        Path photo = dir.resolve(name);
        if (!Files.isRegularFile(photo)) {
            fail("test photo " + photo + " is missing: run testkit/test-photos.sh (it fills " + dir + ")");
        }
        return photo;
    }

    /** The photo saved in {@code store}; answers its resource id. */
    static String save(ResourceStore store, String name) {
        try {
            return store.save(path(name), name, "image/png").id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

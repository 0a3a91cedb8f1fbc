package dev.hugginggpt.executor.local;

import dev.hugginggpt.protocol.resources.ResourceStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Real photographs for the image model tests, in the folder HG_TEST_PHOTOS (default ~/.cache/hugginggpt/test-photos)
 * that testkit/test-photos.sh fills from Debian packages. A missing photo fails the test: it is not skipped.
 */
public final class TestPhotos {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private TestPhotos() {
    }

    public static Path dir() {
        String env = System.getenv("HG_TEST_PHOTOS");
        return env == null || env.isBlank() ? Path.of(System.getProperty("user.home"), ".cache", "hugginggpt", "test-photos")
                : Path.of(env);
    }

    public static Path path(String name) {
        Path photo = dir().resolve(name);
        if (!Files.isRegularFile(photo)) {
            throw new IllegalStateException("test photo " + photo + " is missing: run testkit/test-photos.sh, which"
                    + " extracts the test photographs from Debian packages into " + dir() + " (or HG_TEST_PHOTOS)");
        }
        return photo;
    }

    public static BufferedImage read(String name) {
        try {
            BufferedImage image = ImageIO.read(path(name).toFile());
            if (image == null) {
                throw new IllegalStateException("test photo " + path(name) + " could not be decoded");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores the photo as it is and answers its resource id. */
    public static String save(ResourceStore store, String name) {
        try {
            String type = name.endsWith(".png") ? "image/png" : "image/jpeg";
            return store.save(path(name), name, type).id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores an image made from photos (scaled, side by side) as a PNG and answers its resource id. */
    public static String save(ResourceStore store, BufferedImage image, String name) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return store.save(new ByteArrayInputStream(out.toByteArray()), name, "image/png").id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

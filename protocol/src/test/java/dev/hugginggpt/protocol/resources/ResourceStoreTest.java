package dev.hugginggpt.protocol.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.ResourceRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceStoreTest {
    @TempDir
    Path dir;

    private ResourceRef save(String name, String type) throws IOException {
        return new ResourceStore(dir).save(new ByteArrayInputStream(new byte[] {1, 2, 3}), name, type);
    }

    @Test
    void aStoredNameHasNoControlCharactersAndNoFolders() throws IOException {
        assertEquals("ab.png", save("a\u0000b.png", "image/png").name());
        assertEquals("catSet-Cookie: x=1.png", save("cat\r\nSet-Cookie: x=1.png", "image/png").name());
        assertEquals("passwd.png", save("../../etc/passwd.png", "image/png").name());
        assertEquals("photo.jpg", save("C:\\Users\\me\\photo.jpg", "image/jpeg").name());
        assertEquals("gnp.exe", save("\u202Egnp.exe", "image/png").name(), "no right-to-left override");
        assertEquals("고양이.png", save("고양이.png", "image/png").name());
        ResourceRef unnamed = save("\r\n", "image/png");
        assertEquals(unnamed.id(), unnamed.name());
        String longName = save("x".repeat(5000) + ".png", "image/png").name();
        assertEquals(ResourceStore.MAX_NAME_CHARS, longName.length());
        assertTrue(longName.endsWith("x.png"), longName);
    }

    @Test
    void aContentTypeThatIsNotAPlainTypeIsNotStored() throws IOException {
        assertEquals("audio/wav", save("a.wav", "audio/wav\r\nSet-Cookie: x=1").contentType());
        assertEquals("image/png", save("a.png", "IMAGE/PNG").contentType());
        assertEquals("text/plain; charset=utf-8", save("a.txt", "text/plain;charset=UTF-8").contentType());
        assertEquals("application/octet-stream", save("a", "text/html; onload=x").contentType());
        assertNull(ResourceStore.safeContentType("image/png\u0000"));
        assertNull(ResourceStore.safeContentType("image/ png"));
    }

    @Test
    void aDescriptionWrittenBeforeIsShownSanitizedToo() throws IOException {
        ResourceStore store = new ResourceStore(dir);
        ResourceRef ref = store.save(new ByteArrayInputStream(new byte[] {1}), "a.wav", "audio/wav");
        Json.MAPPER.writeValue(dir.resolve(ref.id() + ".json").toFile(),
                new ResourceRef(ref.id(), "a\r\nb.wav", "audio/wav\r\nX: y", 1));
        ResourceRef read = store.describe(ref.id()).orElseThrow();
        assertEquals("ab.wav", read.name());
        assertEquals("application/octet-stream", read.contentType());
    }

    @Test
    void aFailedSaveLeavesNothingBehind() throws IOException {
        InputStream failing = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 1000) {
                    throw new IOException("the client went away");
                }
                return 'x';
            }
        };
        ResourceStore store = new ResourceStore(dir);
        assertThrows(IOException.class, () -> store.save(failing, "a.png", "image/png"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
        ResourceRef kept = store.save(new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)), "a.txt", "text/plain");
        store.delete(kept.id());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}

package dev.hugginggpt.deploy.images;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageRootfsTest {
    @TempDir
    Path dir;

    /** A layer under construction: tar entries in order. */
    private static final class Layer {
        final List<TarArchiveEntry> entries = new ArrayList<>();
        final Map<TarArchiveEntry, byte[]> contents = new LinkedHashMap<>();

        Layer dir(String name) {
            entries.add(new TarArchiveEntry(name + "/"));
            return this;
        }

        Layer file(String name, String content, int mode) {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            entry.setSize(bytes.length);
            entry.setMode(mode);
            entries.add(entry);
            contents.put(entry, bytes);
            return this;
        }

        Layer file(String name, String content) {
            return file(name, content, 0644);
        }

        Layer symlink(String name, String target) {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            entry.setLinkName(target);
            entries.add(entry);
            return this;
        }

        Layer hardlink(String name, String target) {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK);
            entry.setLinkName(target);
            entries.add(entry);
            return this;
        }

        byte[] tar(boolean gzip) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (OutputStream out = gzip ? new GZIPOutputStream(bytes) : bytes;
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                for (TarArchiveEntry entry : entries) {
                    tar.putArchiveEntry(entry);
                    if (contents.containsKey(entry)) {
                        tar.write(contents.get(entry));
                    }
                    tar.closeArchiveEntry();
                }
            }
            return bytes.toByteArray();
        }
    }

    /** A docker-archive image tarball of the layers, bottom first, with an image configuration. */
    private Path image(String config, Layer... layers) throws IOException {
        Path file = dir.resolve("image.tar");
        List<String> names = new ArrayList<>();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < layers.length; i++) {
                String name = "layer" + i + (i % 2 == 0 ? ".tar.gz" : ".tar");
                names.add(name);
                put(tar, name, layers[i].tar(i % 2 == 0));
            }
            put(tar, "config.json", config.getBytes(StandardCharsets.UTF_8));
            put(tar, "manifest.json", new ObjectMapper().writeValueAsBytes(
                    List.of(Map.of("Config", "config.json", "RepoTags", List.of("test:1"), "Layers", names))));
        }
        return file;
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static final String CONFIG = """
            {"config":{"User":"185","WorkingDir":"/deployments","Env":["PATH=/usr/bin:/bin","LANG=C.UTF-8"],
             "Entrypoint":["java","-jar","/deployments/quarkus-run.jar"],"Cmd":["--verbose"]}}""";

    @Test
    void layersApplyInOrderAndLaterFilesWin() throws IOException {
        Path rootfs = dir.resolve("rootfs");
        ImageRootfs.RunConfig config = ImageRootfs.unpack(image(CONFIG,
                new Layer().dir("usr").dir("usr/bin").file("usr/bin/tool", "v1", 0755).file("etc/motd", "old"),
                new Layer().file("./etc/motd", "new").symlink("bin", "usr/bin").hardlink("usr/bin/tool2", "usr/bin/tool")),
                rootfs);

        assertEquals("v1", Files.readString(rootfs.resolve("usr/bin/tool")));
        assertEquals("new", Files.readString(rootfs.resolve("etc/motd")));
        assertEquals("usr/bin", Files.readSymbolicLink(rootfs.resolve("bin")).toString());
        assertEquals("v1", Files.readString(rootfs.resolve("bin/tool")), "through the link");
        assertEquals(Files.getAttribute(rootfs.resolve("usr/bin/tool"), "unix:ino"),
                Files.getAttribute(rootfs.resolve("usr/bin/tool2"), "unix:ino"), "a hard link, not a copy");
        assertEquals(0755, (int) Files.getAttribute(rootfs.resolve("usr/bin/tool"), "unix:mode") & 07777);
        assertEquals(0644, (int) Files.getAttribute(rootfs.resolve("etc/motd"), "unix:mode") & 07777);

        assertEquals(List.of("java", "-jar", "/deployments/quarkus-run.jar", "--verbose"), config.command());
        assertEquals(List.of("PATH=/usr/bin:/bin", "LANG=C.UTF-8"), config.env());
        assertEquals("185", config.user());
        assertEquals("/deployments", config.workingDir());
    }

    @Test
    void whiteoutsDeleteWhatTheLayersBelowPutThere() throws IOException {
        Path rootfs = dir.resolve("rootfs");
        ImageRootfs.unpack(image(CONFIG,
                new Layer().file("app/keep", "k").file("app/gone", "g").file("app/dir/a", "a").file("app/dir/b", "b")
                        .file("cache/old1", "1").file("cache/old2", "2").symlink("app/link", "/nowhere"),
                new Layer().file("app/.wh.gone", "").file("app/.wh.dir", "").file("app/.wh.link", "")
                        .file("cache/.wh..wh..opq", "").file("cache/new", "n")),
                rootfs);

        assertTrue(Files.exists(rootfs.resolve("app/keep")));
        assertFalse(Files.exists(rootfs.resolve("app/gone")));
        assertFalse(Files.exists(rootfs.resolve("app/dir")), "a whited-out directory goes with its contents");
        assertFalse(Files.exists(rootfs.resolve("app/link"), LinkOption.NOFOLLOW_LINKS), "the link, not its target");
        assertFalse(Files.exists(rootfs.resolve("app/.wh.gone")), "whiteouts are markers, not files");
        assertEquals(List.of("new"), list(rootfs.resolve("cache")),
                "an opaque directory keeps only what its own layer puts in it, wherever the marker stands");
    }

    @Test
    void aFileThatReplacesADirectoryReplacesIt() throws IOException {
        Path rootfs = dir.resolve("rootfs");
        ImageRootfs.unpack(image(CONFIG, new Layer().file("x/inner", "i"), new Layer().file("x", "file now")), rootfs);
        assertEquals("file now", Files.readString(rootfs.resolve("x")));
    }

    @Test
    void entriesCannotLeaveTheRootFilesystem() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path rootfs = dir.resolve("rootfs");
        assertThrows(IOException.class, () -> ImageRootfs.unpack(image(CONFIG, new Layer().file("../escaped", "x")), rootfs));
        assertThrows(IOException.class, () -> ImageRootfs.unpack(image(CONFIG,
                new Layer().symlink("evil", outside.toString()), new Layer().file("evil/escaped", "x")), rootfs));
        assertEquals(List.of(), list(outside));
    }

    @Test
    void theUserBecomesNumbersFromTheImagesOwnAccounts() throws IOException {
        Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\nhg:x:185:186::/home/hg:/usr/sbin/nologin\n");
        Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\nhg:x:186:\n");

        assertEquals("185:186", ImageRootfs.numericUser("185", rootfs), "a uid takes its account's group");
        assertEquals("185:186", ImageRootfs.numericUser("hg", rootfs));
        assertEquals("185:0", ImageRootfs.numericUser("hg:root", rootfs));
        assertEquals("1000:0", ImageRootfs.numericUser("1000", rootfs), "an unknown uid gets group 0");
        assertEquals("1000:1000", ImageRootfs.numericUser("1000:1000", rootfs));
        assertThrows(IOException.class, () -> ImageRootfs.numericUser("nobody", rootfs));
    }

    private static List<String> list(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

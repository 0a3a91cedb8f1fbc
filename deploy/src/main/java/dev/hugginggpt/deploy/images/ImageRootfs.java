package dev.hugginggpt.deploy.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks an image tarball (docker-archive, as Jib's TarImage and `docker save` write it) into a root
 * filesystem directory, layer by layer as a container runtime does, so that the image can run without
 * one (deploy/images/run.sh):
 * <pre>
 *   ImageRootfs IMAGE_TAR DIR     writes DIR/rootfs, DIR/run.args (enter.sh options: user, working
 *                                 directory, environment) and DIR/command (one argument a line)
 * </pre>
 * Whiteouts follow the OCI layer specification: ".wh.NAME" deletes NAME of the layers below, and
 * ".wh..wh..opq" empties its directory of what the layers below put there.
 */
public final class ImageRootfs {

    /** What a runtime needs from an image's configuration to start it. */
    public record RunConfig(List<String> entrypoint, List<String> cmd, List<String> env, String user, String workingDir) {
        public List<String> command() {
            List<String> command = new ArrayList<>(entrypoint);
            command.addAll(cmd);
            return command;
        }
    }

    static final String WHITEOUT = ".wh.";
    static final String OPAQUE_WHITEOUT = ".wh..wh..opq";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Path realRoot;
    /** Only root may give files away; anyone else unpacks them as their own. */
    private final boolean keepOwners;

    ImageRootfs(Path root, boolean keepOwners) throws IOException {
        Files.createDirectories(root);
        this.root = root;
        this.realRoot = root.toRealPath();
        this.keepOwners = keepOwners;
    }

    /** Unpacks every layer of the image, in order, into rootfs; returns the image's run configuration. */
    public static RunConfig unpack(Path imageTar, Path rootfs) throws IOException {
        Path blobs = Files.createTempDirectory("image-");
        try {
            extractPlain(imageTar, blobs);
            JsonNode manifest = JSON.readTree(blobs.resolve("manifest.json").toFile()).get(0);
            ImageRootfs unpacker = new ImageRootfs(rootfs, runningAsRoot());
            for (JsonNode layer : manifest.get("Layers")) {
                unpacker.applyLayer(blobs.resolve(layer.asText()));
            }
            return runConfig(JSON.readTree(blobs.resolve(manifest.get("Config").asText()).toFile()));
        } finally {
            deleteRecursively(blobs);
        }
    }

    static RunConfig runConfig(JsonNode image) {
        JsonNode config = image.path("config");
        String user = config.path("User").asText("");
        String workingDir = config.path("WorkingDir").asText("");
        return new RunConfig(strings(config.path("Entrypoint")), strings(config.path("Cmd")), strings(config.path("Env")),
                user.isEmpty() ? "0" : user, workingDir.isEmpty() ? "/" : workingDir);
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(s -> strings.add(s.asText()));
        return strings;
    }

    /** Applies one layer: first its whiteouts, which act on the layers below only, then its files. */
    void applyLayer(Path layer) throws IOException {
        try (TarArchiveInputStream tar = open(layer)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path path = inside(entry.getName());
                String name = path.getFileName() == null ? "" : path.getFileName().toString();
                if (name.equals(OPAQUE_WHITEOUT)) {
                    emptyDirectory(path.getParent());
                } else if (name.startsWith(WHITEOUT)) {
                    deleteRecursively(path.resolveSibling(name.substring(WHITEOUT.length())));
                }
            }
        }
        try (TarArchiveInputStream tar = open(layer)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path path = inside(entry.getName());
                if (path.equals(root) || path.getFileName().toString().startsWith(WHITEOUT)) {
                    continue;
                }
                extract(entry, tar, path);
            }
        }
    }

    private void extract(TarArchiveEntry entry, InputStream content, Path path) throws IOException {
        boolean isDirectory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        if (entry.isDirectory()) {
            if (!isDirectory) {
                deleteRecursively(path);
                Files.createDirectories(path);
            }
        } else {
            deleteRecursively(path);
            Files.createDirectories(path.getParent());
            if (entry.isSymbolicLink()) {
                Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            } else if (entry.isLink()) {
                Files.createLink(path, inside(entry.getLinkName()));
                return; // a hard link shares its target's owner, mode and time
            } else if (entry.isFile()) {
                Files.copy(content, path, StandardCopyOption.REPLACE_EXISTING);
            } else {
                return; // devices and pipes: the runtime provides /dev
            }
        }
        if (keepOwners) {
            Files.setAttribute(path, "unix:uid", (int) entry.getLongUserId(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", (int) entry.getLongGroupId(), LinkOption.NOFOLLOW_LINKS);
        }
        if (!entry.isSymbolicLink()) {
            Files.setAttribute(path, "unix:mode", entry.getMode() & 07777); // after chown, which clears setuid
            Files.setLastModifiedTime(path, FileTime.from(entry.getLastModifiedDate().toInstant()));
        }
    }

    /**
     * The path of a layer entry inside the root filesystem. An entry may not climb out with "..", nor
     * through a symbolic link that points outside, since this runs on the host, not in a chroot.
     */
    Path inside(String entryName) throws IOException {
        Path relative = Path.of(entryName.startsWith("/") ? entryName.substring(1) : entryName).normalize();
        if (relative.startsWith("..")) {
            throw new IOException("layer entry " + entryName + " leads out of the root filesystem");
        }
        Path path = root.resolve(relative);
        Path existing = path.getParent() == null ? root : path.getParent();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!existing.toRealPath().startsWith(realRoot)) {
            throw new IOException("layer entry " + entryName + " leads out of the root filesystem through a link");
        }
        return path;
    }

    private static TarArchiveInputStream open(Path tar) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(tar), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return new TarArchiveInputStream(gzip ? new GZIPInputStream(in, 1 << 16) : in);
    }

    /** The image tarball itself holds only plain files: manifest, configuration, layers. */
    private static void extractPlain(Path tarFile, Path dir) throws IOException {
        try (TarArchiveInputStream tar = open(tarFile)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path path = dir.resolve(entry.getName()).normalize();
                if (!path.startsWith(dir)) {
                    throw new IOException("image entry " + entry.getName() + " leads out of " + dir);
                }
                if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                }
            }
        }
    }

    private static void emptyDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
                for (Path child : children) {
                    deleteRecursively(child);
                }
            }
        }
    }

    /** Deletes a file, a link (not what it points to) or a directory tree; nothing if absent. */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * The image's user (NAME, UID, NAME:GROUP or UID:GID) as UID:GID, names looked up in the image's own
     * /etc/passwd and /etc/group; without a group, the user's primary group, as container runtimes do.
     */
    static String numericUser(String user, Path rootfs) throws IOException {
        String[] parts = user.split(":", 2);
        String[] account = find(rootfs.resolve("etc/passwd"), parts[0]);
        String uid = account != null ? account[2] : parts[0];
        String gid;
        if (parts.length == 2) {
            String[] group = find(rootfs.resolve("etc/group"), parts[1]);
            gid = group != null ? group[2] : parts[1];
        } else {
            gid = account != null ? account[3] : "0";
        }
        if (!uid.matches("\\d+") || !gid.matches("\\d+")) {
            throw new IOException("user " + user + " is not in the image's /etc/passwd or /etc/group");
        }
        return uid + ":" + gid;
    }

    /** The line of an /etc/passwd or /etc/group file whose name, or else whose number, is key. */
    private static String[] find(Path file, String key) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        List<String[]> entries = Files.readAllLines(file).stream().map(line -> line.split(":", -1))
                .filter(fields -> fields.length >= 4).toList();
        return entries.stream().filter(f -> f[0].equals(key)).findFirst()
                .or(() -> entries.stream().filter(f -> f[2].equals(key)).findFirst()).orElse(null);
    }

    private static boolean runningAsRoot() throws IOException {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ImageRootfs IMAGE_TAR DIR");
        }
        Path dir = Path.of(args[1]);
        Path rootfs = dir.resolve("rootfs");
        deleteRecursively(rootfs);
        long started = System.nanoTime();
        RunConfig config = unpack(Path.of(args[0]), rootfs);
        List<String> runArgs = new ArrayList<>(List.of(
                "--user", numericUser(config.user(), rootfs), "--workdir", config.workingDir()));
        config.env().forEach(variable -> runArgs.addAll(List.of("--env", variable)));
        Files.write(dir.resolve("run.args"), runArgs);
        Files.write(dir.resolve("command"), config.command());
        System.out.printf("%s unpacked into %s in %.1f s%n", args[0], rootfs, (System.nanoTime() - started) / 1e9);
    }
}

package dev.hugginggpt.protocol.resources;

import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.ResourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The resource store on a directory (a local folder, or a volume shared by all pods). Ids are
 * generated here and checked against a strict pattern, so an argument can never name a path outside it.
 */
public final class ResourceStore {
    private static final Pattern ID = Pattern.compile("r-[0-9a-f]{20}\\.[a-z0-9]{2,5}");
    private static final Pattern WRITTEN_ID = Pattern.compile("(?<![\\w.-])" + ID.pattern() + "(?![\\w])");
    private final Path root;

    public ResourceStore(Path root) {
        this.root = root.toAbsolutePath();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create resource store " + root, e);
        }
    }

    public static boolean isResourceId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** The resource ids written in a text ("transcribe r-5f0c2b7a9d0e1f2a3b4c.wav"), in order, each once. */
    public static List<String> idsIn(String text) {
        if (text == null) {
            return List.of();
        }
        return WRITTEN_ID.matcher(text).results().map(MatchResult::group).distinct().toList();
    }

    public Path root() {
        return root;
    }

    public ResourceRef save(InputStream content, String name, String contentType) throws IOException {
        String ext = extensionFor(name, contentType);
        String id = "r-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20) + "." + ext;
        Path target = root.resolve(id);
        Path partial = root.resolve(id + ".part");
        Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        String type = contentType != null && !contentType.isBlank() && !contentType.startsWith("application/octet")
                ? contentType : MediaKind.contentTypeOfFileName(id).orElse("application/octet-stream");
        ResourceRef ref = new ResourceRef(id, name == null || name.isBlank() ? id : Path.of(name).getFileName().toString(),
                type, Files.size(target));
        Json.MAPPER.writeValue(root.resolve(id + ".json").toFile(), ref);
        return ref;
    }

    public ResourceRef save(Path file, String name, String contentType) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return save(in, name, contentType);
        }
    }

    public Optional<ResourceRef> describe(String id) {
        if (!isResourceId(id)) {
            return Optional.empty();
        }
        Path meta = root.resolve(id + ".json");
        if (!Files.exists(meta)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(meta.toFile(), ResourceRef.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Optional<Path> path(String id) {
        if (!isResourceId(id)) {
            return Optional.empty();
        }
        Path file = root.resolve(id);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static String extensionFor(String name, String contentType) {
        if (name != null) {
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (ext.matches("[a-z0-9]{2,5}")) {
                return ext;
            }
        }
        return MediaKind.extensionOfContentType(contentType)
                .orElse(contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/") ? "txt" : "bin");
    }
}

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource store on a directory (a local folder, or a volume shared by all pods). Ids are
 * generated here and checked against a strict pattern, so an argument can never name a path outside it.
 */
public final class ResourceStore {
    private static final Pattern ID = Pattern.compile("r-[0-9a-f]{20}\\.[a-z0-9]{2,5}");
    private static final Pattern WRITTEN_ID = Pattern.compile("(?<![\\w.-])" + ID.pattern() + "(?![\\w])");
    private static final String TOKEN = "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}";
    private static final Pattern CONTENT_TYPE = Pattern.compile("(" + TOKEN + "/" + TOKEN + ")(?:\\s*;\\s*charset=\"?([A-Za-z0-9_.:-]{1,40})\"?)?");
    static final int MAX_NAME_CHARS = 200;
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

    /**
     * Stores the bytes under a new id. The name is kept as a display name only, without its folders or control
     * characters; a content type that is not a plain {@code type/subtype} is replaced by the one of the extension. On
     * any failure nothing is left behind.
     */
    public ResourceRef save(InputStream content, String name, String contentType) throws IOException {
        String displayName = safeName(name);
        String declared = safeContentType(contentType);
        String ext = extensionFor(displayName, declared);
        String id = "r-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20) + "." + ext;
        String type = declared != null && !declared.startsWith("application/octet")
                ? declared : MediaKind.contentTypeOfFileName(id).orElse("application/octet-stream");
        Path target = root.resolve(id);
        Path partial = root.resolve(id + ".part");
        try {
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            ResourceRef ref = new ResourceRef(id, displayName.isEmpty() ? id : displayName, type, Files.size(target));
            Json.MAPPER.writeValue(root.resolve(id + ".json").toFile(), ref);
            return ref;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(partial);
                delete(id);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
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
            ResourceRef ref = Json.MAPPER.readValue(meta.toFile(), ResourceRef.class);
            String name = safeName(ref.name());
            String type = safeContentType(ref.contentType());
            return Optional.of(new ResourceRef(ref.id(), name.isEmpty() ? ref.id() : name,
                    type == null ? "application/octet-stream" : type, ref.size()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Removes a resource and its description, if there are any. */
    public void delete(String id) throws IOException {
        if (isResourceId(id)) {
            Files.deleteIfExists(root.resolve(id + ".json"));
            Files.deleteIfExists(root.resolve(id));
        }
    }

    /**
     * A file name as it may be shown and sent in a header: the last segment of a path, without control, format or
     * line separator characters (CR, LF, NUL, bidi overrides), at most {@value #MAX_NAME_CHARS} characters; empty
     * when nothing is left.
     */
    public static String safeName(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(Math.min(name.length(), MAX_NAME_CHARS));
        name.codePoints().filter(ResourceStore::isShown).forEach(kept::appendCodePoint);
        String last = kept.substring(Math.max(kept.lastIndexOf("/"), kept.lastIndexOf("\\")) + 1).strip();
        if (last.equals(".") || last.equals("..")) {
            return "";
        }
        if (last.codePointCount(0, last.length()) <= MAX_NAME_CHARS) {
            return last;
        }
        int dot = last.lastIndexOf('.');
        String ext = dot > 0 && last.length() - dot <= 10 ? last.substring(dot) : "";
        return last.substring(0, last.offsetByCodePoints(0, MAX_NAME_CHARS - ext.length())) + ext;
    }

    /**
     * A content type as it may be sent in a header: {@code type/subtype} in lower case, with a {@code charset} parameter
     * if it had one; null for anything else (parameters of other kinds, spaces, control characters).
     */
    public static String safeContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher type = CONTENT_TYPE.matcher(contentType.strip());
        if (!type.matches()) {
            return null;
        }
        String plain = type.group(1).toLowerCase(Locale.ROOT);
        return type.group(2) == null ? plain : plain + "; charset=" + type.group(2).toLowerCase(Locale.ROOT);
    }

    private static boolean isShown(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> false;
            default -> true;
        };
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

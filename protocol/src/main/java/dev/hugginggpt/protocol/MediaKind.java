package dev.hugginggpt.protocol;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The argument kinds of the task vocabulary: text, image, audio, video. */
public enum MediaKind {
    TEXT, IMAGE, AUDIO, VIDEO;

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("bmp", "image/bmp"), Map.entry("webp", "image/webp"),
            Map.entry("tif", "image/tiff"), Map.entry("tiff", "image/tiff"),
            Map.entry("wav", "audio/wav"), Map.entry("flac", "audio/flac"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"), Map.entry("avi", "video/x-msvideo"),
            Map.entry("mov", "video/quicktime"), Map.entry("mkv", "video/x-matroska"),
            Map.entry("txt", "text/plain"), Map.entry("json", "application/json"), Map.entry("md", "text/markdown"),
            Map.entry("csv", "text/csv"), Map.entry("html", "text/html"), Map.entry("pdf", "application/pdf"));
    /** Documents whose text the text tasks read (summarization, translation, QA context, ...): their kind is TEXT. */
    private static final java.util.Set<String> TEXT_DOCUMENTS = java.util.Set.of("text/plain", "text/markdown", "text/csv",
            "application/json", "text/html", "application/pdf");
    /** The shortest extension of each content type above ("jpg", not "jpeg"). */
    private static final Map<String, String> EXTENSIONS = CONTENT_TYPES.entrySet().stream().collect(Collectors.toMap(
            Map.Entry::getValue, Map.Entry::getKey, (a, b) -> a.length() <= b.length() ? a : b));
    /** Other names clients give the same types. */
    private static final Map<String, String> ALIASES = Map.of("image/pjpeg", "image/jpeg", "image/jpg", "image/jpeg",
            "audio/mp3", "audio/mpeg", "audio/x-wav", "audio/wav", "audio/wave", "audio/wav", "audio/vnd.wave", "audio/wav",
            "audio/x-flac", "audio/flac");

    public String argKey() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MediaKind> ofArgKey(String key) {
        for (MediaKind kind : values()) {
            if (kind.argKey().equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public static MediaKind ofContentType(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("image/")) {
            return IMAGE;
        }
        if (type.startsWith("audio/")) {
            return AUDIO;
        }
        if (type.startsWith("video/")) {
            return VIDEO;
        }
        return TEXT;
    }

    /** MIME type for a file name by its extension, if the extension is one we handle. */
    public static Optional<String> contentTypeOfFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(CONTENT_TYPES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /**
     * The extension a file of this content type is stored under ("image/jpeg" → "jpg", "audio/x-wav" → "wav"), if it
     * is a type we handle; parameters ("; charset=utf-8") are ignored.
     */
    public static Optional<String> extensionOfContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
        return Optional.ofNullable(EXTENSIONS.get(ALIASES.getOrDefault(type, type)));
    }

    /** Whether a file of this content type is a text document (plain text, Markdown, CSV, JSON, HTML, PDF). */
    public static boolean isTextDocument(String contentType) {
        return contentType != null && TEXT_DOCUMENTS.contains(contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip());
    }

    public static Optional<MediaKind> ofFileName(String fileName) {
        return contentTypeOfFileName(fileName).map(MediaKind::ofContentType)
                .filter(kind -> kind != TEXT);
    }
}

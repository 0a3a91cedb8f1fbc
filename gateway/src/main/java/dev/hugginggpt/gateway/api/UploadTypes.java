package dev.hugginggpt.gateway.api;

import dev.hugginggpt.protocol.MediaKind;

/** Which files the API takes in: images, audio and video (and plain text), by name first, then by declared type. */
final class UploadTypes {
    private UploadTypes() {
    }

    /** The content type the file is stored with; 415 for a file no task takes. */
    static String accepted(String name, String declaredType) {
        String type = MediaKind.contentTypeOfFileName(name).orElse(declaredType);
        if (type == null || MediaKind.ofContentType(type) == MediaKind.TEXT && !type.startsWith("text/")) {
            throw ProblemException.unsupportedType("unsupported file type '" + declaredType + "' for " + name
                    + "; images (png, jpg, ...), audio (wav, flac, mp3, ...) and video (mp4, webm, ...) are accepted");
        }
        return type;
    }
}

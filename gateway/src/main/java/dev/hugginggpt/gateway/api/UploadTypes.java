package dev.hugginggpt.gateway.api;

import dev.hugginggpt.gateway.problem.ProblemException;
import dev.hugginggpt.protocol.MediaKind;
import java.util.Optional;

/**
 * Which files the API takes in: images, audio and video of the types the tasks know, and text documents (plain text,
 * Markdown, CSV, JSON, HTML, PDF: their text is what text tasks read), by the name's
 * extension first, then by the declared type. A file is stored with one of those types, never with the type the client
 * wrote (which may hold anything, line breaks and all).
 */
final class UploadTypes {
    private UploadTypes() {
    }

    /** The content type the file is stored with; 415 for a file no task takes. */
    static String accepted(String name, String declaredType) {
        Optional<String> type = (name == null ? Optional.<String>empty() : MediaKind.contentTypeOfFileName(name))
                .or(() -> MediaKind.extensionOfContentType(declaredType).flatMap(ext -> MediaKind.contentTypeOfFileName("f." + ext)))
                .filter(t -> MediaKind.ofContentType(t) != MediaKind.TEXT || MediaKind.isTextDocument(t));
        return type.orElseThrow(() -> ProblemException.unsupportedType("unsupported file type "
                + (declaredType == null ? "(none given)" : "'" + declaredType + "'") + " for " + name
                + "; images (png, jpg, gif, bmp, webp, tiff), audio (wav, flac, mp3, ogg), video (mp4, webm, avi, mov, mkv)"
                + " and text documents (txt, md, csv, json, html, pdf) are accepted"));
    }
}

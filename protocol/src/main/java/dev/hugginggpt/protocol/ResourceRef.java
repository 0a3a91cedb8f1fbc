package dev.hugginggpt.protocol;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A file in the resource store. Files never travel inside messages; references do.")
public record ResourceRef(
        @Schema(description = "Resource id; its extension tells the media kind.", examples = "r-5f0c2b7a9d.wav") String id,
        @Schema(description = "The file name given at upload, or the producing task.", examples = "hello.wav") String name,
        @Schema(description = "MIME type.", examples = "audio/wav") String contentType,
        @Schema(description = "Size in bytes.") long size) {

    public MediaKind kind() {
        return MediaKind.ofContentType(contentType);
    }
}

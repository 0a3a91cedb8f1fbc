package dev.hugginggpt.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaKindTest {
    @Test
    void aContentTypeGivesTheExtensionItsFileIsStoredUnder() {
        assertEquals(Optional.of("jpg"), MediaKind.extensionOfContentType("image/jpeg"));
        assertEquals(Optional.of("jpg"), MediaKind.extensionOfContentType("image/pjpeg"));
        assertEquals(Optional.of("tif"), MediaKind.extensionOfContentType("image/tiff"));
        assertEquals(Optional.of("webp"), MediaKind.extensionOfContentType("IMAGE/WEBP"));
        assertEquals(Optional.of("wav"), MediaKind.extensionOfContentType("audio/x-wav"));
        assertEquals(Optional.of("mp3"), MediaKind.extensionOfContentType("audio/mpeg"));
        assertEquals(Optional.of("ogg"), MediaKind.extensionOfContentType("audio/ogg"));
        assertEquals(Optional.of("mov"), MediaKind.extensionOfContentType("video/quicktime"));
        assertEquals(Optional.of("txt"), MediaKind.extensionOfContentType("text/plain; charset=utf-8"));
        assertEquals(Optional.empty(), MediaKind.extensionOfContentType("application/x-msdownload"));
        assertEquals(Optional.of("pdf"), MediaKind.extensionOfContentType("application/pdf"));
        assertEquals(Optional.empty(), MediaKind.extensionOfContentType(null));
    }

    @Test
    void everyExtensionOfAContentTypeNamesThatTypeBack() {
        for (String type : new String[] {"image/png", "image/jpeg", "audio/wav", "audio/flac", "video/mp4", "video/webm"}) {
            String extension = MediaKind.extensionOfContentType(type).orElseThrow();
            assertEquals(Optional.of(type), MediaKind.contentTypeOfFileName("f." + extension), type);
        }
    }
}

package dev.hugginggpt.gateway.api;

import dev.hugginggpt.protocol.MediaKind;
import java.nio.charset.StandardCharsets;

/**
 * How a stored file is sent back. A browser opening it directly must not run it: no sniffing, no scripts, no requests
 * (a sandboxed, empty policy), and anything but an image, audio, video or plain text of the known types is a download.
 * The name goes both as an ASCII fallback and as UTF-8 (RFC 6266, RFC 5987), so "고양이.png" comes back as it was.
 */
final class Downloads {
    static final String POLICY = "default-src 'none'; sandbox";

    private Downloads() {
    }

    static String disposition(String contentType, String name) {
        return (isShownInPlace(contentType) ? "inline" : "attachment") + "; filename=\"" + asciiFallback(name)
                + "\"; filename*=UTF-8''" + percentEncoded(name);
    }

    /** Media the browser only displays: the known image, audio and video types, and plain text. */
    static boolean isShownInPlace(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip();
        return MediaKind.extensionOfContentType(type).flatMap(ext -> MediaKind.contentTypeOfFileName("f." + ext))
                .filter(known -> known.equals(type) && (MediaKind.ofContentType(known) != MediaKind.TEXT || known.equals("text/plain")))
                .isPresent();
    }

    private static String asciiFallback(String name) {
        StringBuilder ascii = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        return ascii.toString();
    }

    /** RFC 5987 attr-char kept, every other byte of the UTF-8 form as %XX. */
    private static String percentEncoded(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }
}

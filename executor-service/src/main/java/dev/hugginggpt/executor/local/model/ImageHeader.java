package dev.hugginggpt.executor.local.model;

import dev.hugginggpt.executor.backend.InputRejected;
import dev.hugginggpt.executor.backend.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An image's size as its file's header states it, read without decoding a pixel: Java's image readers for PNG, JPEG,
 * GIF, BMP and TIFF (every page of a TIFF counts, as Tesseract reads them all), and the RIFF header for WebP. Any other
 * format is refused: a decoder this class cannot ask first could be handed a bomb.
 */
record ImageHeader(String format, int width, int height, int pages, long pixels) {
    static final String FORMATS = "PNG, JPEG, GIF, BMP, TIFF or WebP";
    private static final int MAX_PAGES = 100;

    static ImageHeader read(Path file) throws ModelException {
        try {
            ImageHeader webp = webp(file);
            return webp != null ? webp : withImageIo(file);
        } catch (IOException | RuntimeException e) {
            throw new InputRejected("the image could not be read (" + Objects.requireNonNullElse(e.getMessage(), e.toString())
                    + "); " + FORMATS + " are accepted");
        }
    }

    private static ImageHeader withImageIo(Path file) throws IOException, ModelException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new InputRejected("the file is not an image this executor reads; " + FORMATS + " are accepted");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                String[] types = reader.getOriginatingProvider().getMIMETypes();
                String format = (types == null || types.length == 0 ? reader.getFormatName()
                        : types[0].substring(types[0].indexOf('/') + 1)).toUpperCase(Locale.ROOT);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                long pixels = (long) width * height;
                int pages = 1;
                if (format.equals("TIFF")) {
                    for (; pages <= MAX_PAGES && hasPage(reader, pages); pages++) {
                        pixels += (long) reader.getWidth(pages) * reader.getHeight(pages);
                    }
                    if (pages > MAX_PAGES) {
                        throw new InputRejected("the TIFF has more than " + MAX_PAGES + " pages; at most " + MAX_PAGES
                                + " are accepted");
                    }
                }
                return new ImageHeader(format, width, height, pages, pixels);
            } finally {
                reader.dispose();
            }
        }
    }

    private static boolean hasPage(ImageReader reader, int index) throws IOException {
        try {
            reader.getWidth(index);
            return true;
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    /** WebP: "RIFF" size "WEBP", then a VP8 (lossy), VP8L (lossless) or VP8X (extended, canvas size) chunk. */
    private static ImageHeader webp(Path file) throws IOException, ModelException {
        byte[] h;
        try (InputStream in = Files.newInputStream(file)) {
            h = in.readNBytes(30);
        }
        if (h.length < 16 || !ascii(h, 0, "RIFF") || !ascii(h, 8, "WEBP")) {
            return null;
        }
        long width;
        long height;
        if (h.length >= 30 && ascii(h, 12, "VP8 ")) {
            width = u16(h, 26) & 0x3FFF;
            height = u16(h, 28) & 0x3FFF;
        } else if (h.length >= 25 && ascii(h, 12, "VP8L")) {
            long bits = u16(h, 21) | (long) u16(h, 23) << 16;
            width = (bits & 0x3FFF) + 1;
            height = (bits >> 14 & 0x3FFF) + 1;
        } else if (h.length >= 30 && ascii(h, 12, "VP8X")) {
            width = (u16(h, 24) | (h[26] & 0xFF) << 16) + 1L;
            height = (u16(h, 27) | (h[29] & 0xFF) << 16) + 1L;
        } else {
            throw new InputRejected("the WebP image's header could not be read");
        }
        return new ImageHeader("WEBP", (int) width, (int) height, 1, width * height);
    }

    private static boolean ascii(byte[] bytes, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (bytes[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
    }
}

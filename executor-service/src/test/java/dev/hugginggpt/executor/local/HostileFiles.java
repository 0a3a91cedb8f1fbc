package dev.hugginggpt.executor.local;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Small files that claim, or unpack into, far more than their size. */
public final class HostileFiles {
    private HostileFiles() {
    }

    /**
     * A real PNG of side × side black 8-bit grey pixels: every row is a filter byte and zeros, deflated at the best
     * ratio, so 20000 × 20000 (400 MB of pixels) is a file of about 400 KB.
     */
    public static byte[] pngBomb(int side) {
        try {
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            try (OutputStream zipped = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
                byte[] row = new byte[side + 1];
                for (int y = 0; y < side; y++) {
                    zipped.write(row);
                }
            } finally {
                deflater.end();
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(side);
            h.writeInt(side);
            h.write(new byte[] {8, 0, 0, 0, 0}); // 8 bits, greyscale, deflate, adaptive filters, not interlaced
            chunk(png, "IHDR", header.toByteArray());
            chunk(png, "IDAT", idat.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first bytes of an extended WebP (VP8X) whose canvas is width × height; the header is all a size reader needs. */
    public static byte[] webpHeader(int width, int height) {
        byte[] h = new byte[30];
        put(h, 0, "RIFF");
        h[4] = 22;
        put(h, 8, "WEBPVP8X");
        h[16] = 10;
        for (int i = 0; i < 3; i++) {
            h[24 + i] = (byte) ((width - 1) >> (8 * i));
            h[27 + i] = (byte) ((height - 1) >> (8 * i));
        }
        return h;
    }

    private static void put(byte[] bytes, int at, String ascii) {
        System.arraycopy(ascii.getBytes(StandardCharsets.US_ASCII), 0, bytes, at, ascii.length());
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        out.writeInt(data.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}

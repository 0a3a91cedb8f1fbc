package dev.hugginggpt.executor.bench;

import dev.hugginggpt.protocol.MediaKind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/** The smallest valid file of each media kind, for the stand-ins whose task produces a file. */
record Placeholder(byte[] bytes, String extension, String contentType) {
    /** A 1x1 transparent PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    static Placeholder of(MediaKind kind) {
        return switch (kind) {
            case IMAGE -> new Placeholder(PNG.clone(), "png", "image/png");
            case AUDIO -> new Placeholder(silentWav(), "wav", "audio/wav");
            case VIDEO -> new Placeholder(new byte[0], "mp4", "video/mp4");
            case TEXT -> new Placeholder(new byte[0], "txt", "text/plain");
        };
    }

    /** A WAV header with no samples: 16 kHz, mono, 16 bit. */
    static byte[] silentWav() {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(16000).putInt(32000)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(0);
        return b.array();
    }
}

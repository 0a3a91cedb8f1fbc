package dev.hugginggpt.executor.local.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes new FlatBuffers objects in front of an existing buffer, which stays byte for byte as it was. FlatBuffers
 * offsets only point forward and are relative, so the new objects can point at any old one, and every old offset
 * stays valid. Like FlatBuffers' own builder it grows towards the front: objects are named by their distance from
 * the end ("ref"), and a new object may only point at objects written before it.
 */
final class FlatPrepender {
    private static final int MAX_ALIGN = 16;
    private byte[] bytes;
    private int head;
    private final int oldLength;
    private int tableEnd;
    private int[] fields = new int[0];

    /** Starts from {@code old}, padded at its end so that its alignment is kept. */
    FlatPrepender(byte[] old) {
        oldLength = (old.length + MAX_ALIGN - 1) / MAX_ALIGN * MAX_ALIGN;
        bytes = new byte[oldLength * 2 + 1024];
        head = bytes.length - oldLength;
        System.arraycopy(old, 0, bytes, head, old.length);
    }

    /** The ref of the old object at absolute position {@code position}. */
    int old(int position) {
        return oldLength - position;
    }

    private int size() {
        return bytes.length - head;
    }

    private void room(int n) {
        if (head < n) {
            int used = size();
            byte[] bigger = new byte[(bytes.length + n) * 2];
            System.arraycopy(bytes, head, bigger, bigger.length - used, used);
            head = bigger.length - used;
            bytes = bigger;
        }
    }

    /** Pads so that, after {@code following} more bytes, the size is a multiple of {@code align}. */
    private void align(int align, int following) {
        int pad = Math.floorMod(-(size() + following), align);
        room(pad);
        head -= pad;
    }

    private void putInt(int value) {
        room(4);
        head -= 4;
        bytes[head] = (byte) value;
        bytes[head + 1] = (byte) (value >> 8);
        bytes[head + 2] = (byte) (value >> 16);
        bytes[head + 3] = (byte) (value >> 24);
    }

    private void putShort(int value) {
        room(2);
        head -= 2;
        bytes[head] = (byte) value;
        bytes[head + 1] = (byte) (value >> 8);
    }

    private void putByte(int value) {
        room(1);
        bytes[--head] = (byte) value;
    }

    private void putOffset(int ref) {
        align(4, 0);
        putInt(size() + 4 - ref);
    }

    int ints(int... values) {
        align(4, 4 * values.length + 4);
        for (int k = values.length - 1; k >= 0; k--) {
            putInt(values[k]);
        }
        putInt(values.length);
        return size();
    }

    /** A byte vector whose data starts at a multiple of {@code align} (TFLite buffers want 16). */
    int bytes(byte[] values, int align) {
        align(Math.max(4, align), values.length);
        room(values.length);
        head -= values.length;
        System.arraycopy(values, 0, bytes, head, values.length);
        putInt(values.length);
        return size();
    }

    int string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        align(4, utf8.length + 1 + 4);
        putByte(0);
        room(utf8.length);
        head -= utf8.length;
        System.arraycopy(utf8, 0, bytes, head, utf8.length);
        putInt(utf8.length);
        return size();
    }

    int offsets(int... refs) {
        align(4, 4 * refs.length + 4);
        for (int k = refs.length - 1; k >= 0; k--) {
            putOffset(refs[k]);
        }
        putInt(refs.length);
        return size();
    }

    void startTable(int fieldCount) {
        fields = new int[fieldCount];
        tableEnd = size();
    }

    void intField(int index, int value) {
        align(4, 4);
        putInt(value);
        fields[index] = size();
    }

    void byteField(int index, int value) {
        putByte(value);
        fields[index] = size();
    }

    void offsetField(int index, int ref) {
        putOffset(ref);
        fields[index] = size();
    }

    /** Closes the table with its vtable just in front of it; returns the table's ref. */
    int endTable() {
        align(4, 4);
        putInt(0);
        int table = size();
        int used = fields.length;
        while (used > 0 && fields[used - 1] == 0) {
            used--;
        }
        for (int k = used - 1; k >= 0; k--) {
            putShort(fields[k] == 0 ? 0 : table - fields[k]);
        }
        putShort(table - tableEnd);
        putShort(4 + 2 * used);
        int vtable = size();
        int at = bytes.length - table;
        int soffset = vtable - table;
        bytes[at] = (byte) soffset;
        bytes[at + 1] = (byte) (soffset >> 8);
        bytes[at + 2] = (byte) (soffset >> 16);
        bytes[at + 3] = (byte) (soffset >> 24);
        return table;
    }

    /** The finished buffer with {@code root} as its root table and the 4-letter file identifier. */
    byte[] finish(int root, String identifier) {
        align(MAX_ALIGN, 8);
        byte[] id = identifier.getBytes(StandardCharsets.US_ASCII);
        for (int k = 3; k >= 0; k--) {
            putByte(id[k]);
        }
        putOffset(root);
        return Arrays.copyOfRange(bytes, head, bytes.length);
    }
}

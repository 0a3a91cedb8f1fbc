package dev.hugginggpt.executor.local.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A table of a FlatBuffers buffer, read by field number (the schema's field order), as TensorFlow Lite model files
 * are. Positions are absolute in the buffer; an absent field reads as its default.
 */
record FlatTable(ByteBuffer buffer, int position) {
    static FlatTable root(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return new FlatTable(buffer, buffer.getInt(0));
    }

    /** Absolute position of field {@code index}, or 0 when the table does not have it. */
    int fieldPosition(int index) {
        int vtable = position - buffer.getInt(position);
        int entry = 4 + 2 * index;
        if (entry >= Short.toUnsignedInt(buffer.getShort(vtable))) {
            return 0;
        }
        int offset = Short.toUnsignedInt(buffer.getShort(vtable + entry));
        return offset == 0 ? 0 : position + offset;
    }

    boolean has(int index) {
        return fieldPosition(index) != 0;
    }

    int intField(int index, int fallback) {
        int at = fieldPosition(index);
        return at == 0 ? fallback : buffer.getInt(at);
    }

    int byteField(int index, int fallback) {
        int at = fieldPosition(index);
        return at == 0 ? fallback : buffer.get(at);
    }

    /** Absolute position of what offset field {@code index} points at (a table, vector or string), or 0. */
    int target(int index) {
        int at = fieldPosition(index);
        return at == 0 ? 0 : at + buffer.getInt(at);
    }

    FlatTable table(int index) {
        int at = target(index);
        return at == 0 ? null : new FlatTable(buffer, at);
    }

    String string(int index) {
        int at = target(index);
        if (at == 0) {
            return null;
        }
        byte[] bytes = new byte[buffer.getInt(at)];
        buffer.get(at + 4, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    int vectorLength(int index) {
        int at = target(index);
        return at == 0 ? 0 : buffer.getInt(at);
    }

    /** Absolute position of table element {@code k} of the vector in field {@code index}. */
    int tableElement(int index, int k) {
        int element = target(index) + 4 + 4 * k;
        return element + buffer.getInt(element);
    }

    FlatTable tableAt(int index, int k) {
        return new FlatTable(buffer, tableElement(index, k));
    }

    int[] ints(int index) {
        int length = vectorLength(index);
        int[] values = new int[length];
        int start = target(index) + 4;
        for (int k = 0; k < length; k++) {
            values[k] = buffer.getInt(start + 4 * k);
        }
        return values;
    }

    byte[] bytes(int index) {
        byte[] values = new byte[vectorLength(index)];
        if (values.length > 0) {
            buffer.get(target(index) + 4, values);
        }
        return values;
    }
}

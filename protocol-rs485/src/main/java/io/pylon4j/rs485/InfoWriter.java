package io.pylon4j.rs485;

/** Writes a command's INFO fields in order, big-endian, into a growing array. */
final class InfoWriter {

    private byte[] buffer;
    private int length;

    InfoWriter(int capacity) {
        buffer = new byte[capacity];
    }

    InfoWriter u8(int v) {
        ensure(1);
        buffer[length++] = (byte) v;
        return this;
    }

    /** An unsigned or signed 16-bit value (its low sixteen bits). */
    InfoWriter u16(int v) {
        ensure(2);
        buffer[length++] = (byte) (v >> 8);
        buffer[length++] = (byte) v;
        return this;
    }

    InfoWriter u24(int v) {
        ensure(3);
        buffer[length++] = (byte) (v >> 16);
        buffer[length++] = (byte) (v >> 8);
        buffer[length++] = (byte) v;
        return this;
    }

    InfoWriter u16s(int[] values) {
        for (int v : values) {
            u16(v);
        }
        return this;
    }

    InfoWriter u8s(int[] values) {
        for (int v : values) {
            u8(v);
        }
        return this;
    }

    /** A fixed-width ISO-8859-1 text field, padded with NUL. */
    InfoWriter text(String s, int width) {
        ensure(width);
        for (int i = 0; i < width; i++) {
            buffer[length++] = i < s.length() ? (byte) s.charAt(i) : 0;
        }
        return this;
    }

    byte[] toArray() {
        return java.util.Arrays.copyOf(buffer, length);
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(2 * buffer.length, length + more));
        }
    }
}

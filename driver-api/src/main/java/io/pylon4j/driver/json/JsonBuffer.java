package io.pylon4j.driver.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte buffer under {@link JsonWriter}: what has been written, how it is drained, and the number and literal
 * writers that put bytes straight into it. Apart from the writer's structure (names, commas, depth) so that each
 * class does one thing; one subclass, so the JIT inlines these as if they were the writer's own.
 */
abstract class JsonBuffer {

    byte[] out;
    int length;

    JsonBuffer(int initialBytes) {
        if (initialBytes < 1) {
            throw new IllegalArgumentException("initialBytes must be at least 1: " + initialBytes);
        }
        out = new byte[initialBytes];
    }

    /**
     * Writes what has been written so far to {@code target}, UTF-8, and empties the buffer.
     *
     * @param target where the bytes go
     * @throws IOException as {@code target} throws it
     */
    public void drainTo(OutputStream target) throws IOException {
        target.write(out, 0, length);
        length = 0;
    }

    /**
     * Appends what has been written so far to {@code target} (decoded from UTF-8) and empties the buffer.
     *
     * @param target where the text goes
     * @throws IOException as {@code target} throws it
     */
    public void drainTo(Appendable target) throws IOException {
        target.append(peek());
        length = 0;
    }

    /**
     * The one line written, without its line end, and empties the buffer: for a caller that wants a
     * {@code String} per object (an event's JSON).
     *
     * @return the text written so far, less a final line end
     */
    public String drainLine() {
        int end = length > 0 && out[length - 1] == '\n' ? length - 1 : length;
        String line = new String(out, 0, end, StandardCharsets.UTF_8);
        length = 0;
        return line;
    }

    /**
     * The text written so far, left in the buffer.
     *
     * @return the text, decoded from UTF-8
     */
    public String peek() {
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }

    /**
     * How many bytes are buffered: a mark for {@link JsonWriter#rollbackTo} taken at a line's start, and how full the buffer is.
     *
     * @return the buffered byte count
     */
    public int buffered() {
        return length;
    }

    void scaled(long unscaled, int decimals) {
        checkDecimals(decimals);
        ensure(JsonNumbers.MAX_SCALED_CHARS);
        length = JsonNumbers.writeScaled(out, length, unscaled, decimals);
    }

    /** The check before each scaled number; its message apart, so that C1 inlines the check (15 bytes, not 25). */
    static void checkDecimals(int decimals) {
        if (decimals < 0 || decimals > JsonNumbers.MAX_DECIMALS) {
            throw badDecimals(decimals);
        }
    }

    private static IllegalArgumentException badDecimals(int decimals) {
        return new IllegalArgumentException("decimals must be 0 to " + JsonNumbers.MAX_DECIMALS + ": " + decimals);
    }

    void number(double value) {
        if (!Double.isFinite(value)) {
            put(NULL);
            return;
        }
        ensure(JsonNumbers.MAX_SCALED_CHARS);
        int end = JsonNumbers.writeDouble(out, length, value);
        if (end >= 0) {
            length = end;
        } else {
            put(JsonNumbers.shortestPlain(value).getBytes(StandardCharsets.US_ASCII));
        }
    }

    void put(char ascii) {
        ensure(1);
        out[length++] = (byte) ascii;
    }

    void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, out, length, bytes.length);
        length += bytes.length;
    }

    void ensure(int more) {
        if (out.length - length < more) {
            grow(more);
        }
    }

    /**
     * Apart from {@link #ensure}, which runs several times a member, so that it stays under C1's 35-byte inlining
     * limit ({@code pylon decode} runs C1 only): inlined, the check is a compare instead of a call.
     */
    private void grow(int more) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
    }

    static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    static final byte[] NULL = {'n', 'u', 'l', 'l'};
}

package io.pylon4j.samples.cli;

/**
 * A small, fast writer of one JSON object per line (JSON Lines), for the command line's output contract.
 *
 * <p>It writes into an internal buffer that the caller drains with {@link #drainTo(Appendable)}; numbers with a
 * unit scale are written from their wire integers with {@link #fieldScaled}, exactly and without going through
 * {@code double}, so that {@code 532} deci-volts prints {@code 53.2} and never {@code 53.199999}.
 *
 * <p>Usage: {@code beginObject(); field("bus", "can"); ... endObject();} — {@link #endObject()} at depth zero ends the
 * line. Not thread-safe: one writer per output stream.
 */
public final class JsonWriter {

    private final StringBuilder out = new StringBuilder(1 << 16);
    /** Whether the next member or element at the current depth needs a comma before it. */
    private boolean needComma;
    private int depth;

    /** Starts an object, as a top-level line or as the value of the member just named. */
    public JsonWriter beginObject() {
        separator();
        out.append('{');
        depth++;
        needComma = false;
        return this;
    }

    /** Ends the current object; at depth zero this also ends the line. */
    public JsonWriter endObject() {
        out.append('}');
        depth--;
        needComma = true;
        if (depth == 0) {
            out.append('\n');
            needComma = false;
        }
        return this;
    }

    /** Starts an object-valued member. */
    public JsonWriter beginObject(String name) {
        name(name);
        needComma = false;
        out.append('{');
        depth++;
        return this;
    }

    /** Starts an array-valued member. */
    public JsonWriter beginArray(String name) {
        name(name);
        out.append('[');
        depth++;
        needComma = false;
        return this;
    }

    /** Ends the current array. */
    public JsonWriter endArray() {
        out.append(']');
        depth--;
        needComma = true;
        return this;
    }

    /** A string member. */
    public JsonWriter field(String name, String value) {
        name(name);
        string(value);
        return this;
    }

    /** An integer member. */
    public JsonWriter field(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    /** A boolean member. */
    public JsonWriter field(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    /** A member whose value is JSON {@code null}. */
    public JsonWriter fieldNull(String name) {
        name(name);
        out.append("null");
        return this;
    }

    /**
     * A decimal member given as an integer and a number of decimals: {@code fieldScaled("voltage", 4986, 2)} writes
     * {@code "voltage":49.86}. Trailing zeros are dropped but one decimal is kept, so a scaled value always reads as
     * a JSON number with a fraction ({@code 480.0}).
     */
    public JsonWriter fieldScaled(String name, long unscaled, int decimals) {
        name(name);
        scaled(unscaled, decimals);
        return this;
    }

    /** An array element: a decimal given as an integer and a number of decimals (see {@link #fieldScaled}). */
    public JsonWriter valueScaled(long unscaled, int decimals) {
        separator();
        scaled(unscaled, decimals);
        needComma = true;
        return this;
    }

    /** An array element: an integer. */
    public JsonWriter value(long value) {
        separator();
        out.append(value);
        needComma = true;
        return this;
    }

    /** An array element: a string. */
    public JsonWriter value(String value) {
        separator();
        string(value);
        needComma = true;
        return this;
    }

    /**
     * A whole error line of the decode contract: {@code {"bus":"can","error":"<reason>","input":"<the line>"}}.
     * Any object begun since {@code lineStart} (see {@link #buffered()}) is discarded first.
     */
    public JsonWriter errorLine(int lineStart, String bus, String reason, String input) {
        rollbackTo(lineStart);
        return beginObject().field("bus", bus).field("error", reason == null ? "unknown error" : reason)
                .field("input", input).endObject();
    }

    /** Appends what has been written so far to {@code target} and empties the buffer. */
    public void drainTo(Appendable target) throws java.io.IOException {
        target.append(out);
        out.setLength(0);
    }

    /**
     * Writes what has been written so far to {@code target} as UTF-8 and empties the buffer. For bulk output: the
     * JSON is Latin-1 text almost always, so {@code toString} and {@code getBytes} are two straight array copies,
     * where a {@code Writer} inflates to chars and encodes back through a {@code CharBuffer} (a third of
     * {@code pylon decode}'s time in a profile of a big RS485 log).
     */
    public void drainTo(java.io.OutputStream target) throws java.io.IOException {
        target.write(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.setLength(0);
    }

    /** The characters written so far (for tests). */
    public String peek() {
        return out.toString();
    }

    /** How many characters are buffered. */
    public int buffered() {
        return out.length();
    }

    /** Forgets an object begun but not to be finished (used when a line turns out to be undecodable). */
    public void rollbackTo(int length) {
        out.setLength(length);
        depth = 0;
        needComma = false;
    }

    private void name(String name) {
        separator();
        out.append('"').append(name).append("\":");
        needComma = true;
    }

    private void separator() {
        if (needComma) {
            out.append(',');
        }
    }

    private void scaled(long unscaled, int decimals) {
        if (decimals == 0) {
            out.append(unscaled);
            return;
        }
        long pow = POW10[decimals];
        long magnitude = Math.abs(unscaled);
        if (unscaled < 0) {
            out.append('-');
        }
        out.append(magnitude / pow).append('.');
        long fraction = magnitude % pow;
        int digits = decimals;
        while (digits > 1 && fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        for (long p = POW10[digits - 1]; p > fraction && p > 1; p /= 10) {
            out.append('0');
        }
        out.append(fraction);
    }

    private void string(String value) {
        out.append('"');
        int length = value.length();
        int plain = 0;
        while (plain < length && needsNoEscape(value.charAt(plain))) {
            plain++;
        }
        if (plain == length) { // nearly every value: one bulk copy rather than a check and an append per character
            out.append(value).append('"');
            return;
        }
        out.append(value, 0, plain);
        for (int i = plain; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) { // four lower-case hex digits, as String.format("\\u%04x") wrote them
                        out.append("\\u00").append(HEX_DIGITS.charAt(c >> 4)).append(HEX_DIGITS.charAt(c & 0xF));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean needsNoEscape(char c) {
        return c >= 0x20 && c != '"' && c != '\\' && c != 0x7F;
    }

    private static final String HEX_DIGITS = "0123456789abcdef";

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L};
}

package io.pylon4j.samples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small, fast writer of one JSON object per line (JSON Lines), for the command line's output contract.
 *
 * <p>It writes UTF-8 into an internal byte buffer that the caller drains with {@link #drainTo(OutputStream)} (or
 * {@link #drainTo(Appendable)}); numbers with a unit scale are written from their wire integers with
 * {@link #fieldScaled}, exactly and without going through {@code double}, so that {@code 532} deci-volts prints
 * {@code 53.2} and never {@code 53.199999}.
 *
 * <p>Usage: {@code beginObject(); field("bus", "can"); ... endObject();} — {@link #endObject()} at depth zero ends the
 * line. Not thread-safe: one writer per output stream.
 *
 * <p>Why bytes and not a {@code StringBuilder}: the output is UTF-8 bytes, and the launcher runs C1 only, where a
 * character-by-character {@code StringBuilder} and the copy out through {@code toString().getBytes(UTF_8)} were half
 * of {@code pylon decode}'s time on an RS485 log. Names and short values (the same few dozen strings on every line)
 * are encoded once and kept, already quoted and escaped, in a small cache keyed by identity.
 */
public final class JsonWriter {

    /** The cache's size: a power of two, well above the distinct names and enum values one log prints. */
    private static final int CACHE_SLOTS = 512;
    /** Longer strings (an error's input line) are encoded each time rather than cached. */
    private static final int CACHE_MAX_CHARS = 48;

    private byte[] out = new byte[1 << 16];
    private int length;
    private final String[] cachedStrings = new String[CACHE_SLOTS];
    private final byte[][] cachedJson = new byte[CACHE_SLOTS][];
    /** Whether the next member or element at the current depth needs a comma before it. */
    private boolean needComma;
    private int depth;

    /** Starts an object, as a top-level line or as the value of the member just named. */
    public JsonWriter beginObject() {
        separator();
        put('{');
        depth++;
        needComma = false;
        return this;
    }

    /** Ends the current object; at depth zero this also ends the line. */
    public JsonWriter endObject() {
        put('}');
        depth--;
        needComma = true;
        if (depth == 0) {
            put('\n');
            needComma = false;
        }
        return this;
    }

    /** Starts an object-valued member. */
    public JsonWriter beginObject(String name) {
        name(name);
        needComma = false;
        put('{');
        depth++;
        return this;
    }

    /** Starts an array-valued member. */
    public JsonWriter beginArray(String name) {
        name(name);
        put('[');
        depth++;
        needComma = false;
        return this;
    }

    /** Ends the current array. */
    public JsonWriter endArray() {
        put(']');
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
        number(value);
        return this;
    }

    /** A boolean member. */
    public JsonWriter field(String name, boolean value) {
        name(name);
        put(value ? TRUE : FALSE);
        return this;
    }

    /** A member whose value is JSON {@code null}. */
    public JsonWriter fieldNull(String name) {
        name(name);
        put(NULL);
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
        number(value);
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

    /** Appends what has been written so far to {@code target} (decoded from UTF-8) and empties the buffer. */
    public void drainTo(Appendable target) throws IOException {
        target.append(peek());
        length = 0;
    }

    /** Writes what has been written so far to {@code target}, UTF-8, and empties the buffer. */
    public void drainTo(OutputStream target) throws IOException {
        target.write(out, 0, length);
        length = 0;
    }

    /** The text written so far (for tests). */
    public String peek() {
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }

    /** How many bytes are buffered: a mark for {@link #rollbackTo}, and how full the buffer is. */
    public int buffered() {
        return length;
    }

    /** Forgets an object begun but not to be finished (used when a line turns out to be undecodable). */
    public void rollbackTo(int mark) {
        length = mark;
        depth = 0;
        needComma = false;
    }

    private void name(String name) {
        separator();
        put(json(name));
        put(':');
        needComma = true;
    }

    private void separator() {
        if (needComma) {
            put(',');
        }
    }

    private void scaled(long unscaled, int decimals) {
        if (decimals == 0) {
            number(unscaled);
            return;
        }
        if (unscaled == (int) unscaled && unscaled != Integer.MIN_VALUE) {
            scaled((int) unscaled, decimals);
            return;
        }
        long pow = POW10[decimals];
        long magnitude = Math.abs(unscaled);
        if (unscaled < 0) {
            put('-');
        }
        number(magnitude / pow);
        put('.');
        long fraction = magnitude % pow;
        int digits = decimals;
        while (digits > 1 && fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        for (long p = POW10[digits - 1]; p > fraction && p > 1; p /= 10) {
            put('0');
        }
        number(fraction);
    }

    /** {@link #scaled(long, int)} of an {@code int}, in {@code int} arithmetic (see {@link #number(int)}). */
    private void scaled(int unscaled, int decimals) {
        int pow = (int) POW10[decimals];
        int magnitude = Math.abs(unscaled);
        if (unscaled < 0) {
            put('-');
        }
        number(magnitude / pow);
        put('.');
        int fraction = magnitude % pow;
        int digits = decimals;
        while (digits > 1 && fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        for (int p = (int) POW10[digits - 1]; p > fraction && p > 1; p /= 10) {
            put('0');
        }
        number(fraction);
    }

    /** A decimal integer, as {@code Long.toString} writes it. */
    private void number(long value) {
        if (value == (int) value) {
            number((int) value);
        } else {
            put(Long.toString(value).getBytes(StandardCharsets.US_ASCII)); // none of the decode contract's numbers
        }
    }

    /**
     * A decimal integer, as {@code Integer.toString} writes it, in {@code int} arithmetic and two digits a division:
     * a 64-bit division costs several times a 32-bit one, and C1 turns no division by a constant into a multiply.
     */
    private void number(int value) {
        ensure(11);
        if (value < 0) {
            if (value == Integer.MIN_VALUE) { // the one value whose magnitude is not an int
                put(Integer.toString(value).getBytes(StandardCharsets.US_ASCII));
                return;
            }
            out[length++] = '-';
            value = -value;
        }
        int digits = 1;
        for (int p = 10; digits < 10 && value >= p; p *= 10) {
            digits++;
        }
        int i = length + digits;
        length = i;
        while (value >= 100) {
            int pair = value % 100;
            value /= 100;
            out[--i] = DIGIT_ONES[pair];
            out[--i] = DIGIT_TENS[pair];
        }
        out[--i] = DIGIT_ONES[value];
        if (value >= 10) {
            out[--i] = DIGIT_TENS[value];
        }
    }

    private void string(String value) {
        put(json(value));
    }

    /** {@code value} as a JSON string in UTF-8, quoted and escaped: from the cache when it is short. */
    private byte[] json(String value) {
        if (value.length() > CACHE_MAX_CHARS) {
            return quoted(value);
        }
        int slot = value.hashCode() & (CACHE_SLOTS - 1);
        if (cachedStrings[slot] != value) { // by identity: names and enum values are the same instances every line
            cachedJson[slot] = quoted(value);
            cachedStrings[slot] = value;
        }
        return cachedJson[slot];
    }

    /**
     * {@code value} quoted and escaped, as UTF-8: a quote, a backslash and the C0 controls and DEL escaped (the
     * usual short forms where JSON has one), everything else as it is (a lone surrogate as {@code ?}, as
     * {@code String.getBytes} encodes it).
     */
    private static byte[] quoted(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int plain = 0;
        while (plain < utf8.length && needsNoEscape(utf8[plain])) {
            plain++;
        }
        if (plain == utf8.length) { // nearly every value: one bulk copy
            byte[] quoted = new byte[utf8.length + 2];
            quoted[0] = '"';
            System.arraycopy(utf8, 0, quoted, 1, utf8.length);
            quoted[quoted.length - 1] = '"';
            return quoted;
        }
        StringBuilder escaped = new StringBuilder(utf8.length + 16).append('"');
        escaped.append(new String(utf8, 0, plain, StandardCharsets.ISO_8859_1));
        for (int i = plain; i < utf8.length; i++) {
            int c = utf8[i] & 0xFF; // a byte of a multi-byte character is >= 0x80: copied as it is
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) { // four lower-case hex digits, as String.format("\\u%04x") wrote them
                        escaped.append("\\u00").append(HEX_DIGITS.charAt(c >> 4)).append(HEX_DIGITS.charAt(c & 0xF));
                    } else {
                        escaped.append((char) c);
                    }
                }
            }
        }
        return escaped.append('"').toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private void put(char ascii) {
        ensure(1);
        out[length++] = (byte) ascii;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, out, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (out.length - length < more) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
        }
    }

    private static boolean needsNoEscape(byte b) {
        return (b >= 0x20 || b < 0) && b != '"' && b != '\\' && b != 0x7F;
    }

    private static final String HEX_DIGITS = "0123456789abcdef";

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    /** The tens and the ones digit of 0 to 99. */
    private static final byte[] DIGIT_TENS = new byte[100];
    private static final byte[] DIGIT_ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_TENS[i] = (byte) ('0' + i / 10);
            DIGIT_ONES[i] = (byte) ('0' + i % 10);
        }
    }

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L};
}

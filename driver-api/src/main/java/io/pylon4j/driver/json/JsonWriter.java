package io.pylon4j.driver.json;

import java.io.OutputStream;

/**
 * The one JSON writer of pylon4j: every line the {@code pylon} commands print and every event and status JSON of the
 * driver ({@code BankEventJson}, {@code BankStatusJson}) is written by it, so that a number reads the same
 * wherever it appears. JSON Lines: one object per line.
 *
 * <p><b>Numbers</b>, one rule ({@code docs/driver-events.md}, "Numbers"): the shortest plain decimal that is exactly
 * the value, with no exponent, no trailing zeros and no point for a whole number; {@code 0} for zero of either
 * sign. A scaled wire integer ({@link #fieldScaled}: {@code 4800} deci-volts is {@code 480}, {@code 3312} mV is
 * {@code 3.312}) is written exactly, without going through {@code double}; a {@code double} ({@link #field(String,
 * double)}: {@code 480.0} is {@code 480}) as the shortest plain decimal that reads back as the same {@code double}.
 * NaN and the infinities are written as {@code null}, never as a bare token.
 *
 * <p><b>Strings</b> are UTF-8, with a quote, a backslash, the C0 controls and DEL escaped (the usual short forms
 * where JSON has one, else <code>&#92;u00XX</code> in lower-case hex); a {@code null} string is written as {@code null}.
 *
 * <p>Usage: {@code beginObject(); field("bus", "can"); ... endObject();} — {@link #endObject()} at depth zero ends the
 * line. The bytes collect in an internal buffer that the caller drains ({@link #drainTo(OutputStream)},
 * {@link #drainLine()}). Not thread-safe: one writer per output, or one per call.
 *
 * <p>Why bytes and not a {@code StringBuilder}: the output is UTF-8 bytes, and the {@code pylon} launcher runs C1
 * only, where a character-by-character {@code StringBuilder} and the copy out through {@code getBytes(UTF_8)} were
 * half of {@code pylon decode}'s time on an RS485 log. Names and short values (the same few dozen strings on every
 * line) are encoded once and kept, already quoted and escaped, in a small table ({@code JsonCache}).
 */
public final class JsonWriter extends JsonNamedMembers {

    /** The cache's most slots: a power of two, well above the distinct names and enum values one log prints. */
    private static final int MAX_CACHE_SLOTS = 512;
    /** The fewest: a writer for one event writes a few dozen names. */
    private static final int MIN_CACHE_SLOTS = 32;

    private final JsonCache values;
    private final JsonCache names;

    /** A writer for many lines (a command's output), with a 64 KiB buffer to start with. */
    public JsonWriter() {
        this(1 << 16);
    }

    /**
     * A writer whose buffer starts at {@code initialBytes} (it grows as needed): small for one event.
     *
     * @param initialBytes the buffer's first size, at least 1
     */
    public JsonWriter(int initialBytes) {
        super(initialBytes);
        // a small writer (one event, then dropped) gets a small cache: it costs an allocation per writer
        int slots = Math.max(MIN_CACHE_SLOTS, Math.min(MAX_CACHE_SLOTS, Integer.highestOneBit(initialBytes / 8)));
        values = new JsonCache(slots, false);
        names = new JsonCache(slots, true);
    }

    /**
     * Starts an object, as a top-level line or as an array element.
     *
     * @return this writer
     */
    public JsonWriter beginObject() {
        separator();
        put('{');
        depth++;
        needComma = false;
        return this;
    }

    /**
     * Ends the current object; at depth zero this also ends the line.
     *
     * @return this writer
     */
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

    /**
     * Starts an object-valued member.
     *
     * @param name the member's name
     * @return this writer
     */
    public JsonWriter beginObject(String name) {
        name(name);
        return open('{');
    }

    /**
     * Starts an array-valued member.
     *
     * @param name the member's name
     * @return this writer
     */
    public JsonWriter beginArray(String name) {
        name(name);
        return open('[');
    }

    /**
     * Ends the current array.
     *
     * @return this writer
     */
    public JsonWriter endArray() {
        put(']');
        depth--;
        needComma = true;
        return this;
    }

    /**
     * A string member; {@code null} is written as JSON {@code null}.
     *
     * @param name  the member's name
     * @param value the text, or {@code null}
     * @return this writer
     */
    public JsonWriter field(String name, String value) {
        name(name);
        string(value);
        return this;
    }

    /**
     * An integer member.
     *
     * @param name  the member's name
     * @param value the integer
     * @return this writer
     */
    public JsonWriter field(String name, long value) {
        name(name);
        length = JsonNumbers.writeLong(out, length, value);
        return this;
    }

    /**
     * A number member given as a {@code double}: the shortest plain decimal that reads back as {@code value}
     * ({@code 480.0} is {@code 480}, {@code 49.86} is {@code 49.86}); {@code null} if it is NaN or infinite.
     *
     * @param name  the member's name
     * @param value the number
     * @return this writer
     */
    public JsonWriter field(String name, double value) {
        name(name);
        number(value);
        return this;
    }

    /**
     * A boolean member.
     *
     * @param name  the member's name
     * @param value the truth value
     * @return this writer
     */
    public JsonWriter field(String name, boolean value) {
        name(name);
        put(value ? TRUE : FALSE);
        return this;
    }

    /**
     * A member whose value is JSON {@code null}.
     *
     * @param name the member's name
     * @return this writer
     */
    public JsonWriter fieldNull(String name) {
        name(name);
        put(NULL);
        return this;
    }

    /**
     * A decimal member given as a wire integer and its number of decimals, written exactly:
     * {@code fieldScaled("voltage", 4986, 2)} writes {@code "voltage":49.86}, {@code fieldScaled("v", 4800, 1)}
     * writes {@code "v":480}.
     *
     * @param name     the member's name
     * @param unscaled the wire integer
     * @param decimals its decimals, 0 to 9 (deci-units 1, milli-units 3)
     * @return this writer
     */
    public JsonWriter fieldScaled(String name, long unscaled, int decimals) {
        name(name);
        scaledAfterName(unscaled, decimals);
        return this;
    }

    /**
     * An array element: a wire integer and its decimals (see {@link #fieldScaled}).
     *
     * @param unscaled the wire integer
     * @param decimals its decimals, 0 to 9
     * @return this writer
     */
    public JsonWriter valueScaled(long unscaled, int decimals) {
        separator();
        scaled(unscaled, decimals);
        needComma = true;
        return this;
    }

    /**
     * An array element: an integer.
     *
     * @param value the integer
     * @return this writer
     */
    public JsonWriter value(long value) {
        separator();
        ensure(JsonNumbers.MAX_SCALED_CHARS);
        length = JsonNumbers.writeLong(out, length, value);
        needComma = true;
        return this;
    }

    /**
     * An array element: a {@code double} (see {@link #field(String, double)}).
     *
     * @param value the number
     * @return this writer
     */
    public JsonWriter value(double value) {
        separator();
        number(value);
        needComma = true;
        return this;
    }

    /**
     * An array element: a string, or JSON {@code null} for {@code null}.
     *
     * @param value the text, or {@code null}
     * @return this writer
     */
    public JsonWriter value(String value) {
        separator();
        string(value);
        needComma = true;
        return this;
    }

    /**
     * Forgets a line begun but not to be finished (one that turned out to be undecodable).
     *
     * @param lineStart a {@link #buffered()} mark taken between two lines
     */
    public void rollbackTo(int lineStart) {
        if (lineStart < 0 || lineStart > length) {
            throw new IllegalArgumentException("no such mark: " + lineStart + " (buffered " + length + ")");
        }
        length = lineStart;
        depth = 0;
        needComma = false;
    }

    /** Writes {@code ,"name":}, or {@code "name":} for the first member, as one copy (names: the same few dozen). */
    private void name(String name) {
        name(names.get(name));
    }

    private void separator() {
        if (needComma) {
            put(',');
        }
    }

    @Override
    void string(String value) {
        put(value == null ? NULL : values.get(value));
    }
}

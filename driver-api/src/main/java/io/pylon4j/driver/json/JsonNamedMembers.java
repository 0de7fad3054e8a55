package io.pylon4j.driver.json;

/**
 * The member methods of {@link JsonWriter} whose name is encoded once ({@link JsonName}), and the state of a member
 * that both kinds of name share: apart so that the writer stays one readable class. {@code pylon decode}'s RS485
 * writer names every member with a constant: one copy, no table look-up and no {@code String.hashCode} per member.
 */
abstract class JsonNamedMembers extends JsonBuffer {

    /** Whether the next member or element at the current depth needs a comma before it. */
    boolean needComma;
    int depth;

    JsonNamedMembers(int initialBytes) {
        super(initialBytes);
    }

    /** Writes a string value, or {@code null}. */
    abstract void string(String value);

    /**
     * As {@link JsonWriter#field(String, String)}, with a name encoded once.
     *
     * @param name  the member's name
     * @param value the text, or {@code null}
     * @return this writer
     */
    public JsonWriter field(JsonName name, String value) {
        name(name.member);
        string(value);
        return self();
    }

    /**
     * As {@link JsonWriter#field(String, long)}, with a name encoded once.
     *
     * @param name  the member's name
     * @param value the integer
     * @return this writer
     */
    public JsonWriter field(JsonName name, long value) {
        name(name.member);
        length = JsonNumbers.writeLong(out, length, value);
        return self();
    }

    /**
     * As {@link JsonWriter#field(String, boolean)}, with a name encoded once.
     *
     * @param name  the member's name
     * @param value the truth value
     * @return this writer
     */
    public JsonWriter field(JsonName name, boolean value) {
        name(name.member);
        put(value ? TRUE : FALSE);
        return self();
    }

    /**
     * As {@link JsonWriter#fieldNull(String)}, with a name encoded once.
     *
     * @param name the member's name
     * @return this writer
     */
    public JsonWriter fieldNull(JsonName name) {
        name(name.member);
        put(NULL);
        return self();
    }

    /**
     * As {@link JsonWriter#fieldScaled(String, long, int)}, with a name encoded once.
     *
     * @param name     the member's name
     * @param unscaled the wire integer
     * @param decimals its decimals, 0 to 9
     * @return this writer
     */
    public JsonWriter fieldScaled(JsonName name, long unscaled, int decimals) {
        name(name.member);
        scaledAfterName(unscaled, decimals);
        return self();
    }

    /**
     * The number of a scaled member, in the room its name made: apart so that {@link #fieldScaled(JsonName, long,
     * int)} stays under C1's 35-byte inlining limit ({@code pylon decode} runs C1 only and calls it a few dozen
     * times a line).
     */
    final void scaledAfterName(long unscaled, int decimals) {
        checkDecimals(decimals);
        length = JsonNumbers.writeScaled(out, length, unscaled, decimals);
    }

    /**
     * Writes members whose names and values are constants ({@link JsonMembers}) as one copy, with the comma before
     * them that any member gets.
     *
     * @param members the members encoded once
     * @return this writer
     */
    public JsonWriter members(JsonMembers members) {
        name(members.members);
        return self();
    }

    /**
     * As {@link JsonWriter#beginObject(String)}, with a name encoded once.
     *
     * @param name the member's name
     * @return this writer
     */
    public JsonWriter beginObject(JsonName name) {
        name(name.member);
        return open('{');
    }

    /**
     * As {@link JsonWriter#beginArray(String)}, with a name encoded once.
     *
     * @param name the member's name
     * @return this writer
     */
    public JsonWriter beginArray(JsonName name) {
        name(name.member);
        return open('[');
    }

    final JsonWriter open(char bracket) {
        put(bracket);
        depth++;
        needComma = false;
        return self();
    }

    /** Writes a member's name from its encoded {@code ,"name":}; with room after it for a number. */
    final void name(byte[] member) {
        int from = needComma ? 0 : 1;
        int count = member.length - from;
        ensure(count + JsonNumbers.MAX_SCALED_CHARS); // room for a number too: the value's writer need not check
        System.arraycopy(member, from, out, length, count);
        length += count;
        needComma = true;
    }

    private JsonWriter self() {
        return (JsonWriter) this;
    }
}

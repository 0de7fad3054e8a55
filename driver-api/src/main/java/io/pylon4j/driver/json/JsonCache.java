package io.pylon4j.driver.json;

/**
 * The strings a {@link JsonWriter} has already encoded, each kept as its bytes: a value as {@code "text"}, a member
 * name as {@code ,"name":} (comma and colon included, so a member's name is one copy). A command writes the same few
 * dozen names and enum values on every line, so nearly every look-up is a hit.
 *
 * <p>Open addressing with linear probing, so that two names whose hashes share a slot do not evict each other on
 * every line (a direct-mapped cache did: a 0x42 reply's forty names missed about one in six). It stops growing at
 * half full, so a peer's ever-new strings cost a bounded table and are then encoded each time; a long string is
 * never kept.
 */
final class JsonCache {

    /** Longer strings (an error's input line) are encoded each time rather than kept. */
    static final int MAX_CHARS = 48;
    private static final int MAX_PROBES = 8;

    private final boolean members;
    private final String[] keys;
    private final int[] hashes;
    private final byte[][] encoded;
    private int size;

    /**
     * @param slots   a power of two
     * @param members whether the entries are member names ({@code ,"name":}) or values ({@code "text"})
     */
    JsonCache(int slots, boolean members) {
        this.members = members;
        keys = new String[slots];
        hashes = new int[slots];
        encoded = new byte[slots][];
    }

    /** {@code text} encoded: from the table, or encoded now (and kept while there is room). */
    byte[] get(String text) {
        int hash = text.hashCode(); // cached by String after its first call
        int mask = keys.length - 1;
        int slot = hash & mask;
        for (int probe = 0; probe < MAX_PROBES; probe++) {
            String key = keys[slot];
            if (key == null) {
                byte[] bytes = encode(text);
                if (size < keys.length >> 1 && text.length() <= MAX_CHARS) {
                    keys[slot] = text;
                    hashes[slot] = hash;
                    encoded[slot] = bytes;
                    size++;
                }
                return bytes;
            }
            if (key == text || hashes[slot] == hash && key.equals(text)) {
                return encoded[slot];
            }
            slot = (slot + 1) & mask;
        }
        return encode(text);
    }

    private byte[] encode(String text) {
        return members ? member(text) : JsonStrings.quoted(text);
    }

    /** {@code name} as a member's name: {@code ,"name":}, quoted and escaped. */
    static byte[] member(String name) {
        byte[] quoted = JsonStrings.quoted(name);
        byte[] member = new byte[quoted.length + 2];
        member[0] = ',';
        System.arraycopy(quoted, 0, member, 1, quoted.length);
        member[member.length - 1] = ':';
        return member;
    }
}

package io.pylon4j.driver.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Members whose names and string values are all constants, encoded once: {@code JsonMembers.of("direction",
 * "request", "command", "0x42")} holds the bytes {@code ,"direction":"request","command":"0x42"}, which
 * {@link JsonWriter#members(JsonMembers)} writes as one copy. For the fixed part that starts many lines alike (the
 * bus, the direction and the command of every object {@code pylon decode} writes for RS485), where a member at a time
 * costs a copy for each name and a table look-up for each value. Keep them in {@code static final} fields; they are
 * immutable.
 */
public final class JsonMembers {

    /** {@code ,"name":"value",…}, quoted and escaped; never handed out, so never changed. */
    final byte[] members;
    private final String text;

    private JsonMembers(byte[] members) {
        this.members = members;
        this.text = new String(members, 1, members.length - 1, StandardCharsets.UTF_8);
    }

    /**
     * The members encoded, in the order given.
     *
     * @param namesAndValues each member's name followed by its string value: at least one pair, none {@code null}
     * @return the encoded members
     * @throws IllegalArgumentException when the arguments are not whole pairs
     */
    public static JsonMembers of(String... namesAndValues) {
        if (namesAndValues.length == 0 || namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values in pairs, at least one: " + namesAndValues.length
                    + " strings given");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = namesAndValues[i];
            String value = namesAndValues[i + 1];
            if (name == null || value == null) {
                throw new NullPointerException((name == null ? "name " : "value ") + (i / 2) + " is null");
            }
            out.writeBytes(JsonCache.member(name));
            out.writeBytes(JsonStrings.quoted(value));
        }
        return new JsonMembers(out.toByteArray());
    }

    /** @return the members as written after another member: {@code "direction":"request","command":"0x42"} */
    @Override
    public String toString() {
        return text;
    }
}

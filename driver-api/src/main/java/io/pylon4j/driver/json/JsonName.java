package io.pylon4j.driver.json;

/**
 * A JSON member name encoded once, for a writer's constant names: {@code JsonName.of("voltage")} holds the bytes
 * {@code ,"voltage":} (comma and colon included), so that {@link JsonWriter#field(JsonName, long)} and its siblings
 * write a member's name as one copy, with no table look-up and no {@code String.hashCode} per member. Keep them in
 * {@code static final} fields (as {@code pylon decode}'s RS485 writer does): a name is immutable.
 */
public final class JsonName {

    /** {@code ,"name":}, quoted and escaped; never handed out, so never changed. */
    final byte[] member;
    private final String name;

    private JsonName(String name) {
        this.name = name;
        member = JsonCache.member(name);
    }

    /**
     * The name encoded.
     *
     * @param name the member's name, not {@code null}
     * @return the encoded name
     */
    public static JsonName of(String name) {
        if (name == null) {
            throw new NullPointerException("name");
        }
        return new JsonName(name);
    }

    /** @return the name as given to {@link #of} */
    @Override
    public String toString() {
        return name;
    }
}

package io.pylon4j.rs485;

/**
 * A character between SOI and EOI is not a hexadecimal digit. Every field except SOI and EOI travels as ASCII hex,
 * two characters a byte ([R485-33] §2.3.1; docs/protocol.md §2.2); both cases are accepted on input.
 */
public final class NonHexCharacterException extends Rs485Exception {

    private static final long serialVersionUID = 1L;

    /** Where the character is, counted from SOI at 0. */
    private final int position;
    /** The character that is not a hex digit. */
    private final char character;

    /**
     * An exception for a character between SOI and EOI that is not a hex digit.
     *
     * @param position  where the character is, counted from SOI at 0
     * @param character the character
     */
    public NonHexCharacterException(int position, char character) {
        super("non-hex character " + Hex.describe(character) + " at position " + position);
        this.position = position;
        this.character = character;
    }

    /** {@return where the character is, counted from SOI at 0} */
    public int position() {
        return position;
    }

    /** {@return the character that is not a hex digit} */
    public char character() {
        return character;
    }
}

package io.pylon4j.rs485;

/**
 * The LCHKSUM nibble of the LENGTH field does not match its LENID: LCHKSUM must be
 * {@code (-(n2 + n1 + n0)) & 0xF} over the three nibbles of LENID ([R485-33] §2.3.2; docs/protocol.md §2.2). See
 * {@link LengthField}.
 */
public final class LengthChecksumException extends Rs485Exception {

    private static final long serialVersionUID = 1L;

    /** The 16-bit LENGTH field as received. */
    private final int lengthField;
    /** The LCHKSUM nibble the LENID requires. */
    private final int expected;
    /** The LCHKSUM nibble received. */
    private final int actual;

    /**
     * An exception for a LENGTH field whose LCHKSUM nibble does not match its LENID.
     *
     * @param lengthField the 16-bit LENGTH field as received
     * @param expected    the LCHKSUM nibble its LENID requires
     * @param actual      the LCHKSUM nibble received
     */
    public LengthChecksumException(int lengthField, int expected, int actual) {
        super(String.format("LENGTH checksum mismatch: LENGTH %04X carries LCHKSUM %X, LENID %03X requires %X",
                lengthField, actual, lengthField & 0xFFF, expected));
        this.lengthField = lengthField;
        this.expected = expected;
        this.actual = actual;
    }

    /** {@return the 16-bit LENGTH field as received} */
    public int lengthField() {
        return lengthField;
    }

    /** {@return the LCHKSUM nibble the LENID requires} */
    public int expected() {
        return expected;
    }

    /** {@return the LCHKSUM nibble received} */
    public int actual() {
        return actual;
    }
}

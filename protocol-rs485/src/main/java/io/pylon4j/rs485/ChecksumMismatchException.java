package io.pylon4j.rs485;

/**
 * The CHKSUM field does not match the frame's content: it must be the two's complement of the sum of the ASCII
 * codes from VER to the end of INFO ([R485-33] §2.3.3; docs/protocol.md §2.2). See {@link FrameChecksum}.
 */
public final class ChecksumMismatchException extends Rs485Exception {

    private static final long serialVersionUID = 1L;

    /** The CHKSUM the frame's content requires. */
    private final int expected;
    /** The CHKSUM received. */
    private final int actual;

    /**
     * An exception for a frame whose CHKSUM is {@code actual} where its content requires {@code expected}.
     *
     * @param expected the CHKSUM the content requires
     * @param actual   the CHKSUM received
     */
    public ChecksumMismatchException(int expected, int actual) {
        super(String.format("CHKSUM mismatch: the frame carries %04X, its content requires %04X", actual, expected));
        this.expected = expected;
        this.actual = actual;
    }

    /** {@return the CHKSUM the frame's content requires} */
    public int expected() {
        return expected;
    }

    /** {@return the CHKSUM received} */
    public int actual() {
        return actual;
    }
}

package io.pylon4j.rs485;

/**
 * A response whose RTN (the byte in the CID2 position) is none of the {@link ReturnCode} values of
 * [R485-33] §2.5.2 (docs/protocol.md §2.4).
 */
public final class UnknownReturnCodeException extends Rs485Exception {

    private static final long serialVersionUID = 1L;

    /** The RTN received, 0 to 255. */
    private final int returnCode;

    /**
     * An exception for an RTN that is none of the {@link ReturnCode} values.
     *
     * @param returnCode the RTN received (0 to 255)
     */
    public UnknownReturnCodeException(int returnCode) {
        super(String.format("unknown return code: RTN %02X", returnCode));
        this.returnCode = returnCode;
    }

    /** {@return the RTN received (0 to 255)} */
    public int returnCode() {
        return returnCode;
    }
}

package io.pylon4j.rs485;

/**
 * The frame does not start with SOI, the character {@code '~'} (0x7E) ([R485-33] §2.2; docs/protocol.md §2.2).
 */
public final class MissingSoiException extends Rs485Exception {

    private static final long serialVersionUID = 1L;

    /** The character found where SOI belongs, or -1 when the input was empty. */
    private final int actual;

    /**
     * An exception for input that does not start with SOI.
     *
     * @param actual the code of the character found where SOI belongs, or -1 when the input was empty
     */
    public MissingSoiException(int actual) {
        super(actual < 0 ? "missing SOI: the frame is empty"
                : "missing SOI: the frame starts with " + Hex.describe(actual) + ", not '~'");
        this.actual = actual;
    }

    /** {@return the code of the character found where SOI belongs, or -1 when the input was empty} */
    public int actual() {
        return actual;
    }
}

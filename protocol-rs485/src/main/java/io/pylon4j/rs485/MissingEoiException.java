package io.pylon4j.rs485;

/**
 * The frame does not end with EOI, the character CR (0x0D) ([R485-33] §2.2; docs/protocol.md §2.2): its last character is
 * something else, a new SOI ({@code '~'}) arrived before the CR, or no CR came within
 * {@link Rs485FrameCodec#MAX_FRAME_LENGTH} characters.
 */
public final class MissingEoiException extends Rs485Exception {

    private static final long serialVersionUID = 1L;

    /** Where EOI was expected, counted from SOI at 0. */
    private final int position;
    /** The character found there (0 to 255), or -1 when the input ended there. */
    private final int actual;

    /**
     * An exception for a frame with no EOI at {@code position}.
     *
     * @param position where EOI was expected, counted from SOI at 0
     * @param actual   the character found there (0 to 255), or -1 when the input ended there
     * @param reason   why the frame was cut there, for the message
     */
    public MissingEoiException(int position, int actual, String reason) {
        super("missing EOI: " + (actual < 0 ? "nothing" : Hex.describe(actual)) + " at position " + position
                + " where CR was expected (" + reason + ")");
        this.position = position;
        this.actual = actual;
    }

    /** {@return where EOI was expected, counted from SOI at 0} */
    public int position() {
        return position;
    }

    /** {@return the character found where EOI was expected (0 to 255), or -1 when the input ended there} */
    public int actual() {
        return actual;
    }
}

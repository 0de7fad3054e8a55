package io.pylon4j.rs485;

/**
 * The frame is shorter than the shortest possible frame, {@value Rs485FrameCodec#MIN_FRAME_LENGTH} characters
 * ({@code ~}, VER, ADR, CID1, CID2/RTN, LENGTH, CHKSUM, CR with an empty INFO), so it has no complete header.
 */
public final class FrameTooShortException extends Rs485Exception {

    private static final long serialVersionUID = 1L;

    /** The number of characters from SOI to EOI inclusive. */
    private final int length;

    /**
     * An exception for a frame of {@code length} characters, too short to hold a header.
     *
     * @param length the number of characters from SOI to EOI inclusive (EOI counted even where it was optional)
     */
    public FrameTooShortException(int length) {
        super("frame too short: " + length + " characters, the shortest frame has "
                + Rs485FrameCodec.MIN_FRAME_LENGTH);
        this.length = length;
    }

    /** {@return the number of characters from SOI to EOI inclusive} */
    public int length() {
        return length;
    }
}

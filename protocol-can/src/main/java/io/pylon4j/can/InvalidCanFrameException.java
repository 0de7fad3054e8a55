package io.pylon4j.can;

/**
 * A frame that is not a classic CAN 2.0A data frame: an id beyond 11 bits, more than eight data bytes, or text that
 * does not describe a frame.
 */
public final class InvalidCanFrameException extends CanCodecException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with the reason in {@code message}.
     *
     * @param message what is wrong with the frame or the text, naming the offending value
     */
    public InvalidCanFrameException(String message) {
        super(message);
    }
}

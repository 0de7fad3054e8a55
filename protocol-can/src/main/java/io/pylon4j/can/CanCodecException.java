package io.pylon4j.can;

/**
 * The root of every exception the CAN codec throws for bad input from the wire or from a text log.
 *
 * <p>Subclasses say what was wrong and keep the offending values, so that a caller can count and report faults by
 * kind. An unknown CAN id is <em>not</em> a fault: it decodes to an unknown-frame message.
 */
public abstract class CanCodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with the reason in {@code message}.
     *
     * @param message what is wrong with which frame, naming the id and the offending values
     */
    protected CanCodecException(String message) {
        super(message);
    }

    /**
     * An exception with the reason in {@code message} and the fault that caused it.
     *
     * @param message what is wrong with which frame, naming the id and the offending values
     * @param cause   the fault underneath
     */
    protected CanCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.pylon4j.transport;

/** The link failed: a refused or timed-out connect, a port that vanished, an adapter that answered with an error. */
public final class TransportIoException extends TransportException {

    private static final long serialVersionUID = 1L;

    /**
     * A link failure with nothing underneath (an adapter's error reply, for instance).
     *
     * @param message what failed, naming the endpoint
     */
    public TransportIoException(String message) {
        super(message);
    }

    /**
     * A link failure caused by another exception.
     *
     * @param message what failed, naming the endpoint
     * @param cause   the underlying fault, usually an {@code IOException}
     */
    public TransportIoException(String message, Throwable cause) {
        super(message, cause);
    }
}

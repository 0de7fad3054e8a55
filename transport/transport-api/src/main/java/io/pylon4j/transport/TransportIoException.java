package io.pylon4j.transport;

/** The link failed: a refused or timed-out connect, a port that vanished, an adapter that answered with an error. */
public final class TransportIoException extends TransportException {

    private static final long serialVersionUID = 1L;

    public TransportIoException(String message) {
        super(message);
    }

    public TransportIoException(String message, Throwable cause) {
        super(message, cause);
    }
}

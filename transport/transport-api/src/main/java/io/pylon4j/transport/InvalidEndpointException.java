package io.pylon4j.transport;

/**
 * An endpoint string that is malformed, or whose scheme no transport on the class path provides, or whose provider
 * could not be loaded (a jar it needs is missing).
 */
public final class InvalidEndpointException extends TransportException {

    private static final long serialVersionUID = 1L;

    /**
     * An endpoint problem with nothing underneath.
     *
     * @param message what is wrong with which endpoint, and what is accepted instead
     */
    public InvalidEndpointException(String message) {
        super(message);
    }

    /**
     * With the error that made the scheme unavailable (e.g. a {@link NoClassDefFoundError}).
     *
     * @param message what is wrong with which endpoint or scheme
     * @param cause   the error that made it unavailable
     */
    public InvalidEndpointException(String message, Throwable cause) {
        super(message, cause);
    }
}

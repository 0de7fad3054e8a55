package io.pylon4j.transport;

/**
 * An endpoint string that is malformed, or whose scheme no transport on the class path provides, or whose provider
 * could not be loaded (a jar it needs is missing).
 */
public final class InvalidEndpointException extends TransportException {

    private static final long serialVersionUID = 1L;

    public InvalidEndpointException(String message) {
        super(message);
    }

    /** With the error that made the scheme unavailable (e.g. a {@link NoClassDefFoundError}). */
    public InvalidEndpointException(String message, Throwable cause) {
        super(message, cause);
    }
}

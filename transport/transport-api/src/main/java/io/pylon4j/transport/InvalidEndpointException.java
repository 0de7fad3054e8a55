package io.pylon4j.transport;

/** An endpoint string that is malformed, or whose scheme no transport on the class path provides. */
public final class InvalidEndpointException extends TransportException {

    private static final long serialVersionUID = 1L;

    public InvalidEndpointException(String message) {
        super(message);
    }
}

package io.pylon4j.transport;

/** An operation on a transport that has been closed. */
public final class TransportClosedException extends TransportException {

    private static final long serialVersionUID = 1L;

    /**
     * An operation on the closed transport of {@code endpoint}.
     *
     * @param endpoint the transport's endpoint string, for the message
     */
    public TransportClosedException(String endpoint) {
        super("transport " + endpoint + " is closed");
    }
}

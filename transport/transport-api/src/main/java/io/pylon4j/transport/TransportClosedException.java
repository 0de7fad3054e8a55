package io.pylon4j.transport;

/** An operation on a transport that has been closed. */
public final class TransportClosedException extends TransportException {

    private static final long serialVersionUID = 1L;

    public TransportClosedException(String endpoint) {
        super("transport " + endpoint + " is closed");
    }
}

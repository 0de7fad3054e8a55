package io.pylon4j.transport;

/** A send or write while the transport's link is down; the data was counted as dropped. */
public final class NotConnectedException extends TransportException {

    private static final long serialVersionUID = 1L;

    /**
     * A send or write refused in {@code state}.
     *
     * @param endpoint the transport's endpoint string, for the message
     * @param state    the state the link was in (connecting, waiting to reconnect, failed)
     */
    public NotConnectedException(String endpoint, ConnectionState state) {
        super("transport " + endpoint + " is not connected (" + state + ")");
    }
}

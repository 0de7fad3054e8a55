package io.pylon4j.transport;

/** Receives a transport's {@link ConnectionStateChange}s, on the transport's I/O thread; must not block. */
@FunctionalInterface
public interface ConnectionStateListener {

    /**
     * The transport's state changed.
     *
     * @param change the previous and the new state, with the cause and the attempt
     */
    void onStateChange(ConnectionStateChange change);
}

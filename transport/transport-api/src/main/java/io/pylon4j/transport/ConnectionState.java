package io.pylon4j.transport;

/** Where a transport's link stands. */
public enum ConnectionState {
    /** Created, {@link Transport#open()} not called yet. */
    NEW,
    /** Trying to connect (first time or again). */
    CONNECTING,
    /** The link is up: frames and bytes flow. */
    CONNECTED,
    /** The link dropped or a connect attempt failed; waiting for the next attempt of the reconnect policy. */
    WAITING_TO_RECONNECT,
    /** The reconnect policy gave up; the transport stays down until closed. */
    FAILED,
    /** Closed by the caller; final. */
    CLOSED
}

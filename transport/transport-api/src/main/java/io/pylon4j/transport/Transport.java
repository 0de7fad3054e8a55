package io.pylon4j.transport;

import java.util.concurrent.CompletionStage;

/**
 * A connection to a bus or a byte stream: the lifecycle every transport shares.
 *
 * <p>A transport is created closed-to-the-world by {@link Transports} or a provider, started with {@link #open()},
 * and reconnects by itself with its {@link ReconnectPolicy} when the link drops, reporting each step as a
 * {@link ConnectionStateChange}. {@link #close()} is idempotent, never throws, and releases every thread, socket
 * and file descriptor the transport owns.
 *
 * <p>Threading: listeners are called on the transport's own named I/O thread, in order; they must return quickly
 * and must not block (hand work to your own executor). No Netty, jSerialComm or JavaCAN type crosses this API.
 */
public interface Transport extends AutoCloseable {

    /**
     * The endpoint this transport was opened from, as a user would type it ({@code tcp:192.0.2.7:4196}).
     *
     * @return the endpoint string, parameters included ({@code stream:NAME} for streams a caller hands over)
     */
    String endpoint();

    /**
     * Starts the transport: connects, and keeps reconnecting by the {@link ReconnectPolicy} until closed.
     *
     * @return a stage that completes when the first connection is up, or completes exceptionally with a
     *         {@link TransportException} when the policy gives up or the transport is closed first
     */
    CompletionStage<Void> open();

    /**
     * The current state.
     *
     * @return the link's state at this moment; it may change on the I/O thread right after
     */
    ConnectionState state();

    /**
     * Adds a listener for state changes; it is called on the transport's I/O thread.
     *
     * @param listener called with every state change, in order; must not block
     */
    void addStateListener(ConnectionStateListener listener);

    /**
     * Removes a listener added with {@link #addStateListener}; does nothing if it was not added.
     *
     * @param listener the listener to stop calling
     */
    void removeStateListener(ConnectionStateListener listener);

    /**
     * A snapshot of what this transport has moved, dropped and retried since it was created.
     *
     * @return counts since creation, over every connection; a new snapshot on each call
     */
    TransportCounters counters();

    /** Closes the transport; idempotent, never throws, and safe to call from a listener. */
    @Override
    void close();
}

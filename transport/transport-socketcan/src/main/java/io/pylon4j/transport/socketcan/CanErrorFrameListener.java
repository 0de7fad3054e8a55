package io.pylon4j.transport.socketcan;

/**
 * Receives the error frames a {@link SocketCanTransport} reads: what the CAN controller or driver reports about
 * the bus (bus-off, error-passive, no ACK, ...). Called on the transport's I/O thread, in order with the data
 * frames; must not block. Every error frame is also counted in
 * {@link io.pylon4j.transport.TransportCounters#errors()}, so a caller that only needs "is the bus healthy" can
 * watch the counters instead.
 */
@FunctionalInterface
public interface CanErrorFrameListener {

    /**
     * An error frame arrived.
     *
     * @param error            the error frame
     * @param receivedNanoTime {@link System#nanoTime()} when the transport read it
     */
    void onErrorFrame(CanErrorFrame error, long receivedNanoTime);
}

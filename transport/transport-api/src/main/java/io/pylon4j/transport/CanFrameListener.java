package io.pylon4j.transport;

import io.pylon4j.can.CanFrame;

/** Receives CAN frames from a {@link CanTransport}, on the transport's I/O thread; must not block. */
@FunctionalInterface
public interface CanFrameListener {

    /**
     * A frame arrived.
     *
     * @param frame             the frame
     * @param receivedNanoTime  {@link System#nanoTime()} when the transport read it, for latency measurements
     */
    void onFrame(CanFrame frame, long receivedNanoTime);
}

package io.pylon4j.transport;

import io.pylon4j.can.CanFrame;

/**
 * A transport that carries classic CAN frames: SocketCAN, SLCAN adapters, socketcand and CANET bridges, the
 * in-memory bus and log replay.
 *
 * <p>Frames are received by {@linkplain #addFrameListener listener}; for a blocking poll, add a
 * {@link CanFrameQueue}. Frames a transport sends are not echoed back to its own listeners.
 */
public interface CanTransport extends Transport {

    /**
     * Queues a frame for sending.
     *
     * @param frame the frame to put on the bus
     * @throws TransportClosedException if the transport is closed
     * @throws NotConnectedException    if the link is down at the moment (the frame is counted as dropped)
     */
    void send(CanFrame frame);

    /**
     * Adds a listener for received frames, called on the transport's I/O thread in arrival order.
     *
     * @param listener called with each frame the receive filter accepts; must not block
     */
    void addFrameListener(CanFrameListener listener);

    /**
     * Removes a listener added with {@link #addFrameListener}; does nothing if it was not added.
     *
     * @param listener the listener to stop calling
     */
    void removeFrameListener(CanFrameListener listener);

    /**
     * Restricts reception to the given ids. Transports that can filter in the kernel or the adapter do so there;
     * the others filter in software. {@link CanIdFilter#ALL} (the default) receives everything.
     *
     * @param filter the ids to receive from now on, not null
     */
    void setReceiveFilter(CanIdFilter filter);
}

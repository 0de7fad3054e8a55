package io.pylon4j.transport;

import io.pylon4j.transport.time.Scheduler;
import java.util.Optional;

/**
 * A transport that carries a byte stream: RS485 through a USB converter, a raw TCP serial server, RFC 2217, or
 * any input/output stream pair a caller hands over.
 */
public interface ByteStreamTransport extends Transport {

    /**
     * Writes bytes to the stream (copied before this returns).
     *
     * @param data   the buffer holding the bytes; the caller may reuse it once this returns
     * @param offset the index of the first byte to send
     * @param length how many bytes to send
     * @throws TransportClosedException if the transport is closed
     * @throws NotConnectedException    if the link is down at the moment (the bytes are counted as dropped)
     */
    void write(byte[] data, int offset, int length);

    /**
     * Writes all of {@code data}.
     *
     * @param data the bytes to send; the caller may reuse the array once this returns
     * @throws TransportClosedException if the transport is closed
     * @throws NotConnectedException    if the link is down at the moment (the bytes are counted as dropped)
     */
    default void write(byte[] data) {
        write(data, 0, data.length);
    }

    /**
     * Adds a listener for received bytes, called on the transport's I/O thread in arrival order. The buffer it is
     * given is valid only during the call.
     *
     * @param listener called with each chunk as it was read; chunks follow no frame boundary
     */
    void addByteListener(ByteListener listener);

    /**
     * Removes a listener added with {@link #addByteListener}; does nothing if it was not added.
     *
     * @param listener the listener to stop calling
     */
    void removeByteListener(ByteListener listener);

    /**
     * A scheduler whose tasks run on this transport's I/O thread, the thread that calls the byte listeners, on the
     * system's monotonic clock ({@link Scheduler#onSystemClock()}), when the transport has such a thread that can
     * also run timers (an event loop). A protocol that writes from a timer (an RS485 poll cycle, a response timeout)
     * runs it there, so the write needs no hand-over to the I/O thread and no timer thread wakes up. Tasks must not
     * block: they delay every listener of the thread. Once the transport is closed, tasks may no longer run.
     *
     * @return the I/O thread's scheduler; empty (the default) when the transport has none, or before it is opened
     */
    default Optional<Scheduler> ioScheduler() {
        return Optional.empty();
    }
}

package io.pylon4j.transport;

/** Receives bytes from a {@link ByteStreamTransport}, on the transport's I/O thread; must not block. */
@FunctionalInterface
public interface ByteListener {

    /**
     * Bytes arrived. The buffer belongs to the transport and is valid only during this call: copy what you keep.
     *
     * @param buffer           holds the bytes
     * @param offset           where they start
     * @param length           how many there are, at least one
     * @param receivedNanoTime {@link System#nanoTime()} when the transport read them
     */
    void onBytes(byte[] buffer, int offset, int length, long receivedNanoTime);
}

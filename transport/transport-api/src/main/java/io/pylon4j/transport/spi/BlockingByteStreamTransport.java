package io.pylon4j.transport.spi;

import io.pylon4j.transport.ByteListener;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.TransportOptions;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link BlockingTransport} that carries a byte stream: listener bookkeeping and counters, so that an
 * implementation only opens, reads, writes and closes.
 *
 * <p>From {@link #readLoop()}, call {@link #deliver(byte[], int, int, long)} with every chunk read; implement
 * {@link #writeBytes(byte[], int, int)} for sending.
 */
public abstract class BlockingByteStreamTransport extends BlockingTransport implements ByteStreamTransport {

    private final List<ByteListener> listeners = new CopyOnWriteArrayList<>();
    private final ListenerFailureLog listenerFailures;

    /**
     * A byte-stream transport in state {@code NEW}; {@link #open()} starts its thread.
     *
     * @param endpoint the parsed endpoint string, its scheme already matched by the provider
     * @param options  the reconnect policy, timeouts and thread-name prefix every transport takes
     */
    protected BlockingByteStreamTransport(Endpoint endpoint, TransportOptions options) {
        super(endpoint, options);
        this.listenerFailures = new ListenerFailureLog(ConnectionStateTracker.LOG, endpoint.text() + " byte");
    }

    /**
     * Writes bytes to the open link.
     *
     * @param data   the caller's buffer, valid only during this call
     * @param offset the index of the first byte to write
     * @param length how many bytes to write
     * @throws Exception if the write fails; it is counted as an error and rethrown as a
     *                    {@link io.pylon4j.transport.TransportIoException}
     */
    protected abstract void writeBytes(byte[] data, int offset, int length) throws Exception;

    @Override
    public final void write(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        requireConnected();
        try {
            writeBytes(data, offset, length);
            metrics().bytesOut(length);
        } catch (Exception e) {
            metrics().error();
            throw new TransportIoException(endpoint() + ": writing " + length + " bytes failed: " + e.getMessage(), e);
        }
    }

    @Override
    public final void addByteListener(ByteListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public final void removeByteListener(ByteListener listener) {
        listeners.remove(listener);
    }

    /**
     * Hands received bytes to the listeners. Call on the transport's thread.
     *
     * @param buffer           the bytes read; listeners may use them only during their call, so it can be reused
     * @param offset           the index of the first byte read
     * @param length           how many bytes were read; nothing happens for 0 or less
     * @param receivedNanoTime {@link System#nanoTime()} when they were read
     */
    protected final void deliver(byte[] buffer, int offset, int length, long receivedNanoTime) {
        if (length <= 0) {
            return;
        }
        metrics().bytesIn(length);
        for (ByteListener listener : listeners) {
            try {
                listener.onBytes(buffer, offset, length, receivedNanoTime);
            } catch (RuntimeException e) {
                metrics().error(); // a faulty listener must not kill the I/O thread
                listenerFailures.failed(listener, e);
            }
        }
    }
}

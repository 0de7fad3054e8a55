package io.pylon4j.testing;

import io.pylon4j.transport.ByteListener;
import io.pylon4j.transport.ByteStreamTransport;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ByteStreamTransport} that wraps a real one (or an in-memory bus member) and injects faults into what it
 * receives, each on one explicit call, never by timing: {@link #dropNextFrame()}, {@link #corruptNextFrame()},
 * {@link #hold()} and {@link #release()}, {@link #killLink()} and {@link #restoreLink()}. A byte stream has no
 * frames of its own: here a "frame" is one chunk as the wrapped transport delivers it (on an in-memory bus, one
 * write of the far side, so one RS485 reply of the simulator). Corrupting flips the lowest bit of the chunk's middle
 * byte: in an RS485 frame, an ASCII hex digit of its body, which its checksum then catches. Written bytes pass
 * through unchanged (refused while the link is killed). Hand this to the code under test in place of the wrapped
 * transport.
 *
 * <p>Listeners run on the wrapped transport's thread, except for held chunks, which {@link #release()} delivers on
 * its caller's thread. Each chunk is a copy. Thread-safe.
 */
public final class FaultInjectingByteStreamTransport extends FaultInjector<FaultInjectingByteStreamTransport.Chunk>
        implements ByteStreamTransport {

    /** One received chunk (a copy) and when it arrived. */
    record Chunk(byte[] bytes, long nanoTime) {
    }

    private final ByteStreamTransport delegate;
    private final List<ByteListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Wraps {@code delegate}; from now on its bytes reach this transport's listeners through the faults.
     *
     * @param delegate the transport that really writes and reads
     * @throws NullPointerException if {@code delegate} is null
     */
    public FaultInjectingByteStreamTransport(ByteStreamTransport delegate) {
        super(delegate);
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        delegate.addByteListener((buffer, offset, length, nanoTime) ->
                received(new Chunk(Arrays.copyOfRange(buffer, offset, offset + length), nanoTime)));
    }

    @Override
    void deliver(Chunk item) {
        listeners.forEach(l -> l.onBytes(item.bytes(), 0, item.bytes().length, item.nanoTime()));
    }

    @Override
    Chunk corrupt(Chunk item) {
        byte[] damaged = item.bytes().clone();
        if (damaged.length > 0) {
            damaged[damaged.length / 2] ^= 0x01;
        }
        return new Chunk(damaged, item.nanoTime());
    }

    /**
     * Writes through the wrapped transport.
     *
     * @param data   the bytes
     * @param offset where they start in {@code data}
     * @param length how many
     * @throws io.pylon4j.transport.NotConnectedException while the link is killed, or as the wrapped transport
     *                                                    throws
     */
    @Override
    public void write(byte[] data, int offset, int length) {
        requireAlive();
        delegate.write(data, offset, length);
    }

    /**
     * Adds a byte listener; it hears what the wrapped transport receives, through the faults.
     *
     * @param listener the listener
     */
    @Override
    public void addByteListener(ByteListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a byte listener.
     *
     * @param listener the listener
     */
    @Override
    public void removeByteListener(ByteListener listener) {
        listeners.remove(listener);
    }
}

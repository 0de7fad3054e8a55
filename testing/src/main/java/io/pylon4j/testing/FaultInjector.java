package io.pylon4j.testing;

import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.ConnectionStateListener;
import io.pylon4j.transport.NotConnectedException;
import io.pylon4j.transport.Transport;
import io.pylon4j.transport.TransportCounters;
import io.pylon4j.transport.TransportIoException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The part the two fault-injecting transports share: the one-shot faults applied to what the wrapped transport
 * receives, the held items, the killed link and the state listeners that hear it.
 *
 * @param <T> one received item (a CAN frame, a chunk of bytes)
 */
abstract class FaultInjector<T> implements Transport {

    /** At most this many received items are held; more are dropped and counted, so a held link stays bounded. */
    static final int HOLD_CAPACITY = 65_536;

    private final Transport delegate;
    private final List<ConnectionStateListener> stateListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean dropNext = new AtomicBoolean();
    private final AtomicBoolean corruptNext = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong corrupted = new AtomicLong();
    private final ArrayDeque<T> held = new ArrayDeque<>(); // guarded by this
    private boolean holding; // guarded by this
    private volatile boolean killed;

    FaultInjector(Transport delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        delegate.addStateListener(this::forward);
    }

    /** Hands {@code item} to this transport's listeners. */
    abstract void deliver(T item);

    /** {@code item} with its content damaged so that a checksum or decoder notices. */
    abstract T corrupt(T item);

    /** Applies the armed faults to an item the wrapped transport received; on the wrapped transport's thread. */
    final void received(T item) {
        if (killed || dropNext.getAndSet(false)) {
            dropped.incrementAndGet();
            return;
        }
        T out = item;
        if (corruptNext.getAndSet(false)) {
            out = corrupt(item);
            corrupted.incrementAndGet();
        }
        synchronized (this) {
            if (holding) {
                if (held.size() < HOLD_CAPACITY) {
                    held.add(out);
                } else {
                    dropped.incrementAndGet();
                }
                return;
            }
        }
        deliver(out);
    }

    /** Throws as a transport whose link is down does, while the link is killed. */
    final void requireAlive() {
        if (killed) {
            throw new NotConnectedException(endpoint(), ConnectionState.WAITING_TO_RECONNECT);
        }
    }

    /** The next item received is lost (counted in {@link #droppedByFaults()}). One-shot. */
    public void dropNextFrame() {
        dropNext.set(true);
    }

    /** The next item received is delivered damaged (counted in {@link #corruptedByFaults()}). One-shot. */
    public void corruptNextFrame() {
        corruptNext.set(true);
    }

    /**
     * From now on, what is received is held back (in order, at most 65,536 items; more are
     * dropped and counted) until {@link #release()}: a link that stalls.
     */
    public synchronized void hold() {
        holding = true;
    }

    /** Delivers everything held, in order, on the calling thread, and stops holding. */
    public void release() {
        while (true) {
            T next;
            synchronized (this) {
                next = held.poll();
                if (next == null) {
                    holding = false;
                    return;
                }
            }
            deliver(next);
        }
    }

    /**
     * Cuts the link as a pulled cable does: the state listeners hear {@code CONNECTED → WAITING_TO_RECONNECT} with
     * the cause "link killed by the test", what arrives is dropped (counted) and sending throws
     * {@link NotConnectedException}, until {@link #restoreLink()}. Does nothing unless the link is up.
     */
    public void killLink() {
        if (killed || delegate.state() != ConnectionState.CONNECTED) {
            return;
        }
        killed = true;
        fire(new ConnectionStateChange(endpoint(), ConnectionState.CONNECTED, ConnectionState.WAITING_TO_RECONNECT,
                new TransportIoException(endpoint() + ": link killed by the test"), 1, Duration.ZERO));
    }

    /**
     * Ends {@link #killLink()}: the state listeners hear {@code CONNECTING}, then {@code CONNECTED} if the wrapped
     * transport is still up.
     */
    public void restoreLink() {
        if (!killed) {
            return;
        }
        killed = false;
        fire(new ConnectionStateChange(endpoint(), ConnectionState.WAITING_TO_RECONNECT, ConnectionState.CONNECTING,
                null, 2, Duration.ZERO));
        ConnectionState now = delegate.state();
        fire(new ConnectionStateChange(endpoint(), ConnectionState.CONNECTING, now, null, 2, Duration.ZERO));
    }

    /**
     * Received items these faults dropped: {@link #dropNextFrame()}, a killed link, a full hold.
     *
     * @return the count since creation
     */
    public long droppedByFaults() {
        return dropped.get();
    }

    /**
     * Received items {@link #corruptNextFrame()} damaged.
     *
     * @return the count since creation
     */
    public long corruptedByFaults() {
        return corrupted.get();
    }

    private void forward(ConnectionStateChange change) {
        if (!killed) {
            fire(change);
        }
    }

    private void fire(ConnectionStateChange change) {
        stateListeners.forEach(l -> l.onStateChange(change));
    }

    /**
     * The wrapped transport's endpoint.
     *
     * @return the endpoint text
     */
    @Override
    public String endpoint() {
        return delegate.endpoint();
    }

    /**
     * Opens the wrapped transport.
     *
     * @return the wrapped transport's open future
     */
    @Override
    public CompletionStage<Void> open() {
        return delegate.open();
    }

    /**
     * {@code WAITING_TO_RECONNECT} while the link is killed, else the wrapped transport's state.
     *
     * @return the state the code under test sees
     */
    @Override
    public ConnectionState state() {
        return killed ? ConnectionState.WAITING_TO_RECONNECT : delegate.state();
    }

    /**
     * Adds a state listener; it hears the wrapped transport's changes and the killed link's.
     *
     * @param listener the listener
     */
    @Override
    public void addStateListener(ConnectionStateListener listener) {
        stateListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a state listener.
     *
     * @param listener the listener
     */
    @Override
    public void removeStateListener(ConnectionStateListener listener) {
        stateListeners.remove(listener);
    }

    /**
     * The wrapped transport's counters, with the items these faults dropped added to its dropped frames.
     *
     * @return the counters
     */
    @Override
    public TransportCounters counters() {
        TransportCounters c = delegate.counters();
        return new TransportCounters(c.framesIn(), c.framesOut(), c.bytesIn(), c.bytesOut(), c.discardedBytes(),
                c.droppedFrames() + dropped.get(), c.errors(), c.reconnects());
    }

    /** Closes the wrapped transport. */
    @Override
    public void close() {
        delegate.close();
    }
}

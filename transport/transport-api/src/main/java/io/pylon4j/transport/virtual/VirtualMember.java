package io.pylon4j.transport.virtual;

import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateListener;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.NotConnectedException;
import io.pylon4j.transport.Transport;
import io.pylon4j.transport.TransportClosedException;
import io.pylon4j.transport.TransportCounters;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.spi.ConnectionStateMachine;
import io.pylon4j.transport.spi.ConnectionStateMachine.Event;
import io.pylon4j.transport.spi.ConnectionStateTracker;
import io.pylon4j.transport.spi.TransportMetrics;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The lifecycle that the members of {@link VirtualCanBus} and {@link VirtualByteBus} share, without a thread of
 * their own: {@code open()} takes a reference to the shared {@link DeliveryThreads} and queues the connect step
 * (CONNECTING, join the bus, CONNECTED) first in the member's {@link DeliveryQueue}, so that state listeners and
 * frame listeners run on a delivery thread, in that order, as they did on the member's own thread; {@code close()}
 * leaves the bus, waits for a running delivery, reports CLOSED and gives the reference back.
 *
 * <p>A member's link cannot fail, so it never reconnects: of the one {@link ConnectionStateMachine} it drives only
 * {@code OPEN}, {@code CONNECTED} and {@code CLOSE}.
 *
 * @param <T> what travels on the bus
 */
abstract class VirtualMember<T> implements Transport {

    /** How long close() waits for a delivery running on another thread, as a blocking transport joins its thread. */
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    private final Endpoint endpoint;
    private final TransportOptions options;
    private final TransportMetrics metrics = new TransportMetrics();
    private final ConnectionStateMachine machine;
    private final ConnectionStateTracker tracker;
    private final DeliveryThreads threads;
    private final DeliveryQueue<T> queue;
    private final Object lock = new Object();
    private boolean opened; // guarded by lock
    private boolean joined; // guarded by lock
    private DeliveryThreads.Lease lease; // guarded by lock

    VirtualMember(Endpoint endpoint, TransportOptions options, int queueCapacity, DeliveryThreads threads) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.options = Objects.requireNonNull(options, "options");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.machine = new ConnectionStateMachine(endpoint.text(), options.reconnectPolicy(), metrics);
        this.tracker = machine.tracker();
        this.queue = new DeliveryQueue<>(queueCapacity);
    }

    /** Adds this member to its bus. */
    abstract void joinBus();

    /** Removes this member from its bus. */
    abstract void leaveBus();

    /** Hands one received item to the listeners; runs on a delivery thread. */
    abstract void deliver(T item, long nanoTime);

    /** Counts an item that found the queue full. */
    abstract void countDropped(T item);

    /** Queues what another member sent; counts it if the queue is full. */
    final void enqueue(T item, long nanoTime) {
        if (!queue.offer(item, nanoTime)) {
            countDropped(item);
        }
    }

    final TransportMetrics metrics() {
        return metrics;
    }

    @Override
    public final String endpoint() {
        return endpoint.text();
    }

    @Override
    public final CompletionStage<Void> open() {
        synchronized (lock) {
            if (machine.isClosed()) {
                return CompletableFuture.failedFuture(new TransportClosedException(endpoint()));
            }
            if (!opened) {
                opened = true;
                lease = threads.acquire(options.threadNamePrefix());
                queue.start(lease.executor(), this::deliver, this::connect, this::rejected);
            }
        }
        return tracker.firstConnection();
    }

    /** The delivery executor refused a task (a caller's executor that was shut down): what waited is lost. */
    private void rejected() {
        metrics.error();
        // if it was the connect step, open() would otherwise never complete
        tracker.failFirstConnection(new TransportIoException(endpoint()
                + ": the delivery executor refused a task (was it shut down?)"));
    }

    /** The connect step, first on the delivery queue. */
    private void connect() {
        if (!machine.fire(Event.OPEN, null).moved()) {
            return; // closed
        }
        synchronized (lock) {
            if (machine.isClosed()) {
                return;
            }
            joinBus();
            joined = true;
        }
        machine.fire(Event.CONNECTED, null); // ignored if closed meanwhile
    }

    @Override
    public final ConnectionState state() {
        return tracker.state();
    }

    @Override
    public final void addStateListener(ConnectionStateListener listener) {
        tracker.addListener(listener);
    }

    @Override
    public final void removeStateListener(ConnectionStateListener listener) {
        tracker.removeListener(listener);
    }

    @Override
    public final TransportCounters counters() {
        return metrics.snapshot();
    }

    /**
     * Throws unless data can be sent now.
     *
     * @throws TransportClosedException if closed
     * @throws NotConnectedException    if not connected yet (counted as a dropped frame)
     */
    final void requireConnected() {
        ConnectionState now = tracker.state();
        if (machine.isClosed() || now == ConnectionState.CLOSED) {
            throw new TransportClosedException(endpoint());
        }
        if (now != ConnectionState.CONNECTED) {
            metrics.droppedFrame();
            throw new NotConnectedException(endpoint(), now);
        }
    }

    @Override
    public final void close() {
        DeliveryThreads.Lease held;
        synchronized (lock) {
            if (!machine.fire(Event.CLOSE, null).moved()) {
                return;
            }
            if (joined) {
                leaveBus();
                joined = false;
            }
            held = lease;
            lease = null;
        }
        queue.leave(CLOSE_WAIT_MILLIS);
        machine.announceClosed();
        if (held != null) {
            held.release();
        }
    }
}

package io.pylon4j.transport.spi;

import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateListener;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.NotConnectedException;
import io.pylon4j.transport.Transport;
import io.pylon4j.transport.TransportClosedException;
import io.pylon4j.transport.TransportCounters;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.spi.ConnectionStateMachine.Event;
import io.pylon4j.transport.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connect / read / reconnect state machine for transports built on blocking I/O (serial ports, sockets read
 * by a thread, SocketCAN, caller-supplied streams): one named thread per transport runs
 * {@link #connect()}, then {@link #readLoop()} until the link ends, then {@link #disconnect()}, and waits as the
 * {@link io.pylon4j.transport.ReconnectPolicy} says before trying again: on the monotonic clock, or on the
 * options' {@link TransportOptions#reconnectTimer()} when one is given (a test's virtual time).
 *
 * <p>States: {@code NEW → CONNECTING → CONNECTED → WAITING_TO_RECONNECT → CONNECTING → …}, ending in
 * {@code FAILED} (the policy gave up) or {@code CLOSED} (the caller closed), decided by the one
 * {@link ConnectionStateMachine} that every transport drives. Every transition is reported to the state listeners;
 * all but {@code CLOSED} on the transport's thread. The attempt count restarts after every successful connection,
 * so a link that drops is retried first after the policy's initial delay.
 *
 * <p>Subclasses implement three methods. {@link #disconnect()} must make a blocked {@link #readLoop()} return or
 * throw (close the port or socket); it is also called from {@link #close()} on the caller's thread.
 */
public abstract class BlockingTransport implements Transport {

    private final Endpoint endpoint;
    private final TransportOptions options;
    private final TransportMetrics metrics = new TransportMetrics();
    private final ConnectionStateMachine machine;
    private final ConnectionStateTracker tracker;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private Thread thread; // guarded by lock

    /**
     * A transport in state {@code NEW}; {@link #open()} starts its thread.
     *
     * @param endpoint the parsed endpoint string, its scheme already matched by the provider
     * @param options  the reconnect policy, timeouts and thread-name prefix every transport takes
     */
    protected BlockingTransport(Endpoint endpoint, TransportOptions options) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.options = Objects.requireNonNull(options, "options");
        this.machine = new ConnectionStateMachine(endpoint.text(), options.reconnectPolicy(), metrics);
        this.tracker = machine.tracker();
    }

    /**
     * Opens the link, blocking at most about {@link TransportOptions#connectTimeout()}.
     *
     * @throws Exception any failure; it is reported in the state change and retried by the policy
     */
    protected abstract void connect() throws Exception;

    /**
     * Reads from the open link and delivers what arrives, until the link ends. Runs on the transport's thread.
     * Return or throw when the link is gone; a return is treated as "the peer closed the link".
     *
     * @throws Exception the fault that ended the link
     */
    protected abstract void readLoop() throws Exception;

    /** Releases the link; must unblock {@link #readLoop()}. Called on the transport's thread and from close(). */
    protected abstract void disconnect();

    @Override
    public final String endpoint() {
        return endpoint.text();
    }

    /**
     * The parsed endpoint.
     *
     * @return the scheme, target and parameters this transport was created for
     */
    protected final Endpoint parsedEndpoint() {
        return endpoint;
    }

    /**
     * The options this transport was created with.
     *
     * @return the options as given, including the reconnect policy the thread follows
     */
    protected final TransportOptions options() {
        return options;
    }

    /**
     * The live counters, for subclasses to increment.
     *
     * @return the one set of counters behind {@link #counters()}
     */
    protected final TransportMetrics metrics() {
        return metrics;
    }

    @Override
    public final CompletionStage<Void> open() {
        lock.lock();
        try {
            if (machine.isClosed()) {
                return CompletableFuture.failedFuture(new TransportClosedException(endpoint()));
            }
            if (thread == null) {
                thread = new Thread(this::run, options.threadNamePrefix() + "-" + endpoint.scheme() + "-"
                        + endpoint.target());
                thread.setDaemon(true);
                thread.start();
            }
        } finally {
            lock.unlock();
        }
        return tracker.firstConnection();
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
     * @throws NotConnectedException    if the link is down (counted as a dropped frame)
     */
    protected final void requireConnected() {
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
        Thread running;
        lock.lock();
        try {
            if (!machine.fire(Event.CLOSE, null).moved()) {
                return;
            }
            running = thread;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            disconnect();
        } catch (RuntimeException e) {
            metrics.error();
        }
        if (running != null && running != Thread.currentThread()) {
            running.interrupt();
            try {
                running.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        machine.announceClosed();
    }

    private void run() {
        Event next = Event.OPEN;
        while (true) {
            if (!machine.fire(next, null).moved()) {
                break; // closed
            }
            Throwable fault;
            Event lost = Event.CONNECT_FAILED;
            try {
                connect();
                if (!machine.fire(Event.CONNECTED, null).moved()) {
                    disconnect(); // closed while connecting
                    break;
                }
                lost = Event.LINK_LOST;
                readLoop();
                fault = new TransportIoException(endpoint() + ": the link was closed by the other end");
            } catch (Exception e) {
                fault = e;
            } catch (Error e) { // e.g. a native library that fails to load: report it, do not retry
                machine.fire(Event.UNRECOVERABLE, e);
                safeDisconnect();
                throw e;
            }
            safeDisconnect();
            ConnectionStateMachine.Step step = machine.fire(lost, fault);
            if (step.current() != ConnectionState.WAITING_TO_RECONNECT || !sleep(step.nextAttemptDelay())) {
                break; // gave up, or closed
            }
            next = Event.BACKOFF_ELAPSED;
        }
    }

    private void safeDisconnect() {
        try {
            disconnect();
        } catch (RuntimeException e) {
            metrics.error();
        }
    }

    /** Waits for {@code delay} or until closed; returns false when closed. */
    private boolean sleep(Duration delay) {
        Scheduler timer = options.reconnectTimer();
        return timer == null ? sleepMonotonic(delay) : sleepOn(timer, delay);
    }

    /** Waits for {@code delay} on the options' timer (a test's virtual time), or until closed. */
    private boolean sleepOn(Scheduler timer, Duration delay) {
        boolean[] due = new boolean[1]; // guarded by lock
        Scheduler.Cancellable wake = timer.schedule(() -> {
            lock.lock();
            try {
                due[0] = true;
                wakeUp.signalAll();
            } finally {
                lock.unlock();
            }
        }, delay);
        lock.lock();
        try {
            while (!machine.isClosed() && !due[0]) {
                wakeUp.await();
            }
            return !machine.isClosed();
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
            wake.close();
        }
    }

    /** Waits for {@code delay} on this thread ({@link Condition#awaitNanos}: the monotonic clock), or until closed. */
    private boolean sleepMonotonic(Duration delay) {
        long nanos = delay.toNanos();
        lock.lock();
        try {
            while (!machine.isClosed() && nanos > 0) {
                nanos = wakeUp.awaitNanos(nanos);
            }
            return !machine.isClosed();
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }
}

package io.pylon4j.transport.spi;

import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.ConnectionStateListener;
import io.pylon4j.transport.TransportClosedException;
import io.pylon4j.transport.TransportException;
import io.pylon4j.transport.TransportIoException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The observable side of a transport's connection: its current {@link ConnectionState}, the state listeners, and
 * the future that {@link io.pylon4j.transport.Transport#open()} hands out for the first connection.
 *
 * <p>Transports drive their state machines in different ways ({@link BlockingTransport} on a thread of its own,
 * others on an event loop), but what a caller sees must be the same: the same events in the same order, a faulty
 * listener counted as an error and never breaking the state machine, the same {@code CLOSED} event and the same
 * exceptions from the open future. This class is that one shared part; the state machine that decides when to call
 * it stays with each transport. Whether a transition is still wanted once the transport is closing is the caller's
 * decision too.
 *
 * <p><b>Logging</b> ({@link System.Logger} {@code io.pylon4j.transport}): the link coming up at {@code INFO}; the
 * link going down or failing to come up at {@code WARNING} with its cause ({@link ConnectionStateChange#causeText()})
 * when the cause differs from the one last logged, repeats of the same cause while it keeps retrying at
 * {@code DEBUG}; a listener's exception with its stack trace, at most once a minute per listener
 * ({@link ListenerFailureLog}). Nothing per frame.
 *
 * <p>Thread-safe: the state is volatile and the listener list copy-on-write. Listeners are called on the thread
 * that reports the transition.
 */
public final class ConnectionStateTracker {

    private final String endpoint;
    private final TransportMetrics metrics;
    private final List<ConnectionStateListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> firstConnection = new CompletableFuture<>();
    private volatile ConnectionState state = ConnectionState.NEW;
    private final ListenerFailureLog listenerFailures;
    /** The cause last logged at WARNING; repeats go to DEBUG. Only the transition-reporting thread writes it. */
    private volatile String lastLoggedCause;

    static final Logger LOG = System.getLogger("io.pylon4j.transport");

    /**
     * A tracker in state {@code NEW}.
     *
     * @param endpoint the endpoint text, named in every state change and in the exceptions
     * @param metrics  where a listener that throws is counted as an error
     */
    public ConnectionStateTracker(String endpoint, TransportMetrics metrics) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.listenerFailures = new ListenerFailureLog(LOG, endpoint + " connection state");
    }

    /**
     * The endpoint named in every state change.
     *
     * @return the endpoint text
     */
    public String endpoint() {
        return endpoint;
    }

    /**
     * The current state.
     *
     * @return the state of the last transition, {@code NEW} before any
     */
    public ConnectionState state() {
        return state;
    }

    /**
     * Adds a state listener.
     *
     * @param listener called with every later state change, on the thread that makes it
     * @throws NullPointerException if {@code listener} is null
     */
    public void addListener(ConnectionStateListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a state listener; nothing happens if it was not added.
     *
     * @param listener the listener to stop calling
     */
    public void removeListener(ConnectionStateListener listener) {
        listeners.remove(listener);
    }

    /**
     * A new stage that completes with the first connection, or fails when the transport gives up or is closed
     * first. Each call returns its own copy, so a caller completing it cannot affect the transport.
     *
     * @return a copy of the first-connection future
     */
    public CompletionStage<Void> firstConnection() {
        return firstConnection.copy();
    }

    /** Completes the first-connection future, if it is not completed yet; call once the link is up. */
    public void completeFirstConnection() {
        firstConnection.complete(null);
    }

    /**
     * Fails the first-connection future with {@code cause} as it is, if it is not completed yet.
     *
     * @param cause the exception the future fails with, usually from {@link #asTransportException}
     * @see #asTransportException(String, Throwable)
     */
    public void failFirstConnection(Throwable cause) {
        firstConnection.completeExceptionally(cause);
    }

    /**
     * Moves to {@code next} and tells every listener, counting a listener that throws as an error.
     *
     * @param next    the new state
     * @param cause   the fault that caused the change, or null
     * @param attempt the connect attempt this belongs to, 1 for the first
     * @param delay   the wait before the next attempt when {@code next} is {@code WAITING_TO_RECONNECT}, else
     *                {@link Duration#ZERO}
     */
    public void transition(ConnectionState next, Throwable cause, int attempt, Duration delay) {
        ConnectionState previous = state;
        state = next;
        ConnectionStateChange change = new ConnectionStateChange(endpoint, previous, next, cause, attempt, delay);
        log(change);
        fire(change);
    }

    /**
     * Moves to {@code CLOSED}: fails the first-connection future with a {@link TransportClosedException} (if it has
     * not completed) and then tells every listener.
     */
    public void closed() {
        ConnectionState previous = state;
        state = ConnectionState.CLOSED;
        firstConnection.completeExceptionally(new TransportClosedException(endpoint));
        LOG.log(Level.DEBUG, () -> endpoint + ": closed");
        fire(new ConnectionStateChange(endpoint, previous, ConnectionState.CLOSED, null, 0, Duration.ZERO));
    }

    private void fire(ConnectionStateChange change) {
        for (ConnectionStateListener listener : listeners) {
            try {
                listener.onStateChange(change);
            } catch (RuntimeException e) {
                metrics.error(); // a faulty listener must not break the state machine or kill the I/O thread
                listenerFailures.failed(listener, e);
            }
        }
    }

    /** Up at INFO; down with a new cause at WARNING, the same cause again at DEBUG (a retry loop stays quiet). */
    private void log(ConnectionStateChange change) {
        switch (change.current()) {
            case CONNECTED -> {
                lastLoggedCause = null;
                LOG.log(Level.INFO, () -> endpoint + ": link up (attempt " + change.attempt() + ")");
            }
            case WAITING_TO_RECONNECT, FAILED -> {
                String cause = change.causeText().orElse("no cause given");
                boolean repeat = cause.equals(lastLoggedCause);
                lastLoggedCause = cause;
                Level level = repeat ? Level.DEBUG : Level.WARNING;
                LOG.log(level, () -> endpoint + ": link " + (change.previous() == ConnectionState.CONNECTED
                        ? "down" : "not up") + ": " + cause + (change.current() == ConnectionState.FAILED
                        ? "; giving up after attempt " + change.attempt()
                        : "; next attempt in " + change.nextAttemptDelay().toMillis() + " ms"));
            }
            default -> LOG.log(Level.DEBUG, () -> endpoint + ": " + change.current());
        }
    }

    /**
     * {@code fault} as the transport exception the open future fails with when the reconnect policy gives up: a
     * {@link TransportException} as it is, anything else wrapped in a {@link TransportIoException} that names the
     * endpoint.
     *
     * @param endpoint the endpoint text, named in the message of a wrapping exception
     * @param fault    the last connect failure
     * @return the exception to fail the open future with
     */
    public static TransportException asTransportException(String endpoint, Throwable fault) {
        return fault instanceof TransportException te ? te
                : new TransportIoException(endpoint + ": " + fault.getMessage(), fault);
    }
}

package io.pylon4j.transport.spi;

import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ReconnectPolicy;
import io.pylon4j.transport.TransportIoException;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The one connection state machine that every transport drives: blocking transports from their thread
 * ({@link BlockingTransport}), the Netty transports from their event loop, the in-memory bus members from their
 * delivery queue. A transport reports what happened to its link as an {@link Event}; this class decides the next
 * {@link ConnectionState} by one table, counts attempts, asks the {@link ReconnectPolicy} whether and when to try
 * again, counts errors and reconnects, and announces the change through its {@link ConnectionStateTracker}. What
 * the transport still does itself is the I/O: connecting, reading, waiting the returned delay, releasing the link.
 *
 * <p>The table ({@link #next}); "retry?" is {@code WAITING_TO_RECONNECT} when the policy allows another attempt,
 * else {@code FAILED}; "—" means ignored (no change, nothing announced); "illegal" throws
 * {@link IllegalStateException}, a bug in the transport:
 *
 * <table>
 * <caption>state × event</caption>
 * <tr><th>state \ event</th><th>OPEN</th><th>CONNECTED</th><th>CONNECT_FAILED</th><th>LINK_LOST</th>
 *     <th>BACKOFF_ELAPSED</th><th>UNRECOVERABLE</th><th>CLOSE</th></tr>
 * <tr><td>NEW</td><td>CONNECTING</td><td>illegal</td><td>illegal</td><td>illegal</td><td>illegal</td>
 *     <td>FAILED</td><td>CLOSED</td></tr>
 * <tr><td>CONNECTING</td><td>—</td><td>CONNECTED</td><td>retry?</td><td>illegal</td><td>illegal</td>
 *     <td>FAILED</td><td>CLOSED</td></tr>
 * <tr><td>CONNECTED</td><td>—</td><td>illegal</td><td>illegal</td><td>retry?</td><td>illegal</td>
 *     <td>FAILED</td><td>CLOSED</td></tr>
 * <tr><td>WAITING_TO_RECONNECT</td><td>—</td><td>illegal</td><td>illegal</td><td>illegal</td>
 *     <td>CONNECTING</td><td>FAILED</td><td>CLOSED</td></tr>
 * <tr><td>FAILED</td><td>—</td><td>illegal</td><td>illegal</td><td>illegal</td><td>illegal</td><td>—</td>
 *     <td>CLOSED</td></tr>
 * <tr><td>CLOSED</td><td>—</td><td>—</td><td>—</td><td>—</td><td>—</td><td>—</td><td>—</td></tr>
 * </table>
 *
 * <p>Why {@code CLOSED} ignores everything: closing races with the link's own events (a read loop that ends because
 * {@code close()} closed its port reports {@code LINK_LOST}); once the caller closed, nothing the link does may
 * announce anything. {@code OPEN} is ignored after the first, as {@code Transport.open()} is idempotent.
 *
 * <p>Attempts: the first {@code CONNECTING} is attempt 1, every {@code BACKOFF_ELAPSED} the next; a connection
 * restarts the count at 1, so a link that drops is retried first after the policy's initial delay.
 *
 * <p>{@code CLOSE} moves the state at once (so that the link's later events are ignored) but is announced only by
 * {@link #announceClosed()}, which the transport calls once its link is released, as a listener hearing
 * {@code CLOSED} expects. Every other change is announced on the thread that fired the event, after the decision
 * was taken under this machine's lock. Thread-safe.
 */
public final class ConnectionStateMachine {

    /** What happened to a transport's link. */
    public enum Event {
        /** The first connect attempt starts ({@code open()} was called). */
        OPEN,
        /** The link is up (after the bridge's handshake, if any). */
        CONNECTED,
        /** A connect attempt failed (refused, timed out, the handshake failed). */
        CONNECT_FAILED,
        /** The link that was up ended: a read failed, the peer closed it, or nothing arrived for the idle timeout. */
        LINK_LOST,
        /** The wait before the next attempt is over; the next attempt starts. */
        BACKOFF_ELAPSED,
        /** A fault that no retry can mend (an {@link Error}, e.g. a native library that does not load). */
        UNRECOVERABLE,
        /** The caller closed the transport. */
        CLOSE
    }

    /**
     * What one event did.
     *
     * @param previous         the state before the event
     * @param current          the state after it ({@code previous} when the event was ignored)
     * @param attempt          the attempt number announced with the change (1-based)
     * @param nextAttemptDelay how long to wait before firing {@link Event#BACKOFF_ELAPSED}, when {@code current} is
     *                         {@code WAITING_TO_RECONNECT}; zero otherwise
     */
    public record Step(ConnectionState previous, ConnectionState current, int attempt, Duration nextAttemptDelay) {

        /**
         * Validates the step.
         *
         * @param previous         the state before the event
         * @param current          the state after it
         * @param attempt          the attempt number announced with the change
         * @param nextAttemptDelay the wait before the next attempt, zero unless waiting to reconnect
         * @throws NullPointerException if a state or the delay is null
         */
        public Step {
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(nextAttemptDelay, "nextAttemptDelay");
        }

        /**
         * Whether the event changed the state.
         *
         * @return false when the event was ignored
         */
        public boolean moved() {
            return previous != current;
        }
    }

    private final ConnectionStateTracker tracker;
    private final ReconnectPolicy policy;
    private final TransportMetrics metrics;
    private final RandomGenerator jitter;

    // guarded by this
    private ConnectionState state = ConnectionState.NEW;
    private int attempt;
    private boolean everConnected;

    /**
     * A machine in state {@code NEW}, with random jitter.
     *
     * @param endpoint the endpoint text, named in every state change
     * @param policy   when to try again
     * @param metrics  where errors, reconnects and faulty listeners are counted
     */
    public ConnectionStateMachine(String endpoint, ReconnectPolicy policy, TransportMetrics metrics) {
        this(endpoint, policy, metrics, new SplittableRandom());
    }

    /**
     * A machine in state {@code NEW}.
     *
     * @param endpoint the endpoint text, named in every state change
     * @param policy   when to try again
     * @param metrics  where errors, reconnects and faulty listeners are counted
     * @param jitter   the source of the policy's jitter (a seeded one in tests); used on the firing thread only
     */
    public ConnectionStateMachine(String endpoint, ReconnectPolicy policy, TransportMetrics metrics,
                                  RandomGenerator jitter) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.tracker = new ConnectionStateTracker(endpoint, metrics);
    }

    /**
     * The table: the state after {@code event} in {@code state}. Pure.
     *
     * @param state                 the current state
     * @param event                 what happened
     * @param anotherAttemptAllowed whether the reconnect policy allows another attempt (read only for
     *                              {@code CONNECT_FAILED} and {@code LINK_LOST})
     * @return the next state; {@code state} itself when the event is ignored
     * @throws IllegalStateException if the event cannot happen in {@code state} (a bug in the transport)
     */
    public static ConnectionState next(ConnectionState state, Event event, boolean anotherAttemptAllowed) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        if (state == ConnectionState.CLOSED) {
            return state;
        }
        ConnectionState retry = anotherAttemptAllowed ? ConnectionState.WAITING_TO_RECONNECT : ConnectionState.FAILED;
        ConnectionState next = switch (event) {
            case OPEN -> state == ConnectionState.NEW ? ConnectionState.CONNECTING : state;
            case CONNECTED -> state == ConnectionState.CONNECTING ? ConnectionState.CONNECTED : null;
            case CONNECT_FAILED -> state == ConnectionState.CONNECTING ? retry : null;
            case LINK_LOST -> state == ConnectionState.CONNECTED ? retry : null;
            case BACKOFF_ELAPSED -> state == ConnectionState.WAITING_TO_RECONNECT ? ConnectionState.CONNECTING : null;
            case UNRECOVERABLE -> ConnectionState.FAILED;
            case CLOSE -> ConnectionState.CLOSED;
        };
        if (next == null) {
            throw new IllegalStateException("connection event " + event + " cannot happen in state " + state);
        }
        return next;
    }

    /**
     * The observable side: listeners, the announced state and the open future.
     *
     * @return this machine's tracker
     */
    public ConnectionStateTracker tracker() {
        return tracker;
    }

    /**
     * The state decided so far; {@code CLOSED} as soon as the caller asked to close, before it is announced.
     *
     * @return the current state of the machine
     */
    public synchronized ConnectionState state() {
        return state;
    }

    /**
     * Whether the caller has closed the transport ({@link Event#CLOSE} was fired).
     *
     * @return true once closed
     */
    public synchronized boolean isClosed() {
        return state == ConnectionState.CLOSED;
    }

    /**
     * Reports {@code event}, announces the change (except {@code CLOSED}, see {@link #announceClosed()}), and
     * completes or fails the open future when the first connection succeeds or the policy gives up.
     *
     * @param event what happened
     * @param cause why the link is down, for {@code CONNECT_FAILED}, {@code LINK_LOST} and {@code UNRECOVERABLE};
     *              null otherwise
     * @return what the event did; {@link Step#moved()} is false when it was ignored
     * @throws IllegalStateException if the event cannot happen in the current state (a bug in the transport)
     */
    public Step fire(Event event, Throwable cause) {
        Step step;
        synchronized (this) {
            ConnectionState from = state;
            boolean failure = event == Event.CONNECT_FAILED || event == Event.LINK_LOST;
            boolean allowed = failure && policy.allowsAttempt(attempt + 1);
            ConnectionState to = next(from, event, allowed);
            if (to == from) {
                return new Step(from, from, attempt, Duration.ZERO);
            }
            Duration delay = Duration.ZERO;
            switch (event) {
                case OPEN, BACKOFF_ELAPSED -> attempt++;
                case CONNECTED -> {
                    if (everConnected) {
                        metrics.reconnect();
                    }
                    everConnected = true;
                }
                case CONNECT_FAILED, LINK_LOST -> {
                    metrics.error();
                    if (to == ConnectionState.WAITING_TO_RECONNECT) {
                        delay = policy.delayBefore(attempt + 1, jitter);
                    }
                }
                case UNRECOVERABLE -> metrics.error();
                case CLOSE -> { }
            }
            state = to;
            step = new Step(from, to, attempt, delay);
            if (event == Event.CONNECTED) {
                attempt = 1; // announced with the attempt that succeeded; the next drop counts from here
            }
        }
        announce(step, event, cause);
        return step;
    }

    private void announce(Step step, Event event, Throwable cause) {
        if (step.current() == ConnectionState.CLOSED) {
            return;
        }
        tracker.transition(step.current(), cause, step.attempt(), step.nextAttemptDelay());
        if (step.current() == ConnectionState.CONNECTED) {
            tracker.completeFirstConnection();
        } else if (step.current() == ConnectionState.FAILED) {
            Throwable fault = cause != null ? cause
                    : new TransportIoException(tracker.endpoint() + ": the link failed (no cause given)");
            tracker.failFirstConnection(event == Event.UNRECOVERABLE ? fault
                    : ConnectionStateTracker.asTransportException(tracker.endpoint(), fault));
        }
    }

    /**
     * Announces {@code CLOSED} (fails the open future if it is still pending, tells every listener); call once,
     * after {@link Event#CLOSE} and after the link was released.
     *
     * @throws IllegalStateException if {@link Event#CLOSE} was not fired first
     */
    public void announceClosed() {
        if (!isClosed()) {
            throw new IllegalStateException("announceClosed() before Event.CLOSE");
        }
        tracker.closed();
    }
}

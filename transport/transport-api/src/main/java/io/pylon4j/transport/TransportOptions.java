package io.pylon4j.transport;

import io.pylon4j.transport.time.Scheduler;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings every transport understands. Immutable; start from {@link #defaults()} and change with the
 * {@code with…} methods.
 *
 * @param reconnectPolicy  when to retry a failed or dropped link
 * @param connectTimeout   how long one connect attempt may take
 * @param readIdleTimeout  a link that delivers nothing for this long is treated as dropped and reconnected;
 *                         {@link Duration#ZERO} disables the check (the default: a quiet bus is not a fault at
 *                         this layer — the driver's supervision decides that)
 * @param threadNamePrefix prefix of the names of the threads a transport starts, so that a thread dump says who
 *                         owns them
 * @param reconnectTimer   where the wait before a reconnect attempt is timed; null (the default) for the
 *                         transport's own timer (its thread, or its event loop), on the monotonic clock. A test
 *                         gives a {@code ManualScheduler} ({@code pylon4j-testing}) to move through the backoff
 *                         without waiting
 */
public record TransportOptions(ReconnectPolicy reconnectPolicy, Duration connectTimeout, Duration readIdleTimeout,
                               String threadNamePrefix, Scheduler reconnectTimer) {

    /**
     * Options that time reconnects on the transport's own timer.
     *
     * @param reconnectPolicy  when to retry a failed or dropped link
     * @param connectTimeout   how long one connect attempt may take, positive
     * @param readIdleTimeout  how long a silent link is kept, {@link Duration#ZERO} for ever
     * @param threadNamePrefix prefix of the names of the threads a transport starts
     */
    public TransportOptions(ReconnectPolicy reconnectPolicy, Duration connectTimeout, Duration readIdleTimeout,
                            String threadNamePrefix) {
        this(reconnectPolicy, connectTimeout, readIdleTimeout, threadNamePrefix, null);
    }

    /**
     * Checks the options.
     *
     * @param reconnectPolicy  when to retry a failed or dropped link, not null
     * @param connectTimeout   how long one connect attempt may take, positive
     * @param readIdleTimeout  how long a silent link is kept, {@link Duration#ZERO} for ever; not negative
     * @param threadNamePrefix prefix of the names of the threads a transport starts, not null
     * @param reconnectTimer   where reconnect waits are timed, null for the transport's own timer
     * @throws IllegalArgumentException if a timeout is out of range
     */
    public TransportOptions {
        Objects.requireNonNull(reconnectPolicy, "reconnectPolicy");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readIdleTimeout, "readIdleTimeout");
        Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
        if (readIdleTimeout.isNegative()) {
            throw new IllegalArgumentException("readIdleTimeout must not be negative: " + readIdleTimeout);
        }
    }

    /**
     * Default reconnect policy, 5 s connect timeout, no idle check, threads named {@code pylon4j-…}.
     *
     * @return the options a transport gets when the caller gives none
     */
    public static TransportOptions defaults() {
        return new TransportOptions(ReconnectPolicy.DEFAULT, Duration.ofSeconds(5), Duration.ZERO, "pylon4j");
    }

    /**
     * These options with another reconnect policy.
     *
     * @param policy when to retry a failed or dropped link, not null
     * @return a copy with only the policy changed
     */
    public TransportOptions withReconnectPolicy(ReconnectPolicy policy) {
        return new TransportOptions(policy, connectTimeout, readIdleTimeout, threadNamePrefix, reconnectTimer);
    }

    /**
     * These options with another connect timeout.
     *
     * @param timeout how long one connect attempt may take, positive
     * @return a copy with only the connect timeout changed
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public TransportOptions withConnectTimeout(Duration timeout) {
        return new TransportOptions(reconnectPolicy, timeout, readIdleTimeout, threadNamePrefix, reconnectTimer);
    }

    /**
     * These options with another read-idle timeout.
     *
     * @param timeout how long a link may deliver nothing before it is reconnected, {@link Duration#ZERO} for ever
     * @return a copy with only the read-idle timeout changed
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public TransportOptions withReadIdleTimeout(Duration timeout) {
        return new TransportOptions(reconnectPolicy, connectTimeout, timeout, threadNamePrefix, reconnectTimer);
    }

    /**
     * These options with another thread-name prefix.
     *
     * @param prefix what the names of the transport's threads start with, so that a thread dump says who owns them
     * @return a copy with only the prefix changed
     */
    public TransportOptions withThreadNamePrefix(String prefix) {
        return new TransportOptions(reconnectPolicy, connectTimeout, readIdleTimeout, prefix, reconnectTimer);
    }

    /**
     * These options with reconnects timed on {@code timer} instead of the transport's own timer.
     *
     * @param timer where the wait before each reconnect attempt runs; null for the transport's own timer
     * @return the new options
     */
    public TransportOptions withReconnectTimer(Scheduler timer) {
        return new TransportOptions(reconnectPolicy, connectTimeout, readIdleTimeout, threadNamePrefix, timer);
    }
}

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

    /** Default reconnect policy, 5 s connect timeout, no idle check, threads named {@code pylon4j-…}. */
    public static TransportOptions defaults() {
        return new TransportOptions(ReconnectPolicy.DEFAULT, Duration.ofSeconds(5), Duration.ZERO, "pylon4j");
    }

    public TransportOptions withReconnectPolicy(ReconnectPolicy policy) {
        return new TransportOptions(policy, connectTimeout, readIdleTimeout, threadNamePrefix, reconnectTimer);
    }

    public TransportOptions withConnectTimeout(Duration timeout) {
        return new TransportOptions(reconnectPolicy, timeout, readIdleTimeout, threadNamePrefix, reconnectTimer);
    }

    public TransportOptions withReadIdleTimeout(Duration timeout) {
        return new TransportOptions(reconnectPolicy, connectTimeout, timeout, threadNamePrefix, reconnectTimer);
    }

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

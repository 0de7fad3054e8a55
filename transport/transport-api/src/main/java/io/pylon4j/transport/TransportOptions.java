package io.pylon4j.transport;

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
 */
public record TransportOptions(ReconnectPolicy reconnectPolicy, Duration connectTimeout, Duration readIdleTimeout,
                               String threadNamePrefix) {

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
        return new TransportOptions(policy, connectTimeout, readIdleTimeout, threadNamePrefix);
    }

    public TransportOptions withConnectTimeout(Duration timeout) {
        return new TransportOptions(reconnectPolicy, timeout, readIdleTimeout, threadNamePrefix);
    }

    public TransportOptions withReadIdleTimeout(Duration timeout) {
        return new TransportOptions(reconnectPolicy, connectTimeout, timeout, threadNamePrefix);
    }

    public TransportOptions withThreadNamePrefix(String prefix) {
        return new TransportOptions(reconnectPolicy, connectTimeout, readIdleTimeout, prefix);
    }
}

package io.pylon4j.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One transition of a transport's {@link ConnectionState}, with why it happened.
 *
 * @param endpoint         the transport's endpoint string
 * @param previous         the state before
 * @param current          the state now
 * @param cause            the fault that caused it, when there was one ({@code null} otherwise)
 * @param attempt          the connect attempt this belongs to, 1 for the first
 * @param nextAttemptDelay when {@code current} is {@link ConnectionState#WAITING_TO_RECONNECT}, the wait before the
 *                         next attempt; {@link Duration#ZERO} otherwise
 */
public record ConnectionStateChange(String endpoint, ConnectionState previous, ConnectionState current,
                                    Throwable cause, int attempt, Duration nextAttemptDelay) {

    /**
     * Checks that the endpoint, the states and the delay are present.
     *
     * @param endpoint         the transport's endpoint string
     * @param previous         the state before the change
     * @param current          the state after the change
     * @param cause            the fault that caused the change, or null
     * @param attempt          the connect attempt this belongs to, 1 for the first
     * @param nextAttemptDelay the wait before the next attempt, {@link Duration#ZERO} unless waiting to reconnect
     */
    public ConnectionStateChange {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(nextAttemptDelay, "nextAttemptDelay");
    }

    /**
     * The fault that caused this change, if any.
     *
     * @return the {@code cause} component, or empty for a change no fault caused
     */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(cause);
    }

    /**
     * The cause as a short phrase an installer can act on ("connection refused by 127.0.0.1:1", "no such device
     * /dev/ttyUSB9"), if there was a fault; see {@link LinkFailures#describe(String, Throwable)}.
     *
     * @return the phrase, or empty for a change no fault caused
     */
    public Optional<String> causeText() {
        return cause == null ? Optional.empty() : Optional.of(LinkFailures.describe(endpoint, cause));
    }
}

package io.pylon4j.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When to try again after a connection fails: bounded exponential backoff with jitter. Every transport uses it, so
 * a bank that vanishes is retried the same way whatever the link.
 *
 * <p>The delay before attempt {@code n} (n ≥ 2; the first attempt is immediate) is
 * {@code min(maxDelay, initialDelay × multiplier^(n−2))}, then spread by ± {@code jitter} (a fraction, 0 to 1) so
 * that a fleet of clients does not reconnect in lockstep.
 *
 * @param initialDelay the delay before the second attempt, positive
 * @param maxDelay     the largest delay, at least {@code initialDelay}
 * @param multiplier   growth per attempt, at least 1
 * @param jitter       the fraction of random spread, 0 to 1
 * @param maxAttempts  attempts before giving up (state {@link ConnectionState#FAILED}); 0 means never give up
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, double multiplier, double jitter,
                              int maxAttempts) {

    /** 0.5 s doubling to at most 30 s, ± 20 %, never giving up: right for a battery that must come back. */
    public static final ReconnectPolicy DEFAULT =
            new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.2, 0);

    /** One attempt only: fail at once (for command-line tools and tests). */
    public static final ReconnectPolicy NO_RETRY =
            new ReconnectPolicy(Duration.ofMillis(1), Duration.ofMillis(1), 1.0, 0.0, 1);

    /**
     * Checks the policy.
     *
     * @param initialDelay the delay before the second attempt, positive
     * @param maxDelay     the largest delay, at least {@code initialDelay}
     * @param multiplier   growth per attempt, at least 1 and finite
     * @param jitter       the fraction of random spread, 0 to 1
     * @param maxAttempts  attempts before giving up, 0 for never
     * @throws IllegalArgumentException if a value is out of its range
     */
    public ReconnectPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("initialDelay must be positive: " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " is shorter than initialDelay " + initialDelay);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must not be negative: " + maxAttempts);
        }
    }

    /**
     * Whether attempt number {@code attempt} (1-based) may be made.
     *
     * @param attempt the attempt's number, 1 for the first connect
     * @return true if {@code maxAttempts} is 0 (never give up) or at least {@code attempt}
     */
    public boolean allowsAttempt(int attempt) {
        return maxAttempts == 0 || attempt <= maxAttempts;
    }

    /**
     * The wait before attempt number {@code attempt} (1-based; the first attempt waits nothing).
     *
     * @param attempt the attempt's number, 1 for the first connect
     * @param random  the source of jitter (inject a seeded one in tests)
     * @return the wait, {@link Duration#ZERO} for the first attempt
     */
    public Duration delayBefore(int attempt, RandomGenerator random) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        double base = initialDelay.toNanos() * Math.pow(multiplier, attempt - 2);
        double capped = Math.min(base, (double) maxDelay.toNanos());
        double spread = jitter == 0.0 ? 0.0 : (random.nextDouble() * 2.0 - 1.0) * jitter * capped;
        long nanos = (long) Math.max(1.0, Math.min(capped + spread, (double) maxDelay.toNanos()));
        return Duration.ofNanos(nanos);
    }
}

package io.pylon4j.driver;

import java.time.Duration;
import java.util.Objects;

/** The checks of an {@link InverterProfile}'s compact constructor: each names the field it rejects and why. */
final class InverterProfileChecks {

    private InverterProfileChecks() {
    }

    /** Throws if a field is missing or out of range (see {@link InverterProfile}'s constructor). */
    static void check(String name, Duration keepAliveInterval, Duration staleTimeout, Duration lostTimeout,
                      Duration rs485PollInterval, Duration rs485ResponseTimeout, int rs485Retries,
                      FailSafePolicy failSafe) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        Objects.requireNonNull(staleTimeout, "staleTimeout");
        Objects.requireNonNull(lostTimeout, "lostTimeout");
        Objects.requireNonNull(rs485PollInterval, "rs485PollInterval");
        Objects.requireNonNull(rs485ResponseTimeout, "rs485ResponseTimeout");
        Objects.requireNonNull(failSafe, "failSafe");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (keepAliveInterval.isNegative()) {
            throw new IllegalArgumentException("keepAliveInterval must not be negative: " + keepAliveInterval);
        }
        requirePositive("staleTimeout", staleTimeout);
        requirePositive("rs485PollInterval", rs485PollInterval);
        requirePositive("rs485ResponseTimeout", rs485ResponseTimeout);
        if (lostTimeout.compareTo(staleTimeout) < 0) {
            throw new IllegalArgumentException(
                    "lostTimeout " + lostTimeout + " is shorter than staleTimeout " + staleTimeout);
        }
        if (rs485Retries < 0) {
            throw new IllegalArgumentException("rs485Retries must not be negative: " + rs485Retries);
        }
    }

    private static void requirePositive(String field, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive: " + value);
        }
    }
}

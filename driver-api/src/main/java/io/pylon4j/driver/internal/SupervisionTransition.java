package io.pylon4j.driver.internal;

import io.pylon4j.driver.SupervisionState;
import java.time.Instant;
import java.util.Objects;

/**
 * One transition of a bank's {@link Supervisor}: published as a
 * {@link io.pylon4j.driver.BankEvent.SupervisionStateChanged}.
 *
 * @param previous the state before
 * @param current  the state after
 * @param reason   why, in words (mentions the age of the newest limits where it matters)
 * @param at       when, on the wall clock (for display)
 */
public record SupervisionTransition(SupervisionState previous, SupervisionState current, String reason, Instant at) {
    /**
     * A transition; every component is required.
     *
     * @param previous the state before
     * @param current  the state after
     * @param reason   why, in words (mentions the age of the newest limits where it matters)
     * @param at       when, on the wall clock (for display)
     * @throws NullPointerException if a component is null
     */
    public SupervisionTransition {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}

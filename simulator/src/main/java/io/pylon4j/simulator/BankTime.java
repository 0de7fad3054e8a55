package io.pylon4j.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * A simulated bank's time and its load profile: how far simulated time has come from the start, and how a long
 * advance is cut into integration steps, each at most the bank's integration step and never across a change of the
 * profile (so that the current is constant within a step). Not thread-safe: {@link SimulatedBank} holds its lock.
 */
final class BankTime {

    /** One integration step: the bank's current over it and its length. */
    @FunctionalInterface
    interface Step {
        /**
         * Integrates one step.
         *
         * @param bankAmps the bank's total current over the step, A, positive = charge
         * @param nanos    the step's length, ns
         */
        void run(double bankAmps, long nanos);
    }

    private final Instant start;
    private final long maxStepNanos;
    private LoadProfile profile;
    private long profileStartNanos;
    private long elapsedNanos;

    BankTime(Instant start, Duration maxStep, LoadProfile profile) {
        this.start = start;
        this.maxStepNanos = maxStep.toNanos();
        this.profile = profile;
    }

    /** The simulated time now. */
    Instant now() {
        return start.plusNanos(elapsedNanos);
    }

    /** Replaces the load profile; its time starts now. */
    void profile(LoadProfile loadProfile) {
        profile = loadProfile;
        profileStartNanos = elapsedNanos;
    }

    /** Lets {@code nanos} of simulated time pass, in steps: each runs {@code step}, then the clock moves by it. */
    void advance(long nanos, Step step) {
        long remaining = nanos;
        while (remaining > 0) {
            long sinceProfile = elapsedNanos - profileStartNanos;
            long length = Math.min(remaining, maxStepNanos);
            Duration at = Duration.ofNanos(sinceProfile);
            var next = profile.nextChangeAfter(at);
            if (next.isPresent() && next.get().toNanos() > sinceProfile) {
                length = Math.min(length, next.get().toNanos() - sinceProfile);
            }
            step.run(profile.currentAt(at), length);
            elapsedNanos += length;
            remaining -= length;
        }
    }
}

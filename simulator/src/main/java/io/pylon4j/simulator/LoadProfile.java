package io.pylon4j.simulator;

import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The bank's total current over time: what the inverter draws from or pushes into the bank. Positive = charge,
 * negative = discharge (the RS485 document's convention; docs/protocol.md §1.2, 0x356). The bank splits it evenly over the
 * modules online.
 *
 * <p>Every profile is piecewise constant; time counts from the moment the profile was given to the bank. Three kinds:
 * {@link Constant}, {@link Steps} (a list of durations and currents, optionally repeating) and {@link Samples}
 * (time/current rows, usually read from CSV with {@link #csv(Reader)}).
 */
public sealed interface LoadProfile permits LoadProfile.Constant, LoadProfile.Steps, LoadProfile.Samples {

    /**
     * {@return the current, in amperes, at {@code sinceStart} (not negative) after the profile started}
     *
     * @param sinceStart the time since the profile was given to the bank
     */
    double currentAt(Duration sinceStart);

    /**
     * {@return the first moment strictly after {@code sinceStart} at which the current may change, or empty if it never
     * changes again} The bank never integrates across such a moment in one step.
     *
     * @param sinceStart the time since the profile was given to the bank
     */
    Optional<Duration> nextChangeAfter(Duration sinceStart);

    /**
     * {@return a constant current}
     *
     * @param amps the current, A, positive = charge
     */
    static Constant constant(double amps) {
        return new Constant(amps);
    }

    /**
     * {@return one pass through {@code steps}, then 0 A}
     *
     * @param steps the durations and currents, in order
     */
    static Steps steps(List<Step> steps) {
        return new Steps(steps, false);
    }

    /**
     * {@code steps} over and over (for example a daily cycle).
     *
     * @param steps the durations and currents of one pass, in order
     * @return the profile, repeating for ever
     */
    static Steps repeating(List<Step> steps) {
        return new Steps(steps, true);
    }

    /**
     * {@return one step: {@code amps} for {@code duration}}
     *
     * @param duration how long the current holds, positive
     * @param amps     the current, A, positive = charge
     */
    static Step step(Duration duration, double amps) {
        return new Step(duration, amps);
    }

    /**
     * Reads a profile from CSV text: one row per line, {@code time seconds, current amps}, for example
     * {@code 0,-37} then {@code 1800,12.5}. Times are decimal seconds from the profile's start, strictly increasing;
     * each current holds until the next row's time and the last one for ever (0 A before the first row). Blank lines
     * and lines starting with {@code #} are skipped; the first row may be a header whose two fields are both not
     * numbers (such as {@code time_s,current_a}).
     *
     * @param reader the CSV text; read to its end, not closed
     * @return the profile the rows describe
     * @throws LoadProfileFormatException naming the line, if a row is malformed or there is no data row
     * @throws IOException                if reading fails
     */
    static Samples csv(Reader reader) throws IOException {
        return LoadProfileCsv.read(reader);
    }

    private static void checkAmps(double amps) {
        if (!Double.isFinite(amps)) {
            throw new IllegalArgumentException("current must be a finite number of amperes: " + amps);
        }
    }

    /**
     * The same current for ever.
     *
     * @param amps the current, positive = charge
     */
    record Constant(double amps) implements LoadProfile {

        /**
         * Checks the fields.
         *
         * @param amps the current, positive = charge
         *
         * @throws IllegalArgumentException if {@code amps} is not finite
         */
        public Constant {
            checkAmps(amps);
        }

        @Override
        public double currentAt(Duration sinceStart) {
            return amps;
        }

        @Override
        public Optional<Duration> nextChangeAfter(Duration sinceStart) {
            return Optional.empty();
        }
    }

    /**
     * One step of a {@link Steps} profile.
     *
     * @param duration how long the step lasts, positive
     * @param amps     the current, positive = charge
     */
    record Step(Duration duration, double amps) {

        /**
         * Checks the fields.
         *
         * @param duration how long the step lasts, positive
         * @param amps     the current, positive = charge
         *
         * @throws IllegalArgumentException if the duration is not positive or the current not finite
         */
        public Step {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("a step's duration must be positive: " + duration);
            }
            checkAmps(amps);
        }
    }

    /**
     * Currents for given durations, one after the other; afterwards 0 A, or the whole list again if
     * {@code repeat}.
     *
     * @param steps  the steps, at least one
     * @param repeat whether to start over after the last step
     */
    record Steps(List<Step> steps, boolean repeat) implements LoadProfile {

        /**
         * Checks the fields.
         *
         * @param steps  the steps, at least one
         * @param repeat whether to start over after the last step
         *
         * @throws IllegalArgumentException if there are no steps
         */
        public Steps {
            steps = Immutables.list(steps, "steps");
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("a steps profile needs at least one step");
            }
            long total = 0;
            for (Step s : steps) {
                try {
                    total = Math.addExact(total, s.duration().toNanos());
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException("a steps profile must be shorter than 292 years");
                }
            }
        }

        /** {@return the length of one pass through the steps} */
        public Duration totalDuration() {
            long total = 0;
            for (Step s : steps) {
                total += s.duration().toNanos();
            }
            return Duration.ofNanos(total);
        }

        @Override
        public double currentAt(Duration sinceStart) {
            long t = position(sinceStart);
            if (t < 0) {
                return 0.0;
            }
            long end = 0;
            for (Step s : steps) {
                end += s.duration().toNanos();
                if (t < end) {
                    return s.amps();
                }
            }
            return 0.0; // unreachable: position() is below the total
        }

        @Override
        public Optional<Duration> nextChangeAfter(Duration sinceStart) {
            long t = position(sinceStart);
            if (t < 0) {
                return Optional.empty();
            }
            long end = 0;
            for (Step s : steps) {
                end += s.duration().toNanos();
                if (t < end) {
                    return Optional.of(sinceStart.plusNanos(end - t));
                }
            }
            return Optional.empty();
        }

        /** The position within one pass, or −1 past the end of a non-repeating profile. */
        private long position(Duration sinceStart) {
            long t = sinceStart.toNanos();
            long total = totalDuration().toNanos();
            if (repeat) {
                return t % total;
            }
            return t < total ? t : -1;
        }
    }

    /**
     * One row of a {@link Samples} profile.
     *
     * @param time the time since the profile started, not negative
     * @param amps the current from this time on, positive = charge
     */
    record Sample(Duration time, double amps) {

        /**
         * Checks the fields.
         *
         * @param time the time since the profile started, not negative
         * @param amps the current from this time on, positive = charge
         *
         * @throws IllegalArgumentException if the time is negative or the current not finite
         */
        public Sample {
            Objects.requireNonNull(time, "time");
            if (time.isNegative()) {
                throw new IllegalArgumentException("a sample's time must not be negative: " + time);
            }
            checkAmps(amps);
        }
    }

    /**
     * Time/current rows (step-hold): each current holds from its time until the next row's, the last for ever;
     * before the first row the current is 0 A.
     *
     * @param samples the rows, at least one, times strictly increasing
     */
    record Samples(List<Sample> samples) implements LoadProfile {

        /**
         * Checks the fields.
         *
         * @param samples the rows, at least one, times strictly increasing
         *
         * @throws IllegalArgumentException if there are no rows or the times do not increase
         */
        public Samples {
            samples = Immutables.list(samples, "samples");
            if (samples.isEmpty()) {
                throw new IllegalArgumentException("a samples profile needs at least one sample");
            }
            for (int i = 1; i < samples.size(); i++) {
                if (samples.get(i).time().compareTo(samples.get(i - 1).time()) <= 0) {
                    throw new IllegalArgumentException("sample times must increase: sample " + i + " at "
                            + samples.get(i).time() + " is not after " + samples.get(i - 1).time());
                }
            }
        }

        @Override
        public double currentAt(Duration sinceStart) {
            int i = lastAtOrBefore(sinceStart);
            return i < 0 ? 0.0 : samples.get(i).amps();
        }

        @Override
        public Optional<Duration> nextChangeAfter(Duration sinceStart) {
            int next = lastAtOrBefore(sinceStart) + 1;
            return next < samples.size() ? Optional.of(samples.get(next).time()) : Optional.empty();
        }

        private int lastAtOrBefore(Duration t) {
            int lo = 0;
            int hi = samples.size() - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (samples.get(mid).time().compareTo(t) <= 0) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }
    }
}

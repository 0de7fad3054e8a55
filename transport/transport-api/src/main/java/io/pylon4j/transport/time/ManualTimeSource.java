package io.pylon4j.transport.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link TimeSource} that moves only when told to, for tests and simulations. {@link #advance} moves both readings;
 * {@link #stepWallClock} moves the wall clock alone, as an NTP correction does, leaving the monotonic time (and so
 * every age and timeout) where it was. Thread-safe.
 */
public final class ManualTimeSource implements TimeSource {

    private long nanos;
    private Instant wall;

    /**
     * A source at {@code wallStart}, with its monotonic reading at an arbitrary origin.
     *
     * @param wallStart the wall-clock reading until time is advanced or the clock stepped
     */
    public ManualTimeSource(Instant wallStart) {
        this(1_000_000_000_000L, wallStart);
    }

    /**
     * A source at the given readings.
     *
     * @param startNanos the first monotonic reading, in nanoseconds
     * @param wallStart  the first wall-clock reading
     */
    public ManualTimeSource(long startNanos, Instant wallStart) {
        this.nanos = startNanos;
        this.wall = Objects.requireNonNull(wallStart, "wallStart");
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized Instant wallTime() {
        return wall;
    }

    @Override
    public synchronized Moment now() {
        return new Moment(nanos, wall);
    }

    /**
     * Lets {@code d} pass (not negative): both readings move by it. Returns the new moment.
     *
     * @param d how much time passes, zero or more
     * @return the readings after the advance
     * @throws IllegalArgumentException if {@code d} is negative
     */
    public synchronized Moment advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time does not go back: " + d);
        }
        nanos += d.toNanos();
        wall = wall.plus(d);
        return now();
    }

    /**
     * Steps the wall clock by {@code d} (negative steps it back) without any time passing.
     *
     * @param d how far the wall clock jumps, forward or (negative) back; the monotonic reading stays
     */
    public synchronized void stepWallClock(Duration d) {
        wall = wall.plus(d);
    }

    @Override
    public synchronized String toString() {
        return "ManualTimeSource[" + nanos + " ns, " + wall + "]";
    }
}

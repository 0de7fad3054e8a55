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

    /** A source at {@code wallStart}, with its monotonic reading at an arbitrary origin. */
    public ManualTimeSource(Instant wallStart) {
        this(1_000_000_000_000L, wallStart);
    }

    /** A source at the given readings. */
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

    /** Lets {@code d} pass (not negative): both readings move by it. Returns the new moment. */
    public synchronized Moment advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time does not go back: " + d);
        }
        nanos += d.toNanos();
        wall = wall.plus(d);
        return now();
    }

    /** Steps the wall clock by {@code d} (negative steps it back) without any time passing. */
    public synchronized void stepWallClock(Duration d) {
        wall = wall.plus(d);
    }

    @Override
    public synchronized String toString() {
        return "ManualTimeSource[" + nanos + " ns, " + wall + "]";
    }
}

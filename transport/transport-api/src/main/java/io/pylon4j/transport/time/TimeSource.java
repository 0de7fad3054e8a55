package io.pylon4j.transport.time;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a component reads the time: {@link #nanoTime()} for every age, timeout and ordering decision, and
 * {@link #wallTime()} only for display. Implementations are thread-safe.
 */
public interface TimeSource {

    /**
     * A monotonic count of nanoseconds from an arbitrary origin, like {@link System#nanoTime()}: only differences
     * between two readings of the same source mean anything, and they are never negative (compare with
     * {@code a - b < 0}, not {@code a < b}, so that a wrap-around cannot invert an order).
     *
     * @return the current monotonic reading in nanoseconds
     */
    long nanoTime();

    /**
     * The wall-clock time, for display only: it may jump back or forward at any moment.
     *
     * @return the current wall-clock instant (UTC)
     */
    Instant wallTime();

    /**
     * Both readings at once.
     *
     * @return a moment holding a monotonic and a wall-clock reading taken together
     */
    default Moment now() {
        return new Moment(nanoTime(), wallTime());
    }

    /**
     * {@link System#nanoTime()} and the system UTC clock.
     *
     * @return the source for production use; thread-safe, so one may serve every component
     */
    static TimeSource system() {
        return withWallClock(Clock.systemUTC());
    }

    /**
     * {@link System#nanoTime()} for ages and timeouts, {@code wallClock} for display only: a clock given here cannot
     * make a silent bank look fresh, whatever it does.
     *
     * @param wallClock the clock whose instants are shown (a zone-shifted or fixed one, for instance)
     * @return a source whose ages and timeouts still run on the JVM's monotonic clock
     */
    static TimeSource withWallClock(Clock wallClock) {
        Objects.requireNonNull(wallClock, "wallClock");
        return new TimeSource() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Instant wallTime() {
                return wallClock.instant();
            }

            @Override
            public String toString() {
                return "TimeSource[System.nanoTime, " + wallClock + "]";
            }
        };
    }
}

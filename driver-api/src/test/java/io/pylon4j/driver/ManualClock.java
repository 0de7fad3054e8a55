package io.pylon4j.driver;

import io.pylon4j.transport.time.ManualTimeSource;
import io.pylon4j.transport.time.Moment;
import io.pylon4j.transport.time.TimeSource;
import java.time.Duration;
import java.time.Instant;

/**
 * A time source that moves only when a test says so. Until its wall clock is stepped, its monotonic reading is the
 * wall clock's nanoseconds since the epoch, so an {@code Instant} it returned and the {@link Moment} of the same time
 * ({@link Moment#ofInstant}) are the same moment to a model or supervisor.
 */
public final class ManualClock implements TimeSource {

    public static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    private final ManualTimeSource time;

    public ManualClock() {
        this(T0);
    }

    public ManualClock(Instant start) {
        this.time = new ManualTimeSource(Moment.ofInstant(start).nanos(), start);
    }

    /** Moves time forward (both clocks) and returns the new wall-clock now. */
    public Instant advance(Duration d) {
        return time.advance(d).wall();
    }

    public Instant advanceMillis(long millis) {
        return advance(Duration.ofMillis(millis));
    }

    /** Steps the wall clock alone (an NTP correction): no time passes. */
    public void stepWallClock(Duration d) {
        time.stepWallClock(d);
    }

    /** The time source this clock reads, for a {@code ManualScheduler} that moves it. */
    public ManualTimeSource source() {
        return time;
    }

    /** The wall-clock now. */
    public Instant instant() {
        return time.wallTime();
    }

    @Override
    public long nanoTime() {
        return time.nanoTime();
    }

    @Override
    public Instant wallTime() {
        return time.wallTime();
    }

    @Override
    public Moment now() {
        return time.now();
    }
}

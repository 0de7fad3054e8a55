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
final class ManualClock implements TimeSource {

    static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    private final ManualTimeSource time;

    ManualClock() {
        this(T0);
    }

    ManualClock(Instant start) {
        this.time = new ManualTimeSource(Moment.ofInstant(start).nanos(), start);
    }

    /** Moves time forward (both clocks) and returns the new wall-clock now. */
    Instant advance(Duration d) {
        return time.advance(d).wall();
    }

    Instant advanceMillis(long millis) {
        return advance(Duration.ofMillis(millis));
    }

    /** Steps the wall clock alone (an NTP correction): no time passes. */
    void stepWallClock(Duration d) {
        time.stepWallClock(d);
    }

    /** The time source this clock reads, for a {@code ManualScheduler} that moves it. */
    ManualTimeSource source() {
        return time;
    }

    /** The wall-clock now. */
    Instant instant() {
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

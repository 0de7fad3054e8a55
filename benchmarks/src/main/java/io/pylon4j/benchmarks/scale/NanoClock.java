package io.pylon4j.benchmarks.scale;

import io.pylon4j.transport.time.TimeSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that reads {@link System#nanoTime()}: its instants are the wall time at creation plus the monotonic
 * nanoseconds since, so an instant the driver stamps on an event ({@code BankEvent.at()}) converts back exactly to
 * the {@code nanoTime} at which the driver applied the frame ({@link #nanoTimeOf}). The scale benchmark uses it to
 * pair each event with the frame that caused it. As the drivers' {@link TimeSource} its monotonic reading is
 * {@link System#nanoTime()} itself. Immutable.
 */
final class NanoClock extends Clock implements TimeSource {

    private final Instant origin;
    private final long originNanos;

    NanoClock() {
        this(Instant.now(), System.nanoTime());
    }

    private NanoClock(Instant origin, long originNanos) {
        this.origin = origin;
        this.originNanos = originNanos;
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(System.nanoTime() - originNanos);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Instant wallTime() {
        return instant();
    }

    /** The {@link System#nanoTime()} at which {@link #instant()} returned {@code instant}. */
    long nanoTimeOf(Instant instant) {
        long seconds = instant.getEpochSecond() - origin.getEpochSecond();
        return originNanos + seconds * 1_000_000_000L + (instant.getNano() - origin.getNano());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("a NanoClock is UTC only: " + zone);
    }
}

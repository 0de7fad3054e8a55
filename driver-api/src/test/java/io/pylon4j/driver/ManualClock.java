package io.pylon4j.driver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when a test says so. */
final class ManualClock extends Clock {

    static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    private Instant now;

    ManualClock() {
        this(T0);
    }

    ManualClock(Instant start) {
        this.now = start;
    }

    /** Moves time forward and returns the new now. */
    Instant advance(Duration d) {
        now = now.plus(d);
        return now;
    }

    Instant advanceMillis(long millis) {
        return advance(Duration.ofMillis(millis));
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}

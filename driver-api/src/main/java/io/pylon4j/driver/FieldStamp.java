package io.pylon4j.driver;

import io.pylon4j.transport.time.Moment;
import java.util.Objects;
import java.time.Instant;

/**
 * When a field of a {@link BankStatus} last received a value, and from which link.
 *
 * @param at       when the value was observed, on the wall clock (for display)
 * @param source   the link it came from
 * @param atNanos  when the value was observed, on the driver's monotonic scale ({@link Moment#nanos()}): what ages
 *                 and "newest wins" are computed from
 */
public record FieldStamp(Instant at, Source source, long atNanos) {
    /**
     * Checks the references.
     *
     * @param at      when the value was observed, wall clock
     * @param source  the link it came from
     * @param atNanos when the value was observed, monotonic nanoseconds ({@link Moment#nanos()})
     */
    public FieldStamp {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
    }

    /**
     * A stamp at {@code at}.
     *
     * @param at     the moment the value was observed, from the driver's time source
     * @param source the link it came from
     */
    public FieldStamp(Moment at, Source source) {
        this(at.wall(), source, at.nanos());
    }

    /**
     * A stamp at {@link Moment#ofInstant at} (replays and tests).
     *
     * @param at     when the value was observed, wall clock; also its monotonic reading, as nanoseconds since the epoch
     * @param source the link it came from
     */
    public FieldStamp(Instant at, Source source) {
        this(Moment.ofInstant(at), source);
    }

    /**
     * The observation as a {@link Moment}.
     *
     * @return the moment, with both readings
     */
    public Moment moment() {
        return new Moment(atNanos, at);
    }
}

package io.pylon4j.transport.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One reading of a {@link TimeSource}: the monotonic nanoseconds that order and age things, and the wall-clock
 * instant shown to people. Two moments compare only by {@link #nanos()}.
 *
 * @param nanos the monotonic reading ({@link TimeSource#nanoTime()})
 * @param wall  the wall-clock reading, for display
 */
public record Moment(long nanos, Instant wall) {

    /**
     * Checks that the wall-clock reading is present.
     *
     * @param nanos the monotonic reading in nanoseconds
     * @param wall  the wall-clock reading, not null
     */
    public Moment {
        Objects.requireNonNull(wall, "wall");
    }

    /**
     * A moment whose monotonic reading is {@code instant}'s nanoseconds since the epoch (a long holds them until
     * 2262): for replays, logs and tests whose instants are already in order. Never feed readings of a wall clock
     * through here into a component that also receives readings of a real {@link TimeSource}: the two scales differ.
     *
     * @param instant the wall-clock reading, also taken (as nanoseconds since the epoch) as the monotonic one
     * @return a moment on the instant's own monotonic scale
     */
    public static Moment ofInstant(Instant instant) {
        return new Moment(instant.getEpochSecond() * 1_000_000_000L + instant.getNano(), instant);
    }

    /**
     * Whether this moment is strictly before {@code other} on the monotonic scale.
     *
     * @param other a moment of the same time source
     * @return true if this moment's monotonic reading is earlier
     */
    public boolean isBefore(Moment other) {
        return nanos - other.nanos < 0;
    }

    /**
     * Whether this moment is strictly after {@code other} on the monotonic scale.
     *
     * @param other a moment of the same time source
     * @return true if this moment's monotonic reading is later
     */
    public boolean isAfter(Moment other) {
        return nanos - other.nanos > 0;
    }

    /**
     * The monotonic time from {@code earlier} to this moment (negative if {@code earlier} is later).
     *
     * @param earlier a moment of the same time source
     * @return the difference of the monotonic readings, to the nanosecond
     */
    public Duration since(Moment earlier) {
        return Duration.ofNanos(nanos - earlier.nanos);
    }

    /**
     * This moment moved by {@code d} on both scales.
     *
     * @param d how far to move, forward or (negative) back
     * @return a new moment; this one is unchanged
     */
    public Moment plus(Duration d) {
        return new Moment(nanos + d.toNanos(), wall.plus(d));
    }
}

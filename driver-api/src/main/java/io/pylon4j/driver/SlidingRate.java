package io.pylon4j.driver;

import io.pylon4j.transport.time.TimeSource;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The rate of a growing counter (CAN frames, RS485 replies, …) per second over a sliding window, computed when it is
 * read: each {@link #perSecond()} reads the counter and the clock, keeps the pair in a small ring, and divides the
 * growth since the newest sample at least one window old (or, while none is, the oldest) by the time between them.
 *
 * <p><b>Why on read, not on a timer.</b> A rate sampled by a task of its own would be a thread or a scheduled task
 * per bank, working even when nobody looks; one fed by {@link SupervisionTicker}'s tick would add work to every
 * bank ten times a second and tie the ticker to metrics. Sampling on read costs nothing until someone reads, and
 * gives exactly what a reader wants: read at least once a window (a JMX console, a 1 s monitor) and it is a
 * sliding {@code window} average; read less often (a 30 s Prometheus scrape) and it is the average since the
 * previous read. The first read averages since construction, which counts as a sample.
 *
 * <p>Each reader should own its instance (the JMX bean and the Micrometer binder each have their own), so that
 * one reader's samples do not shorten another's window. Thread-safe (reads are serialised; the ring is a few
 * longs). Time is the monotonic reading of a {@link TimeSource}, so a stepped wall clock changes no rate.
 */
public final class SlidingRate {

    /** The default window: ten CAN cycles of the battery's 1 s frame set. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
    private static final int SLOTS = 11;

    private final LongSupplier counter;
    private final TimeSource time;
    private final long windowNanos;
    private final long spacingNanos;
    private final long[] times = new long[SLOTS];
    private final long[] counts = new long[SLOTS];
    private int newest;
    private int size;

    /**
     * A rate over {@code window}.
     *
     * @param counter reads the counter (monotonic; a decrease is read as no growth)
     * @param time    the time source (the driver's, so that tests can drive it); only its monotonic reading is used
     * @param window  the sliding window, positive
     * @throws IllegalArgumentException if {@code window} is zero or negative
     */
    public SlidingRate(LongSupplier counter, TimeSource time, Duration window) {
        this.counter = Objects.requireNonNull(counter, "counter");
        this.time = Objects.requireNonNull(time, "time");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        this.windowNanos = window.toNanos();
        // SLOTS - 1 gaps of at least this span a whole window once the ring is full
        this.spacingNanos = Math.max(1, windowNanos / (SLOTS - 1));
        restart(time.nanoTime(), counter.getAsLong());
    }

    /**
     * A rate over {@link #DEFAULT_WINDOW}.
     *
     * @param counter reads the counter (monotonic; a decrease is read as no growth)
     * @param time    the time source; only its monotonic reading is used
     */
    public SlidingRate(LongSupplier counter, TimeSource time) {
        this(counter, time, DEFAULT_WINDOW);
    }

    /**
     * Counts per second over the window ending now; 0 when no time has passed since the base sample.
     *
     * @return the counter's growth per second, ≥ 0
     */
    public synchronized double perSecond() {
        long now = time.nanoTime();
        long count = counter.getAsLong();
        int base = baseIndex(now);
        double rate = rate(times[base], counts[base], now, count);
        if (now - times[newest] >= spacingNanos) {
            newest = (newest + 1) % SLOTS;
            times[newest] = now;
            counts[newest] = count;
            size = Math.min(size + 1, SLOTS);
        }
        return rate;
    }

    /** The newest sample at least a window old, or the oldest sample if none is that old. */
    private int baseIndex(long now) {
        int oldest = (newest - size + 1 + SLOTS) % SLOTS;
        for (int k = 0; k < size; k++) {
            int i = (newest - k + SLOTS) % SLOTS;
            if (now - times[i] >= windowNanos) {
                return i;
            }
        }
        return oldest;
    }

    private static double rate(long fromNanos, long fromCount, long toNanos, long toCount) {
        long dt = toNanos - fromNanos;
        if (dt <= 0 || toCount <= fromCount) {
            return 0;
        }
        return (toCount - fromCount) * 1e9 / dt;
    }

    private void restart(long now, long count) {
        newest = 0;
        size = 1;
        times[0] = now;
        counts[0] = count;
    }
}

package io.pylon4j.benchmarks.scale;

/**
 * A fixed-bucket latency histogram in two {@code long[]}s (no dependency): 1 µs buckets up to 10 ms, then 1 ms
 * buckets up to 10 s, and one overflow count. A percentile is reported as its bucket's upper bound (at most the
 * maximum), so it is exact to 1 µs below 10 ms. Thread-safe (synchronised; the benchmark records from one event thread, so it is uncontended).
 */
final class LatencyHistogram {

    private static final int FINE_BUCKETS = 10_000;          // 1 µs each, up to 10 ms
    private static final int COARSE_BUCKETS = 10_000;        // 1 ms each, up to 10 s
    private static final long FINE_NANOS = 1_000;
    private static final long COARSE_NANOS = 1_000_000;

    private final long[] fine = new long[FINE_BUCKETS];
    private final long[] coarse = new long[COARSE_BUCKETS];
    private long overflow;
    private long count;
    private long maxNanos;
    private long negative;

    /** Records one latency; a negative one (a clock pairing error) is counted apart and not recorded. */
    synchronized void record(long nanos) {
        if (nanos < 0) {
            negative++;
            return;
        }
        count++;
        maxNanos = Math.max(maxNanos, nanos);
        long micros = nanos / FINE_NANOS;
        if (micros < FINE_BUCKETS) {
            fine[(int) micros]++;
            return;
        }
        long millis = nanos / COARSE_NANOS;
        if (millis < COARSE_BUCKETS) {
            coarse[(int) millis]++;
        } else {
            overflow++;
        }
    }

    /** Latencies recorded. */
    synchronized long count() {
        return count;
    }

    /** Negative latencies seen (should stay 0). */
    synchronized long negativeCount() {
        return negative;
    }

    /** The largest latency recorded, in ns. */
    synchronized long maxNanos() {
        return maxNanos;
    }

    /**
     * The upper bound of the bucket holding the {@code percentile}th latency, in ns; 0 when nothing was recorded.
     *
     * @param percentile 0 < percentile ≤ 100
     */
    synchronized long percentileNanos(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
        }
        if (count == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(percentile / 100.0 * count);
        long seen = 0;
        for (int i = 0; i < FINE_BUCKETS; i++) {
            seen += fine[i];
            if (seen >= rank) {
                return Math.min((i + 1) * FINE_NANOS, maxNanos);
            }
        }
        for (int i = 0; i < COARSE_BUCKETS; i++) {
            seen += coarse[i];
            if (seen >= rank) {
                return Math.min((i + 1) * COARSE_NANOS, maxNanos);
            }
        }
        return maxNanos;
    }

    /** An immutable summary. */
    synchronized Latency summary() {
        return new Latency(count, percentileNanos50(), count == 0 ? 0 : percentileNanos(99),
                count == 0 ? 0 : percentileNanos(99.9), maxNanos, negative);
    }

    private long percentileNanos50() {
        return count == 0 ? 0 : percentileNanos(50);
    }

    /**
     * Frame-to-listener latency figures.
     *
     * @param count          latencies recorded
     * @param p50Nanos       median (bucket upper bound)
     * @param p99Nanos       99th percentile
     * @param p999Nanos      99.9th percentile
     * @param maxNanos       the largest
     * @param unpairedEvents events with no frame before them (should be 0)
     */
    record Latency(long count, long p50Nanos, long p99Nanos, long p999Nanos, long maxNanos, long unpairedEvents) {
    }
}

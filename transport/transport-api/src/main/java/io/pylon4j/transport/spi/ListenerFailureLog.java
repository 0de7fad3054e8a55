package io.pylon4j.transport.spi;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Logs a listener's exception with its stack trace, at most once per listener per interval (one minute unless
 * told otherwise), and counts the rest: a listener that throws on every frame must neither flood the log nor go
 * unseen. The next report after a quiet spell says how many failures were not logged in between.
 *
 * <p>Logs through {@link System.Logger} (JDK only; it reaches SLF4J, Log4j or {@code java.util.logging}, whichever
 * the application bridges to) at {@link Level#WARNING}. Time is {@link System#nanoTime()} (monotonic) unless a test
 * supplies its own. Memory is bounded: at most {@value #MAX_TRACKED} listeners are remembered; past that the
 * memory is cleared, which at worst logs one extra report per listener.
 *
 * <p>Thread-safe.
 */
public final class ListenerFailureLog {

    /** How many listeners' last report times are kept at most. */
    static final int MAX_TRACKED = 256;

    private final Logger logger;
    private final String what;
    private final long intervalNanos;
    private final String interval;
    private final LongSupplier nanoTime;
    private final Map<Object, long[]> lastReport = new IdentityHashMap<>(); // {nanoTime of last report, suppressed}

    /**
     * A log reporting at most once a minute per listener.
     *
     * @param logger where to log
     * @param what   what the listeners listen to, for the message (e.g. {@code "tcp:host:1 state"})
     */
    public ListenerFailureLog(Logger logger, String what) {
        this(logger, what, Duration.ofMinutes(1), System::nanoTime);
    }

    /**
     * A log with its own interval and clock (for tests).
     *
     * @param logger   where to log
     * @param what     what the listeners listen to, for the message
     * @param interval the shortest time between two logged failures of one listener
     * @param nanoTime a monotonic clock in nanoseconds
     */
    public ListenerFailureLog(Logger logger, String what, Duration interval, LongSupplier nanoTime) {
        this.logger = Objects.requireNonNull(logger, "logger");
        this.what = Objects.requireNonNull(what, "what");
        this.intervalNanos = interval.toNanos();
        this.interval = interval.toSeconds() + " s";
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * Reports that {@code listener} threw {@code failure}: logs it with its stack trace unless this listener was
     * reported less than an interval ago, in which case it is only counted.
     *
     * @param listener the listener that threw, compared by identity
     * @param failure  what it threw
     * @return whether it was logged
     */
    public boolean failed(Object listener, Throwable failure) {
        long now = nanoTime.getAsLong();
        long suppressed;
        synchronized (lastReport) {
            long[] entry = lastReport.get(listener);
            if (entry != null && now - entry[0] < intervalNanos) {
                entry[1]++;
                return false;
            }
            if (entry == null && lastReport.size() >= MAX_TRACKED) {
                lastReport.clear(); // bounded: a process that keeps adding throwing listeners cannot grow this
            }
            suppressed = entry == null ? 0 : entry[1];
            lastReport.put(listener, new long[] {now, 0});
        }
        if (logger.isLoggable(Level.WARNING)) {
            logger.log(Level.WARNING, "a " + what + " listener (" + listener.getClass().getName() + ") threw"
                    + (suppressed > 0 ? "; " + suppressed + " more failures of it were counted, not logged, since"
                    + " its last report" : "") + "; a listener's failures are logged at most once per " + interval + " (all are counted)", failure);
        }
        return true;
    }
}

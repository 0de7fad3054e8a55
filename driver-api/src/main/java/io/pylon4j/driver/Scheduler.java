package io.pylon4j.driver;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where the driver's periodic work (supervision ticks; later keep-alives and RS485 polls) runs: the caller's
 * scheduler, so the driver owns no timer thread, and tests substitute a virtual one driven by a manual clock.
 */
@FunctionalInterface
public interface Scheduler {

    /**
     * Runs {@code task} every {@code period}, the first time after {@code initialDelay}, until the returned handle
     * is closed. A task must return quickly and never block.
     */
    Cancellable scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period);

    /** A scheduled task; {@link #close()} cancels it (idempotent). */
    @FunctionalInterface
    interface Cancellable extends AutoCloseable {
        @Override
        void close();
    }

    /** A scheduler on a {@link ScheduledExecutorService} the caller owns (and shuts down). */
    static Scheduler of(ScheduledExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        return (task, initialDelay, period) -> {
            ScheduledFuture<?> f = executor.scheduleAtFixedRate(task, initialDelay.toNanos(), period.toNanos(),
                    TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
    }
}

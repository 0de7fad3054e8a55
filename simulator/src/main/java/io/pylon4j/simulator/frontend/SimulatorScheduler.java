package io.pylon4j.simulator.frontend;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where the simulator's front ends put their timers: the 1 s CAN cycle and late RS485 replies. Tests use a
 * {@link ManualScheduler} and move time by hand; a server uses {@link #of(ScheduledExecutorService)}.
 */
public interface SimulatorScheduler {

    /** Runs {@code task} once after {@code delay}; the returned handle cancels it if it has not run yet. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        /** Cancels the task if it has not started; does nothing otherwise. */
        void cancel();
    }

    /** A scheduler on a JDK executor (wall-clock time). The caller owns and shuts down the executor. */
    static SimulatorScheduler of(ScheduledExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        return (delay, task) -> {
            ScheduledFuture<?> f = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
    }
}

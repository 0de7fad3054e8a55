package io.pylon4j.transport.time;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where timed work runs: the driver's supervision ticks, keep-alives, RS485 polls and response timeouts, and the
 * simulator's CAN cycle and late replies. It is the caller's scheduler, so neither owns a timer thread, and tests
 * substitute a virtual one driven by a {@link ManualTimeSource} ({@code ManualScheduler} in {@code pylon4j-testing}).
 * Delays are measured on a monotonic clock (a JDK {@link ScheduledExecutorService} uses {@link System#nanoTime()}),
 * never on the wall clock.
 */
@FunctionalInterface
public interface Scheduler {

    /**
     * Runs {@code task} every {@code period}, the first time after {@code initialDelay}, until the returned handle
     * is closed. A task must return quickly and never block.
     *
     * @param task         what to run
     * @param initialDelay the wait before the first run, not negative
     * @param period       the time between runs, positive
     * @return the handle that cancels the task
     */
    Cancellable scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period);

    /**
     * Runs {@code task} once after {@code delay} unless the returned handle is closed first. The default runs it on
     * {@link #scheduleAtFixedRate} and cancels after the first run; {@link #of} uses the executor's one-shot timer.
     * The RS485 driver uses it for response timeouts.
     *
     * @param task  what to run
     * @param delay the wait before it runs, not negative
     * @return the handle that cancels the task
     */
    default Cancellable schedule(Runnable task, Duration delay) {
        Objects.requireNonNull(task, "task");
        java.util.concurrent.atomic.AtomicReference<Cancellable> handle = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Cancellable c = scheduleAtFixedRate(() -> {
            if (done.compareAndSet(false, true)) {
                Cancellable h = handle.get();
                if (h != null) {
                    h.close();
                }
                task.run();
            }
        }, delay, delay.isZero() ? Duration.ofNanos(1) : delay);
        handle.set(c);
        if (done.get()) {
            c.close();
        }
        return () -> {
            done.set(true);
            c.close();
        };
    }

    /**
     * Whether this scheduler measures its delays on {@link System#nanoTime()}, the JVM's monotonic clock, as
     * {@link #of} and a transport's event loop do. Work may move between two such schedulers without changing when
     * it runs, so the RS485 driver then runs its polls and response timeouts on the transport's I/O thread
     * ({@code ByteStreamTransport.ioScheduler()}). A virtual clock (a test's {@code ManualScheduler}) answers false,
     * as does any scheduler that does not say (the default): its timed work stays on it.
     *
     * @return true if delays are measured on {@link System#nanoTime()}
     */
    default boolean onSystemClock() {
        return false;
    }

    /** A scheduled task; {@link #close()} cancels it (idempotent). */
    @FunctionalInterface
    interface Cancellable extends AutoCloseable {
        /** Cancels the task if it has not started yet (a periodic task: its next runs); does nothing otherwise. */
        @Override
        void close();
    }

    /**
     * A scheduler on a {@link ScheduledExecutorService} the caller owns (and shuts down).
     *
     * @param executor where the tasks run
     * @return a scheduler on {@code executor}
     */
    static Scheduler of(ScheduledExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        return new Scheduler() {
            @Override
            public Cancellable scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
                ScheduledFuture<?> f = executor.scheduleAtFixedRate(task, initialDelay.toNanos(), period.toNanos(),
                        TimeUnit.NANOSECONDS);
                return () -> f.cancel(false);
            }

            @Override
            public Cancellable schedule(Runnable task, Duration delay) {
                ScheduledFuture<?> f = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
                return () -> f.cancel(false);
            }

            @Override
            public boolean onSystemClock() {
                return true; // a ScheduledExecutorService measures its delays on System.nanoTime()
            }
        };
    }
}

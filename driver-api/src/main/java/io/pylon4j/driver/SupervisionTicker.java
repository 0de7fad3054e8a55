package io.pylon4j.driver;

import io.pylon4j.driver.internal.BankModel;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.time.TimeSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Ticks the supervision of many banks from one periodic task on the caller's {@link Scheduler}: a thousand banks
 * cost one scheduled task, not a thread or a timer each. A bank becomes STALE or LOST at most one {@code period}
 * after its timeout (100 ms by default, well inside Victron's 3 s). The time comes from the injected
 * {@link TimeSource}: its monotonic reading decides the timeouts, so a stepped wall clock moves no deadline.
 *
 * <p>Public, beside the engine it drives, because applications create one and hand it to every driver
 * ({@link DriverOptions.Builder#ticker}); the banks are added and removed by the drivers themselves.
 *
 * <p>A bank whose tick throws is counted ({@link #failures()}) and the others are still ticked. Thread-safe;
 * {@link #close()} cancels the task and is idempotent.
 */
public final class SupervisionTicker implements AutoCloseable {

    /** Default tick period. */
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(100);

    private final TimeSource time;
    private final CopyOnWriteArrayList<BankModel> banks = new CopyOnWriteArrayList<>();
    private final LongAdder failures = new LongAdder();
    private final Scheduler.Cancellable task;

    /**
     * Starts ticking.
     *
     * @param time      the time source of the banks' drivers
     * @param scheduler runs the periodic task
     * @param period    how often every bank is ticked, positive
     * @throws IllegalArgumentException if {@code period} is zero or negative
     */
    public SupervisionTicker(TimeSource time, Scheduler scheduler, Duration period) {
        this.time = Objects.requireNonNull(time, "time");
        Objects.requireNonNull(scheduler, "scheduler");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        this.task = scheduler.scheduleAtFixedRate(this::tickAll, period, period);
    }

    /**
     * Starts ticking every {@link #DEFAULT_PERIOD}.
     *
     * @param time      the time source of the banks' drivers
     * @param scheduler runs the periodic task
     */
    public SupervisionTicker(TimeSource time, Scheduler scheduler) {
        this(time, scheduler, DEFAULT_PERIOD);
    }

    /**
     * Starts ticking every {@link #DEFAULT_PERIOD}, with {@code wallClock} for display only: the timeouts are
     * measured on {@link System#nanoTime()} ({@link TimeSource#withWallClock}), so the banks ticked here must read
     * the same source (drivers built with {@link DriverOptions.Builder#clock} or the default do).
     * @param wallClock the wall clock for display times
     * @param scheduler runs the periodic task
     */
    public SupervisionTicker(Clock wallClock, Scheduler scheduler) {
        this(TimeSource.withWallClock(wallClock), scheduler, DEFAULT_PERIOD);
    }

    /**
     * Adds a bank (idempotent).
     *
     * @param bank the bank whose supervision to tick
     */
    void add(BankModel bank) {
        banks.addIfAbsent(Objects.requireNonNull(bank, "bank"));
    }

    /**
     * Removes a bank; does nothing if it was not added.
     *
     * @param bank the bank to stop ticking
     */
    void remove(BankModel bank) {
        banks.remove(bank);
    }

    /**
     * The number of banks ticked.
     *
     * @return the number of banks added and not removed
     */
    public int size() {
        return banks.size();
    }

    /**
     * Ticks that threw.
     *
     * @return the count since creation; it only grows
     */
    public long failures() {
        return failures.sum();
    }

    /** Ticks every bank now; what the periodic task does. */
    public void tickAll() {
        var now = time.now();
        for (BankModel bank : banks) {
            try {
                bank.tick(now);
            } catch (RuntimeException e) {
                failures.increment();
            }
        }
    }

    /** Cancels the periodic task. */
    @Override
    public void close() {
        task.close();
    }
}

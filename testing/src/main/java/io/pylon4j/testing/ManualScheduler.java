package io.pylon4j.testing;

import io.pylon4j.transport.time.ManualTimeSource;
import io.pylon4j.transport.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} on virtual time: tasks run only when a test calls {@link #advance(Duration)}, which moves the
 * scheduler's {@link ManualTimeSource} forward and, on the calling thread, runs every task that falls due on the
 * way, in due-time order (ties in scheduling order), each with the time source standing at its own due time. A
 * periodic task is re-armed at a fixed rate; a task may schedule or cancel others. No sleeps, no threads, no
 * wall-clock luck.
 *
 * <p>Due times are on the time source's monotonic scale, as a real scheduler's are, so
 * {@link ManualTimeSource#stepWallClock(Duration)} moves no task. If the test advances the time source directly
 * instead, overdue tasks run at the next {@code advance}, at the time source's current reading (time never goes
 * back).
 *
 * <p>Thread-safe: tasks run outside the internal lock.
 */
public final class ManualScheduler implements Scheduler {

    /** The wall clock a scheduler made without a time source starts at. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final ManualTimeSource time;
    private final long originNanos;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long sequence; // guarded by this

    /** A scheduler on a time source of its own, its wall clock at {@link #DEFAULT_START}. */
    public ManualScheduler() {
        this(new ManualTimeSource(DEFAULT_START));
    }

    /**
     * A scheduler on {@code time}: advancing this scheduler advances it.
     *
     * @param time the time source the scheduled tasks and the code under test read
     * @throws NullPointerException if {@code time} is null
     */
    public ManualScheduler(ManualTimeSource time) {
        this.time = Objects.requireNonNull(time, "time");
        this.originNanos = time.nanoTime();
    }

    /**
     * The time source this scheduler moves; hand it to the code under test as its
     * {@link io.pylon4j.transport.time.TimeSource}.
     *
     * @return the time source
     */
    public ManualTimeSource timeSource() {
        return time;
    }

    /**
     * The monotonic time elapsed since this scheduler was made.
     *
     * @return the elapsed virtual time
     */
    public Duration elapsed() {
        return Duration.ofNanos(time.nanoTime() - originNanos);
    }

    /**
     * Runs {@code task} every {@code period}, the first time after {@code initialDelay}, each time the test
     * advances past its due time.
     *
     * @param task         what to run
     * @param initialDelay the wait before the first run, not negative
     * @param period       the time between runs, positive
     * @return the handle that cancels the task
     * @throws IllegalArgumentException if {@code initialDelay} is negative or {@code period} not positive
     */
    @Override
    public Cancellable scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        return add(task, initialDelay, period.toNanos());
    }

    /**
     * Runs {@code task} once, when the test advances past {@code delay} from now.
     *
     * @param task  what to run
     * @param delay the wait before it runs, not negative (zero: at the next {@link #advance})
     * @return the handle that cancels the task
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        return add(task, delay, 0);
    }

    private synchronized Cancellable add(Runnable task, Duration delay, long periodNanos) {
        Objects.requireNonNull(task, "task");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        Task t = new Task(task, periodNanos, time.nanoTime() + delay.toNanos(), sequence++);
        queue.add(t);
        return () -> cancel(t);
    }

    private synchronized void cancel(Task t) {
        t.cancelled = true;
        queue.remove(t);
    }

    /**
     * Moves time forward by {@code duration}, running every task that falls due on the way, each at its due time.
     *
     * @param duration how much time passes, not negative ({@link Duration#ZERO} runs what is due now)
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time does not go back: " + duration);
        }
        long end = time.nanoTime() + duration.toNanos();
        while (true) {
            Task next;
            long runAt;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due - end > 0) {
                    break;
                }
                queue.poll();
                runAt = next.due;
                if (next.periodNanos > 0) {
                    next.due += next.periodNanos;
                    next.sequence = sequence++;
                    queue.add(next);
                }
            }
            long wait = runAt - time.nanoTime();
            if (wait > 0) {
                time.advance(Duration.ofNanos(wait));
            }
            if (!next.cancelled) {
                next.task.run();
            }
        }
        long rest = end - time.nanoTime();
        if (rest > 0) {
            time.advance(Duration.ofNanos(rest));
        }
    }

    /**
     * The tasks scheduled and neither cancelled nor (for one-shot tasks) run yet.
     *
     * @return the number of waiting tasks
     */
    public synchronized int pending() {
        return queue.size();
    }

    /** One scheduled task; a periodic one is put back with its next due time before it runs. */
    private static final class Task implements Comparable<Task> {
        final Runnable task;
        final long periodNanos;
        long due;
        long sequence;
        volatile boolean cancelled;

        Task(Runnable task, long periodNanos, long due, long sequence) {
            this.task = task;
            this.periodNanos = periodNanos;
            this.due = due;
            this.sequence = sequence;
        }

        @Override
        public int compareTo(Task o) {
            long d = due - o.due;
            return d != 0 ? (d < 0 ? -1 : 1) : Long.compare(sequence, o.sequence);
        }
    }
}

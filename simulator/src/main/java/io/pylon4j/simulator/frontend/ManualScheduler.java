package io.pylon4j.simulator.frontend;

import java.time.Duration;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A {@link SimulatorScheduler} on a virtual clock that moves only when {@link #advance(Duration)} is called: tasks
 * due by then run on the calling thread, in due-time order (ties in scheduling order), each seeing {@link #now()} at
 * its own due time. For tests: no sleeps, no wall-clock luck.
 *
 * <p>Thread-safe; tasks run outside the internal lock, so a task may schedule further tasks.
 */
public final class ManualScheduler implements SimulatorScheduler {

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long nowNanos;
    private long sequence;

    /** A scheduler at virtual time zero. */
    public ManualScheduler() {
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        Task t = new Task(nowNanos + delay.toNanos(), sequence++, task);
        queue.add(t);
        return () -> t.cancelled = true;
    }

    /** The virtual time elapsed since creation. */
    public synchronized Duration now() {
        return Duration.ofNanos(nowNanos);
    }

    /** The number of tasks waiting (cancelled ones included until their time). */
    public synchronized int pending() {
        return queue.size();
    }

    /** Moves the clock forward by {@code duration}, running every task that falls due on the way. */
    public void advance(Duration duration) {
        long target;
        synchronized (this) {
            target = nowNanos + duration.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due > target) {
                    nowNanos = target;
                    return;
                }
                queue.poll();
                nowNanos = next.due;
            }
            if (!next.cancelled) {
                next.task.run();
            }
        }
    }

    private static final class Task implements Comparable<Task> {
        final long due;
        final long seq;
        final Runnable task;
        volatile boolean cancelled;

        Task(long due, long seq, Runnable task) {
            this.due = due;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Task o) {
            return due != o.due ? Long.compare(due, o.due) : Long.compare(seq, o.seq);
        }
    }
}

package io.pylon4j.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A virtual scheduler: periodic tasks run only when the test advances its {@link ManualClock}. Due times are on the
 * clock's monotonic scale, as a real scheduler's are, so stepping the wall clock moves no task.
 */
final class ManualScheduler implements Scheduler {

    private final ManualClock clock;
    private final List<Entry> entries = new ArrayList<>();

    private static final class Entry {
        final Runnable task;
        final Duration period;
        long due;
        boolean cancelled;

        Entry(Runnable task, Duration period, long due) {
            this.task = task;
            this.period = period;
            this.due = due;
        }
    }

    ManualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public Cancellable scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
        Entry e = new Entry(task, period, clock.nanoTime() + initialDelay.toNanos());
        entries.add(e);
        return () -> e.cancelled = true;
    }

    /** Moves the clock forward by {@code d}, running every task that falls due, at its due time, in time order. */
    void advance(Duration d) {
        long end = clock.nanoTime() + d.toNanos();
        while (true) {
            Entry next = entries.stream().filter(e -> !e.cancelled && e.due - end <= 0)
                    .min(Comparator.comparingLong(e -> e.due)).orElse(null);
            if (next == null) {
                break;
            }
            clock.advance(Duration.ofNanos(Math.max(0, next.due - clock.nanoTime())));
            next.due = next.due + next.period.toNanos();
            next.task.run();
        }
        clock.advance(Duration.ofNanos(Math.max(0, end - clock.nanoTime())));
    }

    long activeTasks() {
        return entries.stream().filter(e -> !e.cancelled).count();
    }
}

package io.pylon4j.driver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A virtual scheduler: periodic tasks run only when the test advances its {@link ManualClock}. */
final class ManualScheduler implements Scheduler {

    private final ManualClock clock;
    private final List<Entry> entries = new ArrayList<>();

    private static final class Entry {
        final Runnable task;
        final Duration period;
        Instant due;
        boolean cancelled;

        Entry(Runnable task, Duration period, Instant due) {
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
        Entry e = new Entry(task, period, clock.instant().plus(initialDelay));
        entries.add(e);
        return () -> e.cancelled = true;
    }

    /** Moves the clock forward by {@code d}, running every task that falls due, at its due time, in time order. */
    void advance(Duration d) {
        Instant end = clock.instant().plus(d);
        while (true) {
            Entry next = entries.stream().filter(e -> !e.cancelled && !e.due.isAfter(end))
                    .min(Comparator.comparing(e -> e.due)).orElse(null);
            if (next == null) {
                break;
            }
            clock.advance(Duration.between(clock.instant(), next.due));
            next.due = next.due.plus(next.period);
            next.task.run();
        }
        clock.advance(Duration.between(clock.instant(), end));
    }

    long activeTasks() {
        return entries.stream().filter(e -> !e.cancelled).count();
    }
}

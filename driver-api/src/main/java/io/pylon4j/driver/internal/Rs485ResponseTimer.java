package io.pylon4j.driver.internal;

import io.pylon4j.transport.time.Scheduler;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The RS485 response timeout of one {@link Rs485Strategy}: at most one armed deadline, the exchange's timer number
 * with it, and at most one wake-up scheduled for it.
 *
 * <p>On a scheduler that runs on the system clock ({@link Scheduler#onSystemClock()}) the deadline is <b>re-armed,
 * not rescheduled</b>: arming moves the deadline, a reply only disarms it, and the one wake-up, when it comes early
 * (the request it was scheduled for was answered and a later one is in flight), schedules itself again for what is
 * left. A poll cycle's requests then cost one scheduled task, not a schedule and a cancel each (a cancelled task of a
 * {@link java.util.concurrent.ScheduledThreadPoolExecutor} stays queued and still wakes its thread when due). The
 * deadline is read on that same clock. On any other scheduler (a test's virtual time, whose clock this class cannot
 * read) each arming cancels the previous wake-up and schedules its own, as before.
 *
 * <p>Not thread-safe: its owner calls it under its lock, and the wake-up it is given ({@code wakeup}, called with the
 * number of the wake-up that ran) takes that lock before calling {@link #expired(long)}.
 */
final class Rs485ResponseTimer {

    private final Scheduler scheduler;
    private final LongConsumer wakeup;
    /** The scheduler's clock when it is the system's; null: cancel and schedule each time. */
    private final LongSupplier clock;
    private boolean armed;
    private long timer;
    private long deadlineNanos;
    private Scheduler.Cancellable pending;
    private long pendingNumber;
    private long pendingAtNanos;
    private boolean closed;

    /**
     * A timer on {@code scheduler}.
     *
     * @param scheduler where the wake-up runs
     * @param clock     the scheduler's clock in nanoseconds, used when the scheduler is on the system clock
     * @param wakeup    what the wake-up calls, with its number; it calls {@link #expired(long)} under the owner's lock
     */
    Rs485ResponseTimer(Scheduler scheduler, LongSupplier clock, LongConsumer wakeup) {
        this.scheduler = scheduler;
        this.clock = scheduler.onSystemClock() ? clock : null;
        this.wakeup = wakeup;
    }

    /**
     * Arms the deadline {@code delay} from now for the exchange's timer {@code timer}, replacing the armed one.
     *
     * @param delay how long the request waits
     * @param timer the exchange's number for this wait
     */
    void arm(Duration delay, long timer) {
        if (closed) {
            return;
        }
        this.timer = timer;
        armed = true;
        if (clock == null) {
            cancelPending();
            schedule(delay, 0);
            return;
        }
        long now = clock.getAsLong();
        deadlineNanos = now + delay.toNanos();
        if (pending == null || pendingAtNanos - deadlineNanos > 0) { // none yet, or it would come too late
            cancelPending();
            schedule(delay, deadlineNanos);
        }
    }

    /** The request was answered: nothing is waiting any more (a scheduled wake-up finds nothing to do). */
    void disarm() {
        armed = false;
        if (clock == null) {
            cancelPending();
        }
    }

    /**
     * A wake-up ran.
     *
     * @param number the wake-up's number
     * @return the exchange's timer number whose deadline passed (hand it to the exchange's {@code onTimeout}); empty
     *         when the wake-up was stale, nothing is armed, or it came early and was scheduled again
     */
    OptionalLong expired(long number) {
        if (closed || pending == null || number != pendingNumber) {
            return OptionalLong.empty(); // cancelled, but already running when it was
        }
        pending = null;
        if (!armed) {
            return OptionalLong.empty();
        }
        if (clock != null) {
            long left = deadlineNanos - clock.getAsLong();
            if (left > 0) {
                schedule(Duration.ofNanos(left), deadlineNanos); // an answered request's wake-up: wait for this one
                return OptionalLong.empty();
            }
        }
        armed = false;
        return OptionalLong.of(timer);
    }

    /** Cancels the wake-up; nothing is armed any more. */
    void close() {
        closed = true;
        armed = false;
        cancelPending();
    }

    private void schedule(Duration delay, long atNanos) {
        long number = ++pendingNumber;
        pendingAtNanos = atNanos;
        pending = scheduler.schedule(() -> wakeup.accept(number), delay);
    }

    private void cancelPending() {
        if (pending != null) {
            pending.close();
            pending = null;
        }
    }
}

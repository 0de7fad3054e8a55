package io.pylon4j.driver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.transport.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * {@link Rs485ResponseTimer} against a scheduler that only records (the test runs each wake-up by hand) and a clock
 * the test sets: one re-armed deadline on the system clock, cancel and schedule on any other.
 */
class Rs485ResponseTimerTest {

    static final Duration SECOND = Duration.ofSeconds(1);

    long nowNanos = 5_000_000_000L;
    final List<OptionalLong> fired = new ArrayList<>();

    /** A scheduler that keeps what it is given; {@link #run} runs a wake-up as the loop would. */
    final class Recording implements Scheduler {
        final boolean systemClock;
        final List<Runnable> tasks = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();
        int cancelled;

        Recording(boolean systemClock) {
            this.systemClock = systemClock;
        }

        @Override
        public Cancellable scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
            throw new AssertionError("not periodic");
        }

        @Override
        public Cancellable schedule(Runnable task, Duration delay) {
            tasks.add(task);
            delays.add(delay);
            return () -> cancelled++;
        }

        @Override
        public boolean onSystemClock() {
            return systemClock;
        }

        void run(int index) {
            tasks.get(index).run();
        }
    }

    Rs485ResponseTimer timer;

    Rs485ResponseTimer timerOn(Recording scheduler) {
        timer = new Rs485ResponseTimer(scheduler, () -> nowNanos, number -> fired.add(timer.expired(number)));
        return timer;
    }

    @Test
    void aThousandAnsweredRequestsShareOneWakeUp() {
        Recording scheduler = new Recording(true);
        Rs485ResponseTimer t = timerOn(scheduler);
        for (int i = 1; i <= 1_000; i++) {
            t.arm(SECOND, i);
            nowNanos += 100_000; // answered 0.1 ms later
            t.disarm();
        }

        assertThat(scheduler.tasks).hasSize(1);
        assertThat(scheduler.cancelled).isZero();
        nowNanos += SECOND.toNanos();
        scheduler.run(0);
        assertThat(fired).containsExactly(OptionalLong.empty()); // nothing armed: nothing fires, nothing re-armed
        assertThat(scheduler.tasks).hasSize(1);
    }

    @Test
    void anEarlyWakeUpWaitsForWhatIsLeftOfTheNewestDeadline() {
        Recording scheduler = new Recording(true);
        Rs485ResponseTimer t = timerOn(scheduler);
        t.arm(SECOND, 1);
        nowNanos += 1_000_000;
        t.disarm();
        nowNanos += 1_000_000;
        t.arm(SECOND, 2); // deadline: start + 1.002 s

        nowNanos += SECOND.toNanos() - 2_000_000; // the first wake-up, at start + 1 s
        scheduler.run(0);
        assertThat(fired).containsExactly(OptionalLong.empty());
        assertThat(scheduler.delays).containsExactly(SECOND, Duration.ofMillis(2));

        nowNanos += 2_000_000;
        scheduler.run(1);
        assertThat(fired).containsExactly(OptionalLong.empty(), OptionalLong.of(2));
    }

    @Test
    void aDeadlineSoonerThanTheWakeUpGetsItsOwn() {
        Recording scheduler = new Recording(true);
        Rs485ResponseTimer t = timerOn(scheduler);
        t.arm(Duration.ofSeconds(4), 1);
        t.arm(SECOND, 2);

        assertThat(scheduler.delays).containsExactly(Duration.ofSeconds(4), SECOND);
        assertThat(scheduler.cancelled).isEqualTo(1);
        scheduler.run(0); // the replaced one, already running when it was cancelled: stale
        nowNanos += SECOND.toNanos();
        scheduler.run(1);
        assertThat(fired).containsExactly(OptionalLong.empty(), OptionalLong.of(2));
    }

    @Test
    void onAVirtualClockEachArmingCancelsAndSchedulesAndAStaleWakeUpIsIgnored() {
        Recording scheduler = new Recording(false);
        Rs485ResponseTimer t = timerOn(scheduler);
        t.arm(SECOND, 1);
        t.disarm();
        t.arm(SECOND, 2);

        assertThat(scheduler.tasks).hasSize(2);
        assertThat(scheduler.cancelled).isEqualTo(1);
        scheduler.run(0); // request 1's, cancelled but already running
        scheduler.run(1); // the virtual clock is the scheduler's: due means due
        assertThat(fired).containsExactly(OptionalLong.empty(), OptionalLong.of(2));
    }

    @Test
    void closingCancelsTheWakeUpAndArmsNothingMore() {
        Recording scheduler = new Recording(true);
        Rs485ResponseTimer t = timerOn(scheduler);
        t.arm(SECOND, 1);
        t.close();
        t.arm(SECOND, 2);

        assertThat(scheduler.cancelled).isEqualTo(1);
        assertThat(scheduler.tasks).hasSize(1);
        nowNanos += SECOND.toNanos();
        scheduler.run(0);
        assertThat(fired).containsExactly(OptionalLong.empty());
    }

    @Test
    void cycleStartsOnTheSystemClockAreAlignedToTheTick() {
        Duration tick = Rs485Timing.CYCLE_TICK;
        assertThat(Rs485Timing.toNextTick(3 * tick.toNanos(), tick)).isZero();
        assertThat(Rs485Timing.toNextTick(3 * tick.toNanos() + 1, tick)).isEqualTo(tick.minusNanos(1));
        assertThat(Rs485Timing.toNextTick(-1, tick)).isEqualTo(Duration.ofNanos(1)); // nanoTime may be negative
        assertThat(Rs485Timing.firstCycleDelay(new Recording(false))).isZero();
        assertThat(Rs485Timing.firstCycleDelay(new Recording(true))).isLessThan(tick);
    }
}

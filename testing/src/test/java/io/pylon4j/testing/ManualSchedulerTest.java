package io.pylon4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.transport.time.ManualTimeSource;
import io.pylon4j.transport.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one virtual-time scheduler: what runs when a test advances its time source, and at which reading. */
class ManualSchedulerTest {

    final ManualTimeSource time = new ManualTimeSource(Instant.parse("2026-12-07T08:00:00Z"));
    final ManualScheduler scheduler = new ManualScheduler(time);
    final List<String> ran = new ArrayList<>();

    /** The elapsed virtual time, in ms, when a task runs. */
    String at(String name) {
        return name + "@" + scheduler.elapsed().toMillis();
    }

    @Test
    void runsDueTasksInTimeOrderEachAtItsDueTime() {
        scheduler.schedule(() -> ran.add(at("b")), Duration.ofMillis(300));
        scheduler.schedule(() -> ran.add(at("a")), Duration.ofMillis(100));
        scheduler.schedule(() -> ran.add(at("c")), Duration.ofMillis(900));

        scheduler.advance(Duration.ofMillis(500));

        assertThat(ran).containsExactly("a@100", "b@300");
        assertThat(scheduler.elapsed()).isEqualTo(Duration.ofMillis(500));
        assertThat(time.nanoTime()).isEqualTo(scheduler.timeSource().nanoTime());
        assertThat(scheduler.pending()).isEqualTo(1);
    }

    @Test
    void tiesRunInSchedulingOrder() {
        scheduler.schedule(() -> ran.add("first"), Duration.ofMillis(10));
        scheduler.schedule(() -> ran.add("second"), Duration.ofMillis(10));

        scheduler.advance(Duration.ofMillis(10));

        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    void aPeriodicTaskRunsAtAFixedRateUntilCancelled() {
        Scheduler.Cancellable tick = scheduler.scheduleAtFixedRate(() -> ran.add(at("tick")), Duration.ZERO,
                Duration.ofSeconds(1));

        scheduler.advance(Duration.ofMillis(2500));
        tick.close();
        scheduler.advance(Duration.ofSeconds(5));

        assertThat(ran).containsExactly("tick@0", "tick@1000", "tick@2000");
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void aTaskMayScheduleAnotherThatFallsDueInTheSameAdvance() {
        scheduler.schedule(() -> {
            ran.add(at("outer"));
            scheduler.schedule(() -> ran.add(at("inner")), Duration.ofMillis(50));
        }, Duration.ofMillis(100));

        scheduler.advance(Duration.ofMillis(200));

        assertThat(ran).containsExactly("outer@100", "inner@150");
    }

    @Test
    void aCancelledTaskNeverRuns() {
        Scheduler.Cancellable c = scheduler.schedule(() -> ran.add("late"), Duration.ofMillis(100));
        c.close();
        c.close(); // idempotent

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(ran).isEmpty();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void zeroAdvanceRunsWhatIsDueNow() {
        scheduler.schedule(() -> ran.add("now"), Duration.ZERO);

        scheduler.advance(Duration.ZERO);

        assertThat(ran).containsExactly("now");
    }

    @Test
    void steppingTheWallClockMovesNoTask() {
        scheduler.schedule(() -> ran.add("due"), Duration.ofSeconds(10));

        time.stepWallClock(Duration.ofHours(1));
        scheduler.advance(Duration.ofSeconds(9));

        assertThat(ran).isEmpty();
    }

    @Test
    void overdueTasksRunAtTheCurrentReadingWhenTheTimeSourceWasAdvancedDirectly() {
        scheduler.schedule(() -> ran.add(at("overdue")), Duration.ofMillis(100));

        time.advance(Duration.ofMillis(400));
        scheduler.advance(Duration.ZERO);

        assertThat(ran).containsExactly("overdue@400");
    }

    @Test
    void refusesNegativeTimesAndAZeroPeriod() {
        assertThatThrownBy(() -> scheduler.advance(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scheduler.schedule(() -> { }, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scheduler.scheduleAtFixedRate(() -> { }, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSchedulerMadeWithoutATimeSourceHasItsOwn() {
        ManualScheduler own = new ManualScheduler();

        own.advance(Duration.ofSeconds(3));

        assertThat(own.timeSource().wallTime()).isEqualTo(ManualScheduler.DEFAULT_START.plusSeconds(3));
        assertThat(own.elapsed()).isEqualTo(Duration.ofSeconds(3));
    }
}

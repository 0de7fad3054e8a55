package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.internal.BankModel;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/** One periodic task supervises many banks, on a virtual scheduler. */
class SupervisionTickerTest {

    final ManualClock clock = new ManualClock();
    final ManualScheduler scheduler = new ManualScheduler(clock.source());

    @Test
    void oneTaskTicksAThousandBanksIntoStaleAndLostOnTime() {
        List<BankEvent> events = new ArrayList<>();
        SupervisionTicker ticker = new SupervisionTicker(clock, scheduler);
        List<BankModel> banks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            BankModel m = BankModel.create("bank-" + i, InverterProfile.VICTRON, events::add, clock.instant());
            m.onLimits(Source.CAN, Limits.of(53.2, 100, 100), clock.instant());
            ticker.add(m);
            banks.add(m);
        }
        assertThat(scheduler.pending()).isEqualTo(1);
        events.clear();

        scheduler.advance(Duration.ofMillis(2_900));
        assertThat(events).isEmpty();
        assertThat(banks).allMatch(b -> b.status().supervisionState() == SupervisionState.FRESH);

        scheduler.advance(Duration.ofMillis(100)); // 3.0 s: the stale timeout is reached at this tick
        assertThat(banks).allMatch(b -> b.status().supervisionState() == SupervisionState.STALE);
        assertThat(banks).allMatch(b -> b.status().supervisionSince().equals(ManualClock.T0.plusSeconds(3)));
        assertThat(banks).allMatch(b -> b.status().publishedLimits().chargeCurrentLimitAmps() == 0.0);
        assertThat(events).hasSize(2000); // a transition and a limits change per bank

        scheduler.advance(Duration.ofSeconds(7));
        assertThat(banks).allMatch(b -> b.status().supervisionState() == SupervisionState.LOST);
        assertThat(banks.get(0).status().chargeCurrentLimitProvenance().source())
                .isEqualTo(LimitSource.FAIL_SAFE_LOST);
        assertThat(ticker.failures()).isZero();
    }

    @Test
    void aRecoveredBankBecomesFreshOnTheNextTick() {
        SupervisionTicker ticker = new SupervisionTicker(clock, scheduler, Duration.ofMillis(250));
        BankModel m = BankModel.create("b", InverterProfile.VICTRON, e -> { }, clock.instant());
        ticker.add(m);
        m.onLimits(Source.CAN, Limits.of(53.2, 100, 100), clock.instant());
        scheduler.advance(Duration.ofSeconds(4));
        assertThat(m.status().supervisionState()).isEqualTo(SupervisionState.STALE);
        m.onLimits(Source.CAN, Limits.of(53.2, 100, 100), clock.instant());
        assertThat(m.status().supervisionState()).isEqualTo(SupervisionState.RECOVERED);
        scheduler.advance(Duration.ofMillis(250));
        assertThat(m.status().supervisionState()).isEqualTo(SupervisionState.FRESH);
    }

    @Test
    void closeCancelsAndRemovedBanksAreNotTicked() {
        SupervisionTicker ticker = new SupervisionTicker(clock, scheduler);
        BankModel kept = BankModel.create("kept", InverterProfile.VICTRON, e -> { }, clock.instant());
        BankModel removed = BankModel.create("removed", InverterProfile.VICTRON, e -> { }, clock.instant());
        ticker.add(kept);
        ticker.add(kept);
        ticker.add(removed);
        assertThat(ticker.size()).isEqualTo(2);
        ticker.remove(removed);
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(kept.status().supervisionState()).isEqualTo(SupervisionState.LOST);
        assertThat(removed.status().supervisionState()).isEqualTo(SupervisionState.CONNECTING);
        ticker.close();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void aFailingBankDoesNotStopTheOthers() {
        SupervisionTicker ticker = new SupervisionTicker(clock, scheduler);
        BankModel bad = BankModel.create("bad", InverterProfile.VICTRON, e -> {
            throw new IllegalStateException("sink bug");
        }, clock.instant());
        BankModel good = BankModel.create("good", InverterProfile.VICTRON, e -> { }, clock.instant());
        ticker.add(bad);
        ticker.add(good);
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(good.status().supervisionState()).isEqualTo(SupervisionState.LOST);
        assertThat(ticker.failures()).isEqualTo(1);
    }

    @Test
    void tickWithNothingDueLeavesTheSnapshotAlone() {
        BankModel m = BankModel.create("b", InverterProfile.VICTRON, e -> { }, clock.instant());
        m.onLimits(Source.CAN, Limits.of(53.2, 100, 100), clock.instant());
        BankStatus before = m.status();
        m.tick(clock.instant().plusSeconds(1));
        assertThat(m.status()).isSameAs(before);
    }

    @Test
    void schedulerOfAScheduledExecutorCancelsOnClose() {
        ScheduledThreadPoolExecutor ses = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "test-tick"));
        try {
            Scheduler.Cancellable c = Scheduler.of(ses).scheduleAtFixedRate(() -> { }, Duration.ofHours(1),
                    Duration.ofHours(1));
            assertThat(ses.getQueue()).hasSize(1);
            c.close();
            assertThat(ses.getQueue()).allMatch(r -> ((Future<?>) r).isCancelled());
        } finally {
            ses.shutdownNow();
        }
    }
}

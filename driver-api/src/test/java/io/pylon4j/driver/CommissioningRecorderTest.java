package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.driver.commission.Commissioning;
import io.pylon4j.driver.commission.CommissioningRecorder;
import io.pylon4j.driver.commission.Expectations;
import io.pylon4j.driver.commission.ModuleRating;
import io.pylon4j.driver.commission.Observation;
import io.pylon4j.driver.commission.SingleCanMasterCheck;
import io.pylon4j.driver.commission.Verdict;
import io.pylon4j.testing.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link CommissioningRecorder} on a real CAN driver over a synchronous fake bus: it keeps the bank's cyclic frames
 * in arrival order and nothing else, samples the driver's snapshots, measures the window on the driver's monotonic
 * time, and stops listening when closed.
 */
class CommissioningRecorderTest {

    final ManualClock clock = new ManualClock();
    final ManualScheduler scheduler = new ManualScheduler(clock.source());
    final ManualExecutor executor = new ManualExecutor();
    final FakeCanTransport bus = new FakeCanTransport();

    @Test
    void keepsTheBankFramesSamplesTheDriverAndLetsGoWhenClosed() {
        try (PylonDriver driver = PylonDriver.can(bus, DriverOptions.builder("bank-1").time(clock)
                .scheduler(scheduler).eventExecutor(executor).build())) {
            driver.start();
            int before = bus.listenerCount();
            CommissioningRecorder recorder = CommissioningRecorder.watching(driver, bus, false);
            assertThat(bus.listenerCount()).isEqualTo(before + 1);
            for (int cycle = 0; cycle < 3; cycle++) {
                clock.advance(Duration.ofSeconds(1));
                bus.inject(CanDriverTest.L351);
                bus.inject(CanDriverTest.S355);
                bus.inject(CanDriverTest.M356);
                bus.inject(CanDriverTest.F359);
                bus.inject(CanDriverTest.R35C); // not a frame the checks need: not kept
                bus.inject(CanFrame.ofHex(0x351, "14 02 72 01 72 01 C2 01")); // a second sender, 37 A
                recorder.sample();
            }
            Observation o = recorder.observation();
            assertThat(o.samples()).hasSize(3);
            assertThat(o.samples().get(2).batteryLimits()).isPresent();
            assertThat(o.bankFrames()).extracting(f -> f.frame().id())
                    .containsExactly(0x351, 0x355, 0x356, 0x359, 0x351, 0x351, 0x355, 0x356, 0x359, 0x351,
                            0x351, 0x355, 0x356, 0x359, 0x351);
            assertThat(o.framesDropped()).isZero();
            assertThat(o.window()).isEqualTo(Duration.ofSeconds(3));
            assertThat(o.canObserved()).isTrue();
            assertThat(o.rs485Observed()).isFalse();
            assertThat(Commissioning.evaluate(o, Expectations.of(6, new ModuleRating("US5000", 80, 80)))
                    .result(SingleCanMasterCheck.ID).orElseThrow().verdict()).isEqualTo(Verdict.FAIL);

            recorder.close();
            assertThat(bus.listenerCount()).isEqualTo(before);
            bus.inject(CanDriverTest.L351);
            assertThat(recorder.observation().bankFrames()).hasSize(15);
        }
    }

    @Test
    void theWindowIsMeasuredOnMonotonicTimeWhateverTheWallClockDoes() {
        try (PylonDriver driver = PylonDriver.can(bus, DriverOptions.builder("bank-1").time(clock)
                .scheduler(scheduler).eventExecutor(executor).build());
             CommissioningRecorder recorder = CommissioningRecorder.watching(driver, bus, false)) {
            clock.advance(Duration.ofSeconds(1));
            clock.stepWallClock(Duration.ofHours(-1));
            clock.advance(Duration.ofSeconds(2));
            assertThat(recorder.observation().window()).isEqualTo(Duration.ofSeconds(3));
            clock.stepWallClock(Duration.ofHours(2));
            clock.advance(Duration.ofSeconds(1));
            assertThat(recorder.observation().window()).isEqualTo(Duration.ofSeconds(4));
        }
    }
}

package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.transport.ConnectionState;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One bank read over CAN and RS485 at once: one model, per-source freshness. */
class MergedDriverTest {

    final ManualClock clock = new ManualClock();
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final ManualExecutor executor = new ManualExecutor();
    final FakeCanTransport can = new FakeCanTransport();
    final FakeRs485Battery battery = new FakeRs485Battery();
    final FakeByteTransport rs485 = new FakeByteTransport("fake-serial:test", battery);
    final PylonDriver driver = PylonDriver.canAndRs485(can, rs485, DriverOptions.builder("bank-both").clock(clock)
            .scheduler(scheduler).eventExecutor(executor).build());

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void bothLinksFeedOneModelWithTheirOwnFreshness() {
        driver.start();
        scheduler.advance(Duration.ZERO);
        rs485.pump();                                   // RS485 limits at T0: 25 A
        clock.advance(Duration.ofMillis(200));
        can.inject(CanDriverTest.L351);                 // CAN limits at T0+0.2 s: 480 A, newest wins
        can.inject(CanDriverTest.S355);

        BankStatus s = driver.status();
        assertThat(s.batteryLimits().orElseThrow().chargeCurrentLimitAmps()).isEqualTo(480.0);
        assertThat(s.stamp(BankField.LIMITS).orElseThrow().source()).isEqualTo(Source.CAN);
        assertThat(s.source(Source.CAN).lastReceived()).hasValue(ManualClock.T0.plusMillis(200));
        assertThat(s.source(Source.RS485).lastReceived()).hasValue(ManualClock.T0);
        assertThat(s.modules()).hasSize(3);             // only RS485 knows the modules
        assertThat(s.measurements().socPercent()).hasValue(88.0); // CAN's SOC is newer than the RS485 estimate

        // CAN goes quiet and down; RS485 keeps the bank fresh
        can.setState(ConnectionState.WAITING_TO_RECONNECT);
        for (int i = 0; i < 5; i++) {
            scheduler.advance(Duration.ofSeconds(1));
            rs485.pump();
        }
        BankStatus later = driver.status();
        assertThat(later.supervisionState()).isEqualTo(SupervisionState.FRESH);
        assertThat(later.stamp(BankField.LIMITS).orElseThrow().source()).isEqualTo(Source.RS485);
        assertThat(later.publishedLimits().chargeCurrentLimitAmps()).isEqualTo(75.0); // 25 A per module × 3
        assertThat(later.source(Source.CAN).lastReceived()).hasValue(ManualClock.T0.plusMillis(200));
    }
}

package io.pylon4j.driver;

import static io.pylon4j.driver.CanDriverTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.testing.ManualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Frames shorter than their id's layout, as real batteries and emulators send them (docs/protocol.md §1.2, §1.9, §4):
 * the driver takes the fields a frame carries and treats the ones it leaves out as absent, never as 0.
 */
class ShortCanFramesTest {

    // Battery-Emulator's 0x351 (PYLON-LV-CAN.cpp, DLC 6): 53.2 V, 100.0 A, 100.0 A, no discharge voltage
    static final CanFrame L351_DLC6 = CanFrame.of(0x351, bytes("14 02 E8 03 E8 03"));

    final ManualClock clock = new ManualClock();
    final ManualScheduler scheduler = new ManualScheduler(clock.source());
    final ManualExecutor executor = new ManualExecutor();
    final FakeCanTransport bus = new FakeCanTransport();
    PylonDriver driver;

    void start() {
        driver = PylonDriver.can(bus, DriverOptions.builder("bank-1").profile(InverterProfile.GENERIC_PYLON)
                .time(clock).scheduler(scheduler).eventExecutor(executor).build());
        driver.start();
    }

    void inject(CanFrame... frames) {
        for (CanFrame frame : frames) {
            bus.inject(frame);
        }
        executor.runAll();
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void aSixByte351PublishesLimitsWithTheDischargeVoltageAbsentNotZero() {
        start();
        inject(L351_DLC6, CanDriverTest.S355, CanDriverTest.M356);

        BankStatus s = driver.status();
        assertThat(s.batteryLimits()).hasValueSatisfying(l -> {
            assertThat(l.chargeVoltageLimitVolts()).isEqualTo(53.2);
            assertThat(l.chargeCurrentLimitAmps()).isEqualTo(100.0);
            assertThat(l.dischargeCurrentLimitAmps()).isEqualTo(100.0);
            assertThat(l.dischargeVoltageLimitVolts()).isEmpty();
        });
        assertThat(s.publishedLimits().chargeVoltageLimitVolts()).isEqualTo(53.2);
        assertThat(s.publishedLimits().chargeCurrentLimitAmps()).isEqualTo(100.0);
        assertThat(s.publishedLimits().dischargeCurrentLimitAmps()).isEqualTo(100.0);
        assertThat(s.publishedLimits().dischargeVoltageLimitVolts()).isEmpty();
        assertThat(driver.counters().canMalformed()).isZero();
    }

    @Test
    void aFourByte356UpdatesVoltageAndCurrentAndLeavesTheTemperatureAsItWas() {
        start();
        inject(CanDriverTest.L351, CanDriverTest.M356); // 49.86 V, -27.0 A, 36.3 °C
        inject(CanFrame.of(0x356, bytes("88 13 0A 00"))); // 50.00 V, +1.0 A, no temperature

        Measurements m = driver.status().measurements();
        assertThat(m.voltageVolts()).hasValue(50.0);
        assertThat(m.currentAmps()).hasValue(1.0);
        assertThat(m.temperatureCelsius()).as("the last temperature sent, not 0 °C").hasValue(36.3);
        assertThat(driver.counters().canMalformed()).isZero();
    }

    @Test
    void aSevenByte35ARaisesTheAlarmsItCarries() {
        start();
        inject(CanDriverTest.L351);
        // high-voltage alarm raised (byte 0 pair 2+3 = 01), everything else cleared; the last warning byte not sent
        inject(CanFrame.of(0x35A, bytes("A6 AA AA AA AA AA AA")));

        assertThat(driver.status().activeAlarms())
                .containsExactly(ActiveAlarm.of(Alarm.HIGH_VOLTAGE, Alarm.Level.ALARM));
        assertThat(driver.counters().canMalformed()).isZero();
    }

    @Test
    void aFourByte359AppliesItsFlagsAndLeavesTheModuleCountAsItWas() {
        start();
        inject(CanDriverTest.L351, CanDriverTest.F359); // 6 modules
        inject(CanFrame.of(0x359, bytes("02 00 00 00"))); // cell over-voltage protection, no module count

        assertThat(driver.status().moduleCount()).as("the last count sent, not 0").hasValue(6);
        assertThat(driver.status().activeAlarms()).isNotEmpty();
        assertThat(driver.counters().canMalformed()).isZero();
    }

    @Test
    void aFrameWithoutTheFieldsThatDefineItIsCountedAndIgnored() {
        start();
        inject(CanDriverTest.L351);
        inject(CanFrame.of(0x351, bytes("00 00 00 00 00")), CanFrame.of(0x356, bytes("88 13 0A")),
                CanFrame.of(0x35A, new byte[0]));

        assertThat(driver.counters().canMalformed()).isEqualTo(3);
        assertThat(driver.status().batteryLimits()).hasValueSatisfying(
                l -> assertThat(l.chargeCurrentLimitAmps()).isEqualTo(480.0));
        assertThat(driver.status().measurements().voltageVolts()).isEmpty();
    }
}

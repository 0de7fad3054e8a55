package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.ChargeDischargeManagementRequest;
import io.pylon4j.rs485.Rs485Codec;
import io.pylon4j.rs485.Rs485FrameCodec;
import io.pylon4j.testing.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The plausibility gate through the real driver: implausible battery limits from CAN 0x351 and RS485 0x92 are not
 * published as {@link LimitSource#BATTERY}, count as missing (the bank ages to STALE and the fail-safe), are counted
 * in {@link DriverCounters#implausibleValues()}, and the provenance says why.
 */
class PlausibilityGateTest {

    /** 4 modules, no flags. */
    static final CanFrame F359_4 = CanFrame.of(0x359, CanDriverTest.bytes("00 00 00 00 04 50 4E"));
    /** 53.2 V, 100.0 A, 100.0 A, 45.0 V: plausible for 4 modules. */
    static final CanFrame GOOD_351 = CanFrame.of(0x351, CanDriverTest.bytes("14 02 E8 03 E8 03 C2 01"));
    /** The frame: every byte FF but the current limits' high bytes 7F. */
    static final CanFrame ALL_ONES_351 = CanFrame.of(0x351, CanDriverTest.bytes("FF FF FF 7F FF 7F FF FF"));
    /** 53.2 V, 100.0 A, DCL wire 0x8000 ("invalid"; +3276.8 A as a magnitude), 45.0 V. */
    static final CanFrame DCL_8000_351 = CanFrame.of(0x351, CanDriverTest.bytes("14 02 E8 03 00 80 C2 01"));
    /** CVL 44.0 V below the discharge voltage limit 45.0 V. */
    static final CanFrame CVL_BELOW_DVL_351 = CanFrame.of(0x351, CanDriverTest.bytes("B8 01 E8 03 E8 03 C2 01"));

    final ManualClock clock = new ManualClock();
    final ManualScheduler scheduler = new ManualScheduler(clock.source());
    final ManualExecutor executor = new ManualExecutor();
    final FakeCanTransport bus = new FakeCanTransport();
    final FakeRs485Battery battery = new FakeRs485Battery();
    final FakeByteTransport link = new FakeByteTransport("fake-serial:test", battery);
    PylonDriver driver;

    PylonDriver startCan() {
        driver = PylonDriver.can(bus, DriverOptions.builder("bank-1").profile(InverterProfile.GENERIC_PYLON)
                .time(clock).scheduler(scheduler).eventExecutor(executor).build());
        driver.start();
        return driver;
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void allOnes351IsNotPublishedCountedAndExplained() {
        startCan();
        bus.inject(F359_4);
        bus.inject(ALL_ONES_351);

        BankStatus s = driver.status();
        PublishedLimits p = s.publishedLimits();
        assertThat(s.batteryLimits()).isEmpty();
        assertThat(p.chargeCurrentLimitAmps()).isZero();
        assertThat(p.dischargeCurrentLimitAmps()).isZero();
        assertThat(p.chargeVoltageLimitVolts()).isZero();
        assertThat(p.chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.FAIL_SAFE_NO_DATA);
        assertThat(p.chargeCurrentLimitProvenance().reason())
                .contains("CCL 3276.7 A from the battery is implausible for 4 modules, at most 400 A")
                .contains("CVL from the battery is its wire value for \"invalid\", not a limit");
        assertThat(s.supervisionState()).isEqualTo(SupervisionState.CONNECTING);
        assertThat(driver.counters().implausibleValues()).isEqualTo(1);
    }

    @Test
    void dclWire8000IsNeverAMagnitude() {
        startCan();
        bus.inject(F359_4);
        bus.inject(DCL_8000_351);

        PublishedLimits p = driver.status().publishedLimits();
        assertThat(p.dischargeCurrentLimitAmps()).isZero();
        assertThat(p.dischargeCurrentLimitProvenance().source()).isNotEqualTo(LimitSource.BATTERY);
        assertThat(p.dischargeCurrentLimitProvenance().reason())
                .contains("DCL from the battery is its wire value for \"invalid\", not a limit");
        assertThat(driver.counters().implausibleValues()).isEqualTo(1);
    }

    @Test
    void cvlBelowTheDischargeVoltageLimitIsRejected() {
        startCan();
        bus.inject(F359_4);
        bus.inject(CVL_BELOW_DVL_351);

        assertThat(driver.status().batteryLimits()).isEmpty();
        assertThat(driver.status().publishedLimits().chargeVoltageLimitProvenance().reason())
                .contains("CVL 44 V from the battery is implausible: not above the discharge voltage limit 45 V");
        assertThat(driver.counters().implausibleValues()).isEqualTo(1);
    }

    @Test
    void onlyImplausibleFramesAgeTheBankToStaleAndTheFailSafeThenPlausibleOnesRecover() {
        startCan();
        bus.inject(F359_4);
        bus.inject(GOOD_351);
        assertThat(driver.status().supervisionState()).isEqualTo(SupervisionState.FRESH);
        assertThat(driver.status().publishedLimits().chargeCurrentLimitAmps()).isEqualTo(100.0);

        // the battery keeps talking, once a second, but only nonsense: as if silent (stale after 3 s)
        for (int i = 0; i < 4; i++) {
            scheduler.advance(Duration.ofSeconds(1));
            bus.inject(F359_4);
            bus.inject(ALL_ONES_351);
        }
        BankStatus s = driver.status();
        assertThat(s.supervisionState()).isEqualTo(SupervisionState.STALE);
        assertThat(s.publishedLimits().chargeCurrentLimitAmps()).isZero();
        assertThat(s.publishedLimits().dischargeCurrentLimitAmps()).isZero();
        LimitProvenance why = s.publishedLimits().chargeCurrentLimitProvenance();
        assertThat(why.source()).isEqualTo(LimitSource.FAIL_SAFE_STALE);
        assertThat(why.batteryValue()).hasValue(100.0); // the last plausible value, never 3276.7
        assertThat(why.reason()).contains("CCL 3276.7 A from the battery is implausible for 4 modules, at most 400 A");
        assertThat(s.batteryLimits().orElseThrow().chargeCurrentLimitAmps()).isEqualTo(100.0);
        assertThat(driver.counters().implausibleValues()).isEqualTo(4);

        scheduler.advance(Duration.ofSeconds(1));
        bus.inject(GOOD_351);
        BankStatus back = driver.status();
        assertThat(back.supervisionState()).isEqualTo(SupervisionState.RECOVERED);
        assertThat(back.publishedLimits().chargeCurrentLimitAmps()).isEqualTo(100.0);
        assertThat(back.publishedLimits().chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.BATTERY);
        assertThat(back.publishedLimits().chargeCurrentLimitProvenance().reason()).doesNotContain("implausible");
    }

    @Test
    void implausibleFramesWhileFreshKeepTheLastPlausibleValuesAndSayWhy() {
        startCan();
        bus.inject(F359_4);
        bus.inject(GOOD_351);
        bus.inject(ALL_ONES_351);

        PublishedLimits p = driver.status().publishedLimits();
        assertThat(p.chargeCurrentLimitAmps()).isEqualTo(100.0); // still fresh: the last plausible value
        assertThat(p.chargeCurrentLimitProvenance().reason()).contains("newest limits were rejected: ")
                .contains("CCL 3276.7 A");
    }

    @Test
    void rs485AllOnes92WithValidChecksumsIsNotPublished() {
        // FFFF FFFF 7FFF 8000: CVL and DVL 0xFFFF, CCL 3276.7 A per module, DCL 0x8000; checksums by the codec
        byte[] reply = new ChargeDischargeManagement(2, 2, 0xFFFF, 0xFFFF, 0x7FFF, -0x8000, 0xC0).toFrame()
                .encode();
        assertThat(Rs485Codec.decodeResponse(ChargeDischargeManagementRequest.of(2), Rs485FrameCodec.decode(reply)))
                .isInstanceOf(ChargeDischargeManagement.class); // the frame itself is sound
        battery.reply92 = reply;
        driver = PylonDriver.rs485(link, DriverOptions.builder("bank-485").time(clock).scheduler(scheduler)
                .eventExecutor(executor).build());
        driver.start();
        scheduler.advance(Duration.ZERO);
        link.pump();

        BankStatus s = driver.status();
        assertThat(s.moduleCount()).hasValue(3);
        assertThat(s.batteryLimits()).isEmpty();
        assertThat(s.publishedLimits().chargeCurrentLimitAmps()).isZero();
        assertThat(s.publishedLimits().chargeCurrentLimitProvenance().source())
                .isEqualTo(LimitSource.FAIL_SAFE_NO_DATA);
        assertThat(s.publishedLimits().chargeCurrentLimitProvenance().reason())
                .contains("CCL 9830.1 A from the battery is implausible for 3 modules, at most 300 A")
                .contains("DCL from the battery is its wire value for \"invalid\", not a limit");
        assertThat(driver.counters().implausibleValues()).isEqualTo(1);
        assertThat(driver.counters().rs485ChecksumErrors()).isZero();
    }

    @Test
    void aConfiguredBankRatingIsTheBound() {
        driver = PylonDriver.can(bus, DriverOptions.builder("bank-rated").time(clock).scheduler(scheduler)
                .eventExecutor(executor).plausibility(LimitPlausibility.defaults().withBankCurrentAmps(90)).build());
        driver.start();
        bus.inject(F359_4);
        bus.inject(GOOD_351); // 100 A: plausible for 4 modules, not for a bank rated 90 A

        assertThat(driver.status().batteryLimits()).isEmpty();
        assertThat(driver.status().publishedLimits().chargeCurrentLimitProvenance().reason())
                .contains("CCL 100 A from the battery is implausible for a bank rated 90 A, at most 90 A");
        assertThat(driver.counters().implausibleValues()).isEqualTo(1);
    }

    @Test
    void mergedBankKeepsThePlausibleLinksLimits() {
        driver = PylonDriver.canAndRs485(bus, link, DriverOptions.builder("bank-both").time(clock)
                .scheduler(scheduler).eventExecutor(executor).build());
        driver.start();
        scheduler.advance(Duration.ZERO);
        link.pump();                                   // RS485: 3 × 25 A
        clock.advance(Duration.ofMillis(200));
        bus.inject(ALL_ONES_351);                      // newer, but nonsense: must not win

        BankStatus s = driver.status();
        assertThat(s.publishedLimits().chargeCurrentLimitAmps()).isEqualTo(75.0);
        assertThat(s.publishedLimits().chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.BATTERY);
        assertThat(s.stamp(BankField.LIMITS).orElseThrow().source()).isEqualTo(Source.RS485);
        assertThat(s.publishedLimits().chargeCurrentLimitProvenance().reason())
                .contains("CCL 3276.7 A from the battery is implausible for 3 modules, at most 300 A");
        assertThat(driver.counters().implausibleValues()).isEqualTo(1);
    }
}

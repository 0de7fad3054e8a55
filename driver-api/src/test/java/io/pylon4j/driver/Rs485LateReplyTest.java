package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.testing.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A reply that arrives after its request's response timeout is never published as the answer to the next request
 * (docs/safety.md, "A late RS485 reply"), on a virtual clock with the battery's replies held back and put on the wire
 * exactly when the test chooses: in the quiet guard after the timeout, or (time having jumped past the guard) while
 * the next request is in flight. The CI case: a 0x93 reply taken as 0x96, version "80.80" here ("80.83" there).
 */
class Rs485LateReplyTest {

    static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** A quarter of the response timeout (Rs485Strategy). */
    static final Duration GUARD = Duration.ofMillis(250);

    final ManualClock clock = new ManualClock();
    final ManualScheduler scheduler = new ManualScheduler(clock.source());
    final ManualExecutor executor = new ManualExecutor();
    final FakeRs485Battery battery = new FakeRs485Battery();
    final FakeByteTransport link = new FakeByteTransport("fake-serial:late", battery);
    PylonDriver driver;

    void start() {
        InverterProfile noRetries = InverterProfile.GENERIC_PYLON.toBuilder().rs485ResponseTimeout(TIMEOUT)
                .rs485Retries(0).build(); // a timeout gives the request up: the next command follows at once
        driver = PylonDriver.rs485(link, DriverOptions.builder("bank-late").profile(noRetries).time(clock)
                .scheduler(scheduler).eventExecutor(executor).build());
        driver.start();
    }

    void step(Duration d) {
        scheduler.advance(d);
        link.pump();
    }

    /** Puts the oldest held reply on the wire now. */
    void releaseHeld() {
        link.inject(battery.held.poll());
        link.pump();
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    ModuleDetails module2() {
        return driver.status().modules().get(2);
    }

    @Test
    void aSerialNumberReplyInTheGuardIsDiscardedAsLateNotPublishedAsTheSoftwareVersion() {
        battery.holdOnce.add(0x93);
        battery.holdOnce.add(0x96);
        start();
        step(Duration.ZERO); // 51, 47, 42, 44, 92 answered; 93@02 written, its reply held
        assertThat(battery.commands()).endsWith("93@02");
        step(TIMEOUT); // 93@02 times out: the line is kept quiet
        releaseHeld(); // the 0x93 reply, late: between the timeout and the next request

        assertThat(module2().manufacturerVersion()).isEmpty();
        assertThat(driver.counters().rs485LateReplies()).isEqualTo(1);
        step(GUARD.multipliedBy(2)); // the guard, extended once for the late reply's bytes; then 96@02 (held)
        assertThat(battery.commands()).endsWith("93@02", "96@02");
        releaseHeld(); // 96@02's own reply
        step(Duration.ZERO);

        assertThat(module2().manufacturerVersion()).hasValue("2.3");
        assertThat(module2().mainlineVersion()).hasValue("0.6.5");
        assertThat(module2().serialNumber()).isEmpty(); // never answered in time: absent, not made up
        assertThat(driver.status().modules().get(3).serialNumber()).hasValue("PPTBH03123456789");
        assertThat(driver.counters().rs485RepliesNotMatchingRequest()).isZero();
        assertThat(driver.counters().rs485BadFrames()).isEqualTo(1);
    }

    @Test
    void aSerialNumberReplyAfterTheGuardLandsOnTheSoftwareVersionRequestAndIsRefusedByItsLength() {
        battery.holdOnce.add(0x93);
        battery.holdOnce.add(0x96);
        start();
        step(Duration.ZERO);
        step(TIMEOUT.plus(GUARD)); // time jumped past the timeout and the quiet guard: 96@02 is in flight
        assertThat(battery.commands()).endsWith("93@02", "96@02");
        releaseHeld(); // the late 0x93 reply, read against 0x96: 17 INFO bytes where the layout takes 6
        assertThat(module2().manufacturerVersion()).isEmpty();
        assertThat(driver.counters().rs485RepliesNotMatchingRequest()).isEqualTo(1);
        releaseHeld(); // then 96@02's own reply, still awaited
        step(Duration.ZERO);

        assertThat(module2().manufacturerVersion()).hasValue("2.3");
        assertThat(module2().mainlineVersion()).hasValue("0.6.5");
        assertThat(module2().serialNumber()).isEmpty();
        assertThat(driver.counters().rs485LateReplies()).isZero();
    }

    /** The cycle's own 0x92 limits, distinct from the captured ones. */
    static final ChargeDischargeManagement LIMITS = new ChargeDischargeManagement(2, 2, 52_500, 47_000, 300, -300,
            0xC0);

    void aLateAlarmReplyIsNotTakenAsTheLimits(Duration lateBy) {
        start();
        step(Duration.ZERO); // the first cycle, all answered: the captured limits, 53.25 V
        assertThat(driver.status().batteryLimits().orElseThrow().chargeVoltageLimitVolts()).isEqualTo(53.25);
        battery.received.clear();
        battery.holdOnce.add(0x44);
        battery.holdOnce.add(0x92);
        battery.reply92 = LIMITS.toFrame().encode();
        step(Duration.ofSeconds(1)); // the second cycle: 42 answered, 44 written, its reply held
        step(lateBy);
        releaseHeld(); // the late whole-stack 0x44 reply (92 INFO bytes)
        if (battery.commands().contains("92@02")) {
            releaseHeld(); // the 0x92 reply, when its request went out before the late reply
        } else {
            step(GUARD.multipliedBy(2)); // the guard and its extension: then 92@02
            releaseHeld();
        }
        step(Duration.ZERO);

        assertThat(battery.commands()).containsExactly("42@02", "44@02", "92@02");
        assertThat(driver.status().batteryLimits().orElseThrow().chargeVoltageLimitVolts()).isEqualTo(52.5);
        // the master's 30 A for each of the three modules, as the aggregator scales it
        assertThat(driver.status().batteryLimits().orElseThrow().chargeCurrentLimitAmps()).isEqualTo(3 * 30.0);
        assertThat(driver.counters().implausibleValues()).isZero(); // the alarm bytes were never read as limits
        assertThat(driver.counters().rs485LateReplies() + driver.counters().rs485RepliesNotMatchingRequest())
                .isEqualTo(1);

        battery.received.clear();
        for (int i = 0; i < 3; i++) {
            step(Duration.ofSeconds(1)); // the following cycles: every request answered in time
        }
        assertThat(battery.commands()).startsWith("42@02", "44@02", "92@02", "42@02", "44@02", "92@02");
        assertThat(driver.counters().rs485LateReplies() + driver.counters().rs485RepliesNotMatchingRequest())
                .isEqualTo(1);
        assertThat(driver.status().batteryLimits().orElseThrow().chargeVoltageLimitVolts()).isEqualTo(52.5);
        // the held replies kept the bank silent past the stale timeout (3 s): it has recovered since
        assertThat(driver.status().supervisionState()).isIn(SupervisionState.RECOVERED, SupervisionState.FRESH);
    }

    @Test
    void aLateAlarmReplyInTheGuardIsDiscardedAndTheCyclesOwnLimitsArePublished() {
        aLateAlarmReplyIsNotTakenAsTheLimits(TIMEOUT);
        assertThat(driver.counters().rs485LateReplies()).isEqualTo(1);
    }

    @Test
    void aLateAlarmReplyLandingOnTheLimitsRequestIsRefusedByItsLength() {
        aLateAlarmReplyIsNotTakenAsTheLimits(TIMEOUT.plus(GUARD));
        assertThat(driver.counters().rs485RepliesNotMatchingRequest()).isEqualTo(1);
    }
}

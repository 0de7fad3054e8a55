package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanMessage;
import io.pylon4j.can.InverterKeepAlive;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.can.VictronIdentity;
import io.pylon4j.testing.FaultInjectingCanTransport;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CAN strategy over a synchronous fake transport, on a virtual clock. */
class CanDriverTest {

    // Setfire Labs' US5000 on Pylontech V1.2 (docs/captures/can-setfirelabs-us5000-v12-vs-v13.txt)
    static final CanFrame L351 = CanFrame.of(0x351, bytes("14 02 C0 12 C0 12 C2 01"));
    static final CanFrame S355 = CanFrame.of(0x355, bytes("58 00 5E 00"));
    static final CanFrame M356 = CanFrame.of(0x356, bytes("7A 13 F2 FE 6B 01"));
    static final CanFrame F359 = CanFrame.of(0x359, bytes("00 00 00 00 06 50 4E"));
    static final CanFrame R35C = CanFrame.of(0x35C, bytes("C0 00"));

    final ManualClock clock = new ManualClock();
    final ManualScheduler scheduler = new ManualScheduler(clock.source());
    final ManualExecutor executor = new ManualExecutor();
    final FakeCanTransport bus = new FakeCanTransport();
    final List<BankEvent> events = new ArrayList<>();
    PylonDriver driver;

    static byte[] bytes(String hex) {
        String[] parts = hex.split(" ");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return out;
    }

    PylonDriver start(InverterProfile profile) {
        return start(profile, bus);
    }

    PylonDriver start(InverterProfile profile, CanTransport link) {
        driver = PylonDriver.can(link, DriverOptions.builder("bank-1").profile(profile).time(clock)
                .scheduler(scheduler).eventExecutor(executor).build());
        driver.addListener(events::add);
        driver.start();
        return driver;
    }

    void dataSet() {
        for (CanFrame f : List.of(L351, S355, M356, F359, R35C)) {
            bus.inject(f);
        }
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void setfireUs5000FramesReachStatusAndEvents() {
        start(InverterProfile.GENERIC_PYLON);
        dataSet();
        executor.runAll();

        BankStatus s = driver.status();
        assertThat(s.supervisionState()).isEqualTo(SupervisionState.FRESH);
        assertThat(s.batteryLimits()).hasValueSatisfying(l -> {
            assertThat(l.chargeVoltageLimitVolts()).isEqualTo(53.2);
            assertThat(l.chargeCurrentLimitAmps()).isEqualTo(480.0);
            assertThat(l.dischargeCurrentLimitAmps()).isEqualTo(480.0);
            assertThat(l.dischargeVoltageLimitVolts()).hasValue(45.0);
        });
        assertThat(s.publishedLimits().chargeCurrentLimitAmps()).isEqualTo(480.0);
        assertThat(s.measurements().socPercent()).hasValue(88.0);
        assertThat(s.measurements().sohPercent()).hasValue(94.0);
        assertThat(s.measurements().voltageVolts()).hasValue(49.86);
        assertThat(s.measurements().currentAmps()).hasValue(-27.0);
        assertThat(s.measurements().temperatureCelsius()).hasValue(36.3);
        assertThat(s.moduleCount()).hasValue(6);
        assertThat(s.activeAlarms()).isEmpty();
        assertThat(s.requestFlags()).hasValueSatisfying(f -> {
            assertThat(f.chargeEnable()).isTrue();
            assertThat(f.dischargeEnable()).isTrue();
        });
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).contains("SupervisionStateChanged",
                "LimitsChanged", "MeasurementsUpdated", "ModuleCountChanged", "RequestFlagsChanged");
        assertThat(driver.counters().canFrames()).isEqualTo(5);
    }

    @Test
    void eventsAreDeliveredOnTheCallersExecutorNotTheIoThread() {
        start(InverterProfile.GENERIC_PYLON);
        dataSet();
        assertThat(events).isEmpty(); // nothing ran on the transport's (here: the test's) thread
        assertThat(executor.runAll()).isPositive();
        assertThat(events).isNotEmpty();
    }

    @Test
    void sendsKeepAliveEverySecond() {
        start(InverterProfile.GENERIC_PYLON);
        scheduler.advance(Duration.ofMillis(2500));
        PylonCanCodec codec = PylonCanCodec.standard();
        List<CanMessage> sent = bus.sent.stream().map(codec::decode).toList();
        assertThat(sent).containsExactly(InverterKeepAlive.ZEROS, InverterKeepAlive.ZEROS, InverterKeepAlive.ZEROS);
        assertThat(driver.counters().keepAlivesSent()).isEqualTo(3);
    }

    @Test
    void victronModeAddsIdentity() {
        start(InverterProfile.VICTRON);
        scheduler.advance(Duration.ofMillis(1500));
        PylonCanCodec codec = PylonCanCodec.standard();
        assertThat(bus.sent.stream().map(codec::decode).toList()).containsExactly(InverterKeepAlive.ZEROS,
                VictronIdentity.VICTRON, InverterKeepAlive.ZEROS, VictronIdentity.VICTRON);
        assertThat(bus.sent.get(1).dataHex()).isEqualToIgnoringCase("1234567856494300");
    }

    @Test
    void solArkModeSendsKeepAliveAfterEachDataSetNotOnATimer() {
        start(InverterProfile.SOL_ARK);
        scheduler.advance(Duration.ofSeconds(3));
        assertThat(bus.sent).isEmpty();
        dataSet();
        dataSet();
        assertThat(bus.sent).hasSize(2).allMatch(f -> f.id() == InverterKeepAlive.ID);
    }

    @Test
    void keepAliveSkippedAndCountedWhileDisconnected() {
        FaultInjectingCanTransport link = new FaultInjectingCanTransport(bus); // a cable pulled and put back on cue
        start(InverterProfile.GENERIC_PYLON, link);
        link.killLink();
        scheduler.advance(Duration.ofMillis(1500));
        assertThat(bus.sent).isEmpty();
        assertThat(driver.counters().keepAlivesSkipped()).isEqualTo(2);
        link.restoreLink();
        scheduler.advance(Duration.ofMillis(1000));
        assertThat(bus.sent).hasSize(1);
        assertThat(driver.counters().reconnects()).isEqualTo(1);
    }

    @Test
    void staleAfterThreeSecondsPublishesFailSafeZeroCurrentsThenLostThenRecovers() {
        start(InverterProfile.GENERIC_PYLON);
        dataSet();
        scheduler.advance(Duration.ofMillis(2900));
        assertThat(driver.status().supervisionState()).isEqualTo(SupervisionState.FRESH);
        scheduler.advance(Duration.ofMillis(100));
        BankStatus stale = driver.status();
        assertThat(stale.supervisionState()).isEqualTo(SupervisionState.STALE);
        assertThat(stale.publishedLimits().chargeCurrentLimitAmps()).isZero();
        assertThat(stale.publishedLimits().dischargeCurrentLimitAmps()).isZero();
        assertThat(stale.chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.FAIL_SAFE_STALE);

        scheduler.advance(Duration.ofSeconds(7));
        assertThat(driver.status().supervisionState()).isEqualTo(SupervisionState.LOST);
        assertThat(driver.status().chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.FAIL_SAFE_LOST);

        bus.inject(L351);
        assertThat(driver.status().supervisionState()).isIn(SupervisionState.RECOVERED, SupervisionState.FRESH);
        assertThat(driver.status().publishedLimits().chargeCurrentLimitAmps()).isEqualTo(480.0);
        executor.runAll();
        assertThat(events).filteredOn(e -> e instanceof BankEvent.SupervisionStateChanged)
                .extracting(e -> ((BankEvent.SupervisionStateChanged) e).current())
                .containsSubsequence(SupervisionState.FRESH, SupervisionState.STALE, SupervisionState.LOST,
                        SupervisionState.RECOVERED);
    }

    /**
     * A controller without a real-time clock gets an NTP correction while the bank is silent: stepped one hour back
     * the wall clock would keep the bank FRESH at full current for that hour, stepped forward it would make it LOST
     * at once. Supervision runs on the monotonic time, so STALE and LOST come at 3.0 s and 10.0 s whatever the step.
     */
    @ParameterizedTest(name = "wall clock stepped by {0} s after 1 s of silence")
    @ValueSource(longs = {0, -3600, 3600})
    void aWallClockStepDuringSilenceMovesNeitherStaleNorLost(long stepSeconds) {
        start(InverterProfile.GENERIC_PYLON);
        dataSet();
        scheduler.advance(Duration.ofSeconds(1));
        clock.stepWallClock(Duration.ofSeconds(stepSeconds));
        Instant wallAtStart = ManualClock.T0.plusSeconds(stepSeconds);

        scheduler.advance(Duration.ofMillis(1900));
        assertThat(driver.status().supervisionState()).isEqualTo(SupervisionState.FRESH);
        assertThat(driver.status().publishedLimits().chargeCurrentLimitAmps()).isEqualTo(480.0);
        scheduler.advance(Duration.ofMillis(100));
        BankStatus stale = driver.status();
        assertThat(stale.supervisionState()).isEqualTo(SupervisionState.STALE);
        assertThat(stale.publishedLimits().chargeCurrentLimitAmps()).isZero();
        assertThat(stale.chargeCurrentLimitProvenance().reason()).contains("3.0 s");
        assertThat(stale.age(BankField.LIMITS, driver.now())).contains(Duration.ofSeconds(3));
        scheduler.advance(Duration.ofMillis(6900));
        assertThat(driver.status().supervisionState()).isEqualTo(SupervisionState.STALE);
        scheduler.advance(Duration.ofMillis(100));
        assertThat(driver.status().supervisionState()).isEqualTo(SupervisionState.LOST);
        assertThat(driver.status().chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.FAIL_SAFE_LOST);

        executor.runAll();
        // the events show the wall clock as it was when they happened, step included
        assertThat(events).filteredOn(e -> e instanceof BankEvent.SupervisionStateChanged)
                .extracting(e -> ((BankEvent.SupervisionStateChanged) e).current(), BankEvent::at)
                .containsExactly(tuple(SupervisionState.FRESH, ManualClock.T0),
                        tuple(SupervisionState.STALE, wallAtStart.plusSeconds(3)),
                        tuple(SupervisionState.LOST, wallAtStart.plusSeconds(10)));
    }

    @Test
    void malformedAndUnknownFramesAreCountedNotFatal() {
        start(InverterProfile.GENERIC_PYLON);
        bus.inject(CanFrame.of(0x351, bytes("14 02")));      // too short
        bus.inject(CanFrame.of(0x123, bytes("01 02 03")));   // not a Pylontech id
        bus.inject(L351);
        assertThat(driver.counters().canMalformed()).isEqualTo(1);
        assertThat(driver.counters().canUnknown()).isEqualTo(1);
        assertThat(driver.status().batteryLimits()).isPresent();
    }

    @Test
    void closeIsIdempotentReleasesListenersAndLeavesHandedInTransportOpen() {
        start(InverterProfile.GENERIC_PYLON);
        driver.close();
        driver.close();
        assertThat(bus.listenerCount()).isZero();
        assertThat(bus.stateListenerCount()).isZero();
        assertThat(scheduler.pending()).isZero();
        assertThat(bus.closedByDriver).isFalse();
        assertThat(driver.isClosed()).isTrue();
    }
}

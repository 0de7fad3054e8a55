package io.pylon4j.driver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.Alarm;
import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.BankField;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.FieldStamp;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.LimitCaps;
import io.pylon4j.driver.LimitPolicy;
import io.pylon4j.driver.LimitProvenance;
import io.pylon4j.driver.LimitSource;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.ManualClock;
import io.pylon4j.driver.ManualExecutor;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.RequestFlags;
import io.pylon4j.driver.Source;
import io.pylon4j.driver.SupervisionState;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.time.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Merging, diffing, supervision and provenance in {@link BankModel}, on a manual clock. */
class BankModelTest {

    static final Limits L = Limits.of(53.2, 100, 120, 45);

    final ManualClock clock = new ManualClock();
    final List<BankEvent> events = new ArrayList<>();
    final BankModel model = BankModel.create("bank-1", InverterProfile.VICTRON, events::add, clock.instant());

    List<BankEvent> drain() {
        List<BankEvent> copy = List.copyOf(events);
        events.clear();
        return copy;
    }

    static List<BankEvent.Type> types(List<BankEvent> list) {
        return list.stream().map(BankEvent::type).toList();
    }

    @Test
    void startsConnectingWithNoDataLimitsAndNoEvents() {
        BankStatus s = model.status();
        assertThat(s.bankId()).isEqualTo("bank-1");
        assertThat(s.supervisionState()).isEqualTo(SupervisionState.CONNECTING);
        assertThat(s.batteryLimits()).isEmpty();
        assertThat(s.publishedLimits().chargeCurrentLimitAmps()).isZero();
        assertThat(s.chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.FAIL_SAFE_NO_DATA);
        assertThat(s.age(BankField.LIMITS, clock.now())).isEmpty();
        assertThat(s.sources()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void firstLimitsMakeTheBankFreshAndPublishTheBatteryValues() {
        Instant at = clock.advanceMillis(500);
        model.onLimits(Source.CAN, L, at);
        List<BankEvent> got = drain();
        assertThat(got).containsExactly(
                new BankEvent.SupervisionStateChanged("bank-1", at, SupervisionState.CONNECTING,
                        SupervisionState.FRESH, "first limits received"),
                new BankEvent.LimitsChanged("bank-1", at, model.status().publishedLimits()));
        BankStatus s = model.status();
        assertThat(s.publishedLimits().asLimits()).isEqualTo(L);
        assertThat(s.chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.BATTERY);
        assertThat(s.batteryLimits()).contains(L);
        assertThat(s.stamp(BankField.LIMITS)).contains(new FieldStamp(at, Source.CAN));
    }

    @Test
    void repeatedLimitsEmitNothingButRefreshTheAge() {
        model.onLimits(Source.CAN, L, clock.advanceMillis(100));
        drain();
        Instant at = clock.advanceMillis(1000);
        model.onLimits(Source.CAN, L, at);
        assertThat(events).isEmpty();
        assertThat(model.status().age(BankField.LIMITS, Moment.ofInstant(clock.advanceMillis(250))))
                .contains(Duration.ofMillis(250));
    }

    @Test
    void changedLimitsEmitOnlyLimitsChanged() {
        model.onLimits(Source.CAN, L, clock.advanceMillis(100));
        drain();
        Instant at = clock.advanceMillis(1000);
        model.onLimits(Source.CAN, Limits.of(53.2, 80, 120, 45), at);
        List<BankEvent> got = drain();
        assertThat(types(got)).containsExactly(BankEvent.Type.LIMITS_CHANGED);
        BankEvent.LimitsChanged lc = (BankEvent.LimitsChanged) got.get(0);
        assertThat(lc.limits().chargeCurrentLimitAmps()).isEqualTo(80.0);
        assertThat(lc.at()).isEqualTo(at);
    }

    @Test
    void whyIsTheChargeLimitZero() {
        Instant received = clock.advanceMillis(100);
        model.onLimits(Source.CAN, L, received);
        drain();
        model.tick(received.plusMillis(2_999));
        assertThat(events).isEmpty();

        Instant staleAt = received.plusSeconds(3);
        model.tick(staleAt);
        List<BankEvent> got = drain();
        assertThat(types(got)).containsExactly(BankEvent.Type.SUPERVISION_STATE_CHANGED,
                BankEvent.Type.LIMITS_CHANGED);
        BankStatus stale = model.status();
        assertThat(stale.supervisionState()).isEqualTo(SupervisionState.STALE);
        assertThat(stale.publishedLimits().chargeCurrentLimitAmps()).isZero();
        assertThat(stale.publishedLimits().dischargeCurrentLimitAmps()).isZero();
        assertThat(stale.chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.FAIL_SAFE_STALE);
        assertThat(stale.publishedLimits().chargeVoltageLimitVolts()).isEqualTo(53.2);
        assertThat(stale.chargeVoltageLimitProvenance().source()).isEqualTo(LimitSource.BATTERY_LAST_KNOWN);

        Instant lostAt = received.plusSeconds(10);
        model.tick(lostAt);
        got = drain();
        assertThat(got.get(0)).isEqualTo(new BankEvent.SupervisionStateChanged("bank-1", lostAt,
                SupervisionState.STALE, SupervisionState.LOST, "no limits for 10.0 s (lost after 10.0 s)"));
        BankStatus lost = model.status();
        assertThat(lost.chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.FAIL_SAFE_LOST);
        assertThat(lost.chargeCurrentLimitProvenance().reason()).contains("for 10.0 s").contains("100 A");
        assertThat(lost.chargeCurrentLimitProvenance().batteryValue()).hasValue(100.0);
        assertThat(lost.supervisionReason()).isEqualTo("no limits for 10.0 s (lost after 10.0 s)");
        assertThat(lost.age(BankField.LIMITS, Moment.ofInstant(lostAt))).contains(Duration.ofSeconds(10));
        assertThat(((BankEvent.LimitsChanged) got.get(1)).limits()).isEqualTo(lost.publishedLimits());
    }

    @Test
    void limitsAfterLossRecoverThenFreshen() {
        Instant received = clock.advanceMillis(100);
        model.onLimits(Source.CAN, L, received);
        model.tick(received.plusSeconds(11));
        drain();
        Instant back = received.plusSeconds(15);
        model.onLimits(Source.CAN, L, back);
        List<BankEvent> got = drain();
        assertThat(types(got)).containsExactly(BankEvent.Type.SUPERVISION_STATE_CHANGED,
                BankEvent.Type.LIMITS_CHANGED);
        assertThat(((BankEvent.SupervisionStateChanged) got.get(0)).current()).isEqualTo(SupervisionState.RECOVERED);
        assertThat(model.status().chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.BATTERY);
        assertThat(model.status().publishedLimits().chargeCurrentLimitAmps()).isEqualTo(100.0);
        model.tick(back.plusMillis(100));
        got = drain();
        assertThat(got).containsExactly(new BankEvent.SupervisionStateChanged("bank-1", back.plusMillis(100),
                SupervisionState.RECOVERED, SupervisionState.FRESH, "limits current"));
        assertThat(model.status().supervisionState()).isEqualTo(SupervisionState.FRESH);
    }

    @Test
    void measurementsMergePerFieldAndEmitOnlyOnChange() {
        Instant t1 = clock.advanceMillis(100);
        model.onMeasurements(Source.CAN, Measurements.builder().socPercent(88).sohPercent(94).build(), t1);
        Instant t2 = clock.advanceMillis(100);
        model.onMeasurements(Source.CAN, Measurements.builder().voltageVolts(49.86).currentAmps(-27.0)
                .temperatureCelsius(36.3).build(), t2);
        List<BankEvent> got = drain();
        assertThat(got).hasSize(2);
        assertThat(((BankEvent.MeasurementsUpdated) got.get(1)).measurements())
                .isEqualTo(Measurements.of(88, 94, 49.86, -27.0, 36.3));
        Instant t3 = clock.advanceMillis(1000);
        model.onMeasurements(Source.CAN, Measurements.builder().socPercent(88).sohPercent(94).build(), t3);
        assertThat(events).isEmpty();
        BankStatus s = model.status();
        assertThat(s.age(BankField.SOC, Moment.ofInstant(t3))).contains(Duration.ZERO);
        assertThat(s.age(BankField.VOLTAGE, Moment.ofInstant(t3))).contains(Duration.ofMillis(1000));
        assertThat(s.stamp(BankField.CURRENT)).contains(new FieldStamp(t2, Source.CAN));
    }

    @Test
    void anOlderValueFromAnotherSourceDoesNotOverwriteANewerOne() {
        Instant rs485Observed = clock.advanceMillis(100);
        Instant canObserved = clock.advanceMillis(100);
        model.onMeasurements(Source.CAN, Measurements.builder().socPercent(80).build(), canObserved);
        drain();
        model.onMeasurements(Source.RS485, Measurements.builder().socPercent(79).voltageVolts(50.1).build(),
                rs485Observed);
        BankStatus s = model.status();
        assertThat(s.measurements().socPercent()).hasValue(80.0);
        assertThat(s.stamp(BankField.SOC)).contains(new FieldStamp(canObserved, Source.CAN));
        assertThat(s.measurements().voltageVolts()).hasValue(50.1); // a field CAN has not delivered is taken
        assertThat(s.stamp(BankField.VOLTAGE)).contains(new FieldStamp(rs485Observed, Source.RS485));
        // a newer value from the other link replaces CAN's once CAN's is the hold time (1.5 s) old
        Instant newer = clock.advanceMillis(1500);
        model.onMeasurements(Source.RS485, Measurements.builder().socPercent(81).build(), newer);
        assertThat(model.status().measurements().socPercent()).hasValue(81.0);
        assertThat(model.status().stamp(BankField.SOC)).contains(new FieldStamp(newer, Source.RS485));
    }

    @Test
    void olderLimitsAreIgnoredAndDoNotRefreshSupervision() {
        Instant older = clock.advanceMillis(100);
        Instant newer = clock.advanceMillis(100);
        model.onLimits(Source.CAN, L, newer);
        drain();
        model.onLimits(Source.RS485, Limits.of(53.25, 25, 25, 47), older);
        assertThat(events).isEmpty();
        assertThat(model.status().batteryLimits()).contains(L);
        assertThat(model.status().source(Source.RS485).lastReceived()).contains(older);
    }

    @Test
    void perSourceFreshness() {
        Instant can = clock.advanceMillis(100);
        model.onLimits(Source.CAN, L, can);
        Instant rs = clock.advanceMillis(2000);
        model.onMeasurements(Source.RS485, Measurements.builder().socPercent(50).build(), rs);
        model.onTransportState(Source.RS485, ConnectionState.CONNECTED, rs);
        Instant now = clock.advanceMillis(500);
        BankStatus s = model.status();
        assertThat(s.source(Source.CAN).age(Moment.ofInstant(now))).contains(Duration.ofMillis(2500));
        assertThat(s.source(Source.RS485).age(Moment.ofInstant(now))).contains(Duration.ofMillis(500));
        assertThat(s.source(Source.RS485).link()).contains(ConnectionState.CONNECTED);
        assertThat(s.source(Source.CAN).link()).isEmpty();
    }

    @Test
    void alarmsRaisedAndClearedBySetDifferenceAcrossChannels() {
        ActiveAlarm hvWarn = ActiveAlarm.of(Alarm.HIGH_VOLTAGE, Alarm.Level.WARNING);
        ActiveAlarm hvProt = ActiveAlarm.of(Alarm.HIGH_VOLTAGE, Alarm.Level.PROTECTION);
        ActiveAlarm ltAlarm = ActiveAlarm.of(Alarm.LOW_TEMPERATURE, Alarm.Level.ALARM);
        Instant t1 = clock.advanceMillis(100);
        model.onAlarms(Source.CAN, "0x359", Set.of(hvProt, ltAlarm), t1);
        assertThat(drain()).containsExactly(
                new BankEvent.AlarmRaised("bank-1", t1, Source.CAN, Alarm.HIGH_VOLTAGE, Alarm.Level.PROTECTION),
                new BankEvent.AlarmRaised("bank-1", t1, Source.CAN, Alarm.LOW_TEMPERATURE, Alarm.Level.ALARM));
        Instant t2 = clock.advanceMillis(100);
        model.onAlarms(Source.CAN, "0x35A", Set.of(hvWarn, ltAlarm), t2); // a second channel, overlapping
        assertThat(drain()).containsExactly(
                new BankEvent.AlarmRaised("bank-1", t2, Source.CAN, Alarm.HIGH_VOLTAGE, Alarm.Level.WARNING));
        Instant t3 = clock.advanceMillis(100);
        model.onAlarms(Source.CAN, "0x359", Set.of(), t3); // 0x359 clears; 0x35A still holds the low temperature
        assertThat(drain()).containsExactly(
                new BankEvent.AlarmCleared("bank-1", t3, Source.CAN, Alarm.HIGH_VOLTAGE, Alarm.Level.PROTECTION));
        assertThat(model.status().activeAlarms()).containsExactly(hvWarn, ltAlarm);
        model.onAlarms(Source.CAN, "0x359", Set.of(), clock.advanceMillis(100));
        assertThat(events).isEmpty();
        assertThat(model.status().stamp(BankField.ALARMS)).isPresent();
    }

    @Test
    void a35AStrategyCanChainRaiseAndClearPairsThroughTheModel() {
        ActiveAlarm hv = ActiveAlarm.of(Alarm.HIGH_VOLTAGE, Alarm.Level.ALARM);
        assertThat(model.channelAlarms(Source.CAN, "0x35A")).isEmpty();
        model.onAlarms(Source.CAN, "0x35A", AlarmMapping.can35A(0x04L, model.channelAlarms(Source.CAN, "0x35A")),
                clock.advanceMillis(100));
        model.onAlarms(Source.CAN, "0x35A", AlarmMapping.can35A(0x00L, model.channelAlarms(Source.CAN, "0x35A")),
                clock.advanceMillis(1000)); // 00 = no change
        assertThat(model.status().activeAlarms()).containsExactly(hv);
        model.onAlarms(Source.CAN, "0x35A", AlarmMapping.can35A(0x08L, model.channelAlarms(Source.CAN, "0x35A")),
                clock.advanceMillis(1000)); // 10 = cleared
        assertThat(model.status().activeAlarms()).isEmpty();
        assertThat(types(drain())).containsExactly(BankEvent.Type.ALARM_RAISED, BankEvent.Type.ALARM_CLEARED);
    }

    @Test
    void olderAlarmReportForAChannelIsIgnored() {
        Instant older = clock.advanceMillis(100);
        Instant newer = clock.advanceMillis(100);
        model.onAlarms(Source.RS485, "0x44@2", Set.of(), newer);
        model.onAlarms(Source.RS485, "0x44@2",
                Set.of(ActiveAlarm.of(Alarm.CELL_UNDER_VOLTAGE, Alarm.Level.PROTECTION)), older);
        assertThat(events).isEmpty();
        assertThat(model.status().activeAlarms()).isEmpty();
    }

    @Test
    void requestFlagsEmitOnFirstValueAndOnChangeOnly() {
        Instant t1 = clock.advanceMillis(100);
        model.onRequestFlags(Source.CAN, RequestFlags.NORMAL, t1);
        model.onRequestFlags(Source.CAN, RequestFlags.NORMAL, clock.advanceMillis(1000));
        Instant t3 = clock.advanceMillis(1000);
        model.onRequestFlags(Source.CAN, RequestFlags.fromBits(0xE0), t3);
        assertThat(drain()).containsExactly(
                new BankEvent.RequestFlagsChanged("bank-1", t1, Source.CAN, RequestFlags.NORMAL),
                new BankEvent.RequestFlagsChanged("bank-1", t3, Source.CAN, RequestFlags.fromBits(0xE0)));
        assertThat(model.status().requestFlags()).contains(new RequestFlags(true, true, true, false, false));
    }

    @Test
    void moduleCountChangeRescalesLimitsWhenExpected() {
        BankModel m = new BankModel("b", InverterProfile.GENERIC_PYLON,
                LimitPolicy.defaults().withExpectedModuleCount(4), events::add, clock.instant());
        Instant t1 = clock.advanceMillis(100);
        m.onModuleCount(Source.CAN, 4, t1);
        m.onLimits(Source.CAN, L, t1);
        drain();
        Instant t2 = clock.advanceMillis(1000);
        m.onModuleCount(Source.CAN, 3, t2);
        List<BankEvent> got = drain();
        assertThat(got.get(0)).isEqualTo(new BankEvent.ModuleCountChanged("b", t2, Source.CAN, OptionalInt.of(4), 3));
        assertThat(types(got)).containsExactly(BankEvent.Type.MODULE_COUNT_CHANGED, BankEvent.Type.LIMITS_CHANGED);
        assertThat(m.status().publishedLimits().chargeCurrentLimitAmps()).isEqualTo(75.0);
        assertThat(m.status().chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.MODULE_COUNT_SCALING);
        m.onModuleCount(Source.CAN, 3, clock.advanceMillis(1000));
        assertThat(events).isEmpty();
    }

    @Test
    void moduleDetailsMergeAndCarryTheirOwnAge() {
        Instant t1 = clock.advanceMillis(100);
        model.onModuleDetails(Source.RS485, ModuleDetails.builder(2).voltageVolts(49.9).cycles(12).build(), t1);
        Instant t2 = clock.advanceMillis(100);
        model.onModuleDetails(Source.RS485, ModuleDetails.builder(2).serialNumber("PPTAP0123").build(), t2);
        model.onModuleDetails(Source.RS485, ModuleDetails.builder(2).serialNumber("PPTAP0123").build(),
                clock.advanceMillis(100));
        List<BankEvent> got = drain();
        assertThat(types(got)).containsExactly(BankEvent.Type.MODULE_DETAILS_UPDATED,
                BankEvent.Type.MODULE_DETAILS_UPDATED);
        ModuleDetails merged = ((BankEvent.ModuleDetailsUpdated) got.get(1)).details();
        assertThat(merged.voltageVolts()).hasValue(49.9);
        assertThat(merged.serialNumber()).hasValue("PPTAP0123");
        assertThat(model.status().modules()).containsOnlyKeys(2);
        assertThat(model.status().moduleAge(2, clock.now())).contains(Duration.ZERO);
        assertThat(model.status().moduleAge(3, clock.now())).isEmpty();
    }

    @Test
    void oneLinkDownIsNotStaleWhileTheOtherIsUp() {
        model.onTransportState(Source.CAN, ConnectionState.CONNECTED, clock.instant());
        model.onTransportState(Source.RS485, ConnectionState.CONNECTED, clock.instant());
        model.onLimits(Source.CAN, L, clock.advanceMillis(100));
        drain();
        model.onTransportState(Source.CAN, ConnectionState.WAITING_TO_RECONNECT, clock.advanceMillis(100));
        assertThat(events).isEmpty();
        assertThat(model.status().supervisionState()).isEqualTo(SupervisionState.FRESH);
        Instant down = clock.advanceMillis(100);
        model.onTransportState(Source.RS485, ConnectionState.WAITING_TO_RECONNECT, down);
        List<BankEvent> got = drain();
        assertThat(got.get(0)).isEqualTo(new BankEvent.SupervisionStateChanged("bank-1", down,
                SupervisionState.FRESH, SupervisionState.STALE, "link down (WAITING_TO_RECONNECT)"));
        assertThat(model.status().chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.FAIL_SAFE_STALE);
        assertThat(model.status().chargeCurrentLimitProvenance().reason()).isEqualTo(
                "bank STALE: link down (WAITING_TO_RECONNECT); the battery's last value was 100 A, 0.2 s old");
    }

    @Test
    void closedLinkIsLostAtOnce() {
        model.onLimits(Source.CAN, L, clock.advanceMillis(100));
        drain();
        model.onTransportState(Source.CAN, ConnectionState.CLOSED, clock.advanceMillis(100));
        assertThat(model.status().supervisionState()).isEqualTo(SupervisionState.LOST);
        assertThat(model.status().chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.FAIL_SAFE_LOST);
        assertThat(types(drain())).containsExactly(BankEvent.Type.SUPERVISION_STATE_CHANGED,
                BankEvent.Type.LIMITS_CHANGED);
    }

    @Test
    void userCapRepublishesWithProvenance() {
        model.onLimits(Source.CAN, L, clock.advanceMillis(100));
        drain();
        Instant at = clock.advanceMillis(100);
        model.setPolicy(model.policy().withCaps(LimitCaps.none().withMaxChargeCurrentAmps(30)), at);
        List<BankEvent> got = drain();
        assertThat(types(got)).containsExactly(BankEvent.Type.LIMITS_CHANGED);
        assertThat(model.status().publishedLimits().chargeCurrentLimitAmps()).isEqualTo(30.0);
        assertThat(model.status().chargeCurrentLimitProvenance())
                .isEqualTo(new LimitProvenance(LimitSource.USER_CAP, java.util.OptionalDouble.of(100.0),
                        "user cap 30 A below 100 A (BATTERY)"));
        model.setPolicy(model.policy(), clock.advanceMillis(100));
        assertThat(events).isEmpty();
    }

    @Test
    void snapshotsAreImmutable() {
        BankStatus before = model.status();
        model.onLimits(Source.CAN, L, clock.advanceMillis(100));
        model.onModuleDetails(Source.RS485, ModuleDetails.builder(2).cycles(1).build(), clock.advanceMillis(1));
        assertThat(before.supervisionState()).isEqualTo(SupervisionState.CONNECTING);
        assertThat(before.batteryLimits()).isEmpty();
        assertThat(before.modules()).isEmpty();
        assertThat(model.status()).isNotSameAs(before);
    }

    @Test
    void nextDeadlineFollowsTheSupervisor() {
        assertThat(model.nextDeadlineNanos()).hasValue(Moment.ofInstant(ManualClock.T0.plusSeconds(10)).nanos());
        Instant at = clock.advanceMillis(100);
        model.onLimits(Source.CAN, L, at);
        assertThat(model.nextDeadlineNanos()).hasValue(Moment.ofInstant(at.plusSeconds(3)).nanos());
    }

    @Test
    void eventsReachAListenerInOrderThroughThePublisher() {
        ManualExecutor executor = new ManualExecutor();
        EventPublisher publisher = new EventPublisher(executor);
        List<BankEvent> got = new ArrayList<>();
        publisher.addListener(got::add);
        BankModel m = BankModel.create("b", InverterProfile.VICTRON, publisher::submit, clock.instant());
        Instant t = clock.advanceMillis(100);
        m.onLimits(Source.CAN, L, t);
        m.onMeasurements(Source.CAN, Measurements.builder().socPercent(50).build(), t);
        m.tick(t.plusSeconds(10));
        assertThat(got).isEmpty(); // nothing on the producing thread
        executor.runAll();
        assertThat(types(got)).containsExactly(BankEvent.Type.SUPERVISION_STATE_CHANGED,
                BankEvent.Type.LIMITS_CHANGED, BankEvent.Type.MEASUREMENTS_UPDATED,
                BankEvent.Type.SUPERVISION_STATE_CHANGED, BankEvent.Type.LIMITS_CHANGED);
    }

    @Test
    void aValueObservedLaterWinsThoughTheWallClockWasSteppedBackBetween() {
        Instant canAt = clock.advanceMillis(100);
        model.onMeasurements(Source.CAN, Measurements.builder().socPercent(80).build(), clock.now());
        model.onLimits(Source.CAN, L, clock.now());
        clock.stepWallClock(Duration.ofHours(-1));
        Instant rs485At = clock.advanceMillis(1600); // past the hold: CAN's values no longer keep the fields
        assertThat(rs485At).isBefore(canAt);
        Limits rs485Limits = Limits.of(53.25, 25, 25, 47);

        model.onMeasurements(Source.RS485, Measurements.builder().socPercent(81).build(), clock.now());
        model.onLimits(Source.RS485, rs485Limits, clock.now());

        BankStatus s = model.status();
        assertThat(s.measurements().socPercent()).hasValue(81.0);
        assertThat(s.stamp(BankField.SOC)).contains(new FieldStamp(clock.now(), Source.RS485));
        assertThat(s.batteryLimits()).contains(rs485Limits);
        assertThat(s.stamp(BankField.LIMITS).orElseThrow().at()).isEqualTo(rs485At); // shown as the wall said
        assertThat(s.at()).isEqualTo(rs485At);
        assertThat(s.source(Source.RS485).lastReceived()).contains(rs485At);
    }

    @Test
    void aValueObservedEarlierLosesThoughTheWallClockWasSteppedForwardBetween() {
        Moment rs485Observed = clock.now();
        clock.advanceMillis(100);
        model.onMeasurements(Source.CAN, Measurements.builder().socPercent(80).build(), clock.now());
        clock.stepWallClock(Duration.ofHours(1)); // the slow RS485 reply is applied after an NTP step forward
        Moment stale = new Moment(rs485Observed.nanos(), clock.instant());

        model.onMeasurements(Source.RS485, Measurements.builder().socPercent(79).build(), stale);

        assertThat(model.status().measurements().socPercent()).hasValue(80.0);
        assertThat(model.status().stamp(BankField.SOC).orElseThrow().source()).isEqualTo(Source.CAN);
    }

    @Test
    void anAlarmChannelsLaterReportReplacesItsSetThoughTheWallClockWasSteppedBackBetween() {
        ActiveAlarm ht = ActiveAlarm.of(Alarm.HIGH_TEMPERATURE, Alarm.Level.ALARM);
        clock.advanceMillis(100);
        model.onAlarms(Source.CAN, "0x359", Set.of(ht), clock.now());
        clock.stepWallClock(Duration.ofHours(-1));
        clock.advanceMillis(1000);

        model.onAlarms(Source.CAN, "0x359", Set.of(), clock.now());

        assertThat(model.status().activeAlarms()).isEmpty();
        assertThat(events).filteredOn(e -> e instanceof BankEvent.AlarmCleared).hasSize(1);
    }

    @Test
    void ageAndTheLimitsAgeInTheReasonAreMonotonicWhateverTheWallClockDoes() {
        clock.advanceMillis(100);
        model.onLimits(Source.CAN, L, clock.now());
        model.onModuleDetails(Source.RS485, ModuleDetails.builder(2).cycles(7).build(), clock.now());
        clock.advanceMillis(2000);
        clock.stepWallClock(Duration.ofHours(1));
        clock.advanceMillis(1500);

        BankStatus s = model.status();
        assertThat(s.age(BankField.LIMITS, clock.now())).contains(Duration.ofMillis(3500));
        assertThat(s.moduleAge(2, clock.now())).contains(Duration.ofMillis(3500));
        assertThat(s.source(Source.CAN).age(clock.now())).contains(Duration.ofMillis(3500));
        model.tick(clock.now());
        BankStatus stale = model.status();
        assertThat(stale.supervisionState()).isEqualTo(SupervisionState.STALE);
        assertThat(stale.supervisionAge(clock.now())).isZero();
        assertThat(stale.chargeCurrentLimitProvenance().reason()).contains("3.5 s old");
        clock.stepWallClock(Duration.ofHours(-2));
        clock.advanceMillis(250);
        assertThat(model.status().supervisionAge(clock.now())).isEqualTo(Duration.ofMillis(250));
    }
}

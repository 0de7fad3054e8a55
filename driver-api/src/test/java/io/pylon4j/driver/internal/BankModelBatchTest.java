package io.pylon4j.driver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.Alarm;
import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.BankField;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.FieldStamp;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.ManualClock;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.Source;
import io.pylon4j.driver.SupervisionState;
import io.pylon4j.transport.time.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the cheaper paths of {@link BankModel} must keep: a batch of inputs is one snapshot with the same events in
 * the same order; a channel that repeats itself changes nothing but its stamps; a tick just before a deadline does
 * nothing and one at it acts.
 */
class BankModelBatchTest {

    final ManualClock clock = new ManualClock();
    /** Each event with the snapshot a listener would have read when it arrived. */
    final List<BankEvent> events = new ArrayList<>();
    final List<BankStatus> seen = new ArrayList<>();
    BankModel model;

    BankModelBatchTest() {
        model = BankModel.create("bank-1", InverterProfile.VICTRON, e -> {
            events.add(e);
            seen.add(model.status());
        }, clock.instant());
    }

    static ModuleDetails module(int address, double volts) {
        return ModuleDetails.builder(address).voltageVolts(volts).build();
    }

    @Test
    void aBatchIsOneSnapshotWithTheEventsOfEachInputInOrderAfterIt() {
        Instant at = clock.advanceMillis(100);
        BankStatus before = model.status();
        model.batch(() -> {
            model.onModuleDetails(Source.RS485, module(2, 50.1), at);
            assertThat(model.status()).as("no snapshot within a batch").isSameAs(before);
            model.onModuleDetails(Source.RS485, module(3, 50.2), at);
            model.onAlarms(Source.RS485, "0x44@2", Set.of(ActiveAlarm.of(Alarm.HIGH_TEMPERATURE,
                    Alarm.Level.ALARM)), at);
            assertThat(events).as("events wait for the batch's end").isEmpty();
        });
        assertThat(events).extracting(BankEvent::type).containsExactly(BankEvent.Type.MODULE_DETAILS_UPDATED,
                BankEvent.Type.MODULE_DETAILS_UPDATED, BankEvent.Type.ALARM_RAISED);
        assertThat(((BankEvent.ModuleDetailsUpdated) events.get(0)).details().address()).isEqualTo(2);
        assertThat(((BankEvent.ModuleDetailsUpdated) events.get(1)).details().address()).isEqualTo(3);
        for (BankStatus s : seen) { // every listener sees the whole reply applied
            assertThat(s.modules()).containsOnlyKeys(2, 3);
            assertThat(s.activeAlarms()).hasSize(1);
        }
        assertThat(model.status().modules().get(3)).isEqualTo(module(3, 50.2));
        assertThat(model.status().moduleAge(2, Moment.ofInstant(at.plusSeconds(1)))).contains(Duration.ofSeconds(1));
    }

    @Test
    void aSnapshotsModuleMapsAreSortedImmutableAndNotChangedByLaterInputs() {
        model.onModuleDetails(Source.RS485, module(5, 50.0), clock.advanceMillis(10));
        model.onModuleDetails(Source.RS485, module(2, 50.0), clock.advanceMillis(10));
        BankStatus first = model.status();
        model.onAlarms(Source.RS485, "0x44@2", Set.of(), clock.advanceMillis(10)); // touches no module map
        assertThat(model.status().modules()).isSameAs(first.modules()).isEqualTo(
                java.util.Map.of(2, module(2, 50.0), 5, module(5, 50.0)));
        model.onModuleDetails(Source.RS485, module(2, 49.0), clock.advanceMillis(10));
        assertThat(first.modules().get(2)).isEqualTo(module(2, 50.0));
        assertThat(model.status().modules().get(2)).isEqualTo(module(2, 49.0));
        assertThat(model.status().modules().keySet()).containsExactly(2, 5);
        assertThat(first.moduleStamps().keySet()).containsExactly(2, 5);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.modules().put(7, module(7, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(new BankStatus(first.bankId(), first.at(), first.batteryLimits(), first.publishedLimits(),
                first.measurements(), first.activeAlarms(), first.requestFlags(), first.moduleCount(),
                first.modules(), first.supervisionState(), first.supervisionSince(), first.supervisionReason(),
                first.stamps(), first.moduleStamps(), first.sources(), first.bankInfo(),
                first.supervisionSinceNanos(), first.moduleAlarms())).isEqualTo(first);
    }

    /**
     * An input's events list is reused ({@code ModelState.begin}): a sink that feeds the model again while an input's
     * events are delivered must get a list of its own, or the outer input's later events would be lost.
     */
    @Test
    void aSinkFeedingTheModelAgainDuringDeliveryLosesNoEvent() {
        ActiveAlarm hot = ActiveAlarm.of(Alarm.HIGH_TEMPERATURE, Alarm.Level.ALARM);
        List<BankEvent> got = new ArrayList<>();
        Instant at = clock.advanceMillis(100);
        BankModel[] self = new BankModel[1];
        self[0] = BankModel.create("bank-2", InverterProfile.VICTRON, e -> {
            got.add(e);
            if (e instanceof BankEvent.SupervisionStateChanged) {
                self[0].onAlarms(Source.CAN, "35A", Set.of(hot), at); // reentrant: same thread, same lock
            }
        }, clock.instant());
        self[0].onLimits(Source.CAN, Limits.of(53.2, 100, 120, 45), at); // CONNECTING → FRESH, then the limits
        assertThat(got).extracting(BankEvent::type).containsExactly(BankEvent.Type.SUPERVISION_STATE_CHANGED,
                BankEvent.Type.ALARM_RAISED, BankEvent.Type.LIMITS_CHANGED);
        got.clear();
        self[0].onAlarms(Source.CAN, "35A", Set.of(), clock.advanceMillis(10)); // the reused list works again
        assertThat(got).extracting(BankEvent::type).containsExactly(BankEvent.Type.ALARM_CLEARED);
    }

    @Test
    void aChannelRepeatingItselfRaisesNothingAndClearingStillClears() {
        ActiveAlarm hot = ActiveAlarm.of(Alarm.HIGH_TEMPERATURE, Alarm.Level.ALARM);
        model.onAlarms(Source.RS485, "0x44@2", Set.of(hot), clock.advanceMillis(10));
        events.clear();
        Instant again = clock.advanceMillis(10);
        model.onAlarms(Source.RS485, "0x44@2", Set.of(hot), again);
        assertThat(events).isEmpty();
        assertThat(model.status().stamp(BankField.ALARMS)).contains(new FieldStamp(again, Source.RS485));
        model.onAlarms(Source.RS485, "0x44@2", Set.of(), clock.advanceMillis(10));
        assertThat(events).extracting(BankEvent::type).containsExactly(BankEvent.Type.ALARM_CLEARED);
        assertThat(model.status().activeAlarms()).isEmpty();
    }

    @Test
    void aTickJustBeforeTheStaleDeadlineDoesNothingAndOneAtItMakesTheBankStale() {
        Instant limitsAt = clock.advanceMillis(100);
        model.onLimits(Source.CAN, Limits.of(53.2, 100, 120, 45), limitsAt);
        events.clear();
        Moment deadline = Moment.ofInstant(limitsAt.plus(InverterProfile.VICTRON.staleTimeout()));
        assertThat(model.nextDeadlineNanos()).hasValue(deadline.nanos());
        model.tick(new Moment(deadline.nanos() - 1, deadline.wall()));
        assertThat(events).isEmpty();
        assertThat(model.status().supervisionState()).isEqualTo(SupervisionState.FRESH);
        model.tick(deadline);
        assertThat(model.status().supervisionState()).isEqualTo(SupervisionState.STALE);
        assertThat(events).extracting(BankEvent::type).startsWith(BankEvent.Type.SUPERVISION_STATE_CHANGED);
    }
}

package io.pylon4j.driver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.BankField;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.ManualClock;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.RequestFlags;
import io.pylon4j.driver.Source;
import io.pylon4j.driver.SupervisionState;
import io.pylon4j.transport.ConnectionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule between two links, one input at a time (docs/driver-model.md, "Two links: a field stays with its link"):
 * a field stays with the link it took its value from while that link's value is younger than the hold and the link is
 * up; the newest value of its own link is always taken; an older value never is.
 */
class TwoLinkHoldTest {

    static final Limits CAN_LIMITS = Limits.of(53.2, 148, 148, 47);
    static final Limits RS485_LIMITS = Limits.of(53.25, 148, 148, 47);

    final ManualClock clock = new ManualClock();
    final List<BankEvent> events = new ArrayList<>();
    final BankModel model = BankModel.create("b", InverterProfile.GENERIC_PYLON, events::add, clock.instant());

    @Test
    void theHoldIsHalfTheStaleTimeoutAndAtMostTwiceTheSlowerLinksPeriod() {
        assertThat(hold(InverterProfile.GENERIC_PYLON)).isEqualTo(Duration.ofMillis(1500));
        assertThat(hold(InverterProfile.VICTRON)).isEqualTo(Duration.ofMillis(1500));
        assertThat(hold(InverterProfile.SMA)).as("60 s stale: twice CAN's 1 s cycle").isEqualTo(Duration.ofSeconds(2));
        assertThat(hold(InverterProfile.SMA.toBuilder().rs485PollInterval(Duration.ofSeconds(5)).build()))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(hold(InverterProfile.GENERIC_PYLON.toBuilder().staleTimeout(Duration.ofMillis(600)).build()))
                .isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void theOtherLinksValueIsHeldOffUntilTheFieldsValueIsTheHoldOld() {
        model.onLimits(Source.RS485, RS485_LIMITS, clock.advanceMillis(100));
        long before = events.size();

        model.onLimits(Source.CAN, CAN_LIMITS, clock.advanceMillis(1499));
        assertThat(model.status().batteryLimits()).contains(RS485_LIMITS);
        assertThat(model.status().stamp(BankField.LIMITS).orElseThrow().source()).isEqualTo(Source.RS485);
        assertThat(model.status().source(Source.CAN).lastReceived()).contains(clock.instant()); // CAN is alive
        assertThat(events).hasSize((int) before);

        model.onLimits(Source.CAN, CAN_LIMITS, clock.advanceMillis(1));  // RS485's value is now 1.5 s old
        assertThat(model.status().batteryLimits()).contains(CAN_LIMITS);
        assertThat(model.status().stamp(BankField.LIMITS).orElseThrow().source()).isEqualTo(Source.CAN);

        model.onLimits(Source.RS485, RS485_LIMITS, clock.advanceMillis(500)); // now CAN's field: held off
        assertThat(model.status().batteryLimits()).contains(CAN_LIMITS);
    }

    @Test
    void aNewerValueOfTheFieldsOwnLinkIsAlwaysTakenAndAnOlderOneNever() {
        model.onLimits(Source.CAN, CAN_LIMITS, clock.advanceMillis(100));
        Limits lower = Limits.of(53.2, 100, 148, 47);
        model.onLimits(Source.CAN, lower, clock.advanceMillis(10));
        assertThat(model.status().batteryLimits()).contains(lower);
        assertThat(events).filteredOn(e -> e instanceof BankEvent.LimitsChanged).last()
                .extracting(e -> ((BankEvent.LimitsChanged) e).limits().chargeCurrentLimitAmps()).isEqualTo(100.0);

        model.onTransportState(Source.CAN, ConnectionState.WAITING_TO_RECONNECT, clock.advanceMillis(10));
        model.onLimits(Source.RS485, RS485_LIMITS, clock.instant().minusMillis(50)); // older than CAN's, CAN down
        assertThat(model.status().batteryLimits()).contains(lower);
    }

    @Test
    void aFieldWhoseLinkIsDownIsTakenFromTheOtherLinkAtOnce() {
        model.onTransportState(Source.CAN, ConnectionState.CONNECTED, clock.instant());
        model.onTransportState(Source.RS485, ConnectionState.CONNECTED, clock.instant());
        model.onLimits(Source.CAN, CAN_LIMITS, clock.advanceMillis(100));
        model.onMeasurements(Source.CAN, Measurements.builder().socPercent(60).build(), clock.instant());

        model.onTransportState(Source.CAN, ConnectionState.WAITING_TO_RECONNECT, clock.advanceMillis(100));
        model.onLimits(Source.RS485, RS485_LIMITS, clock.advanceMillis(100));
        model.onMeasurements(Source.RS485, Measurements.builder().socPercent(59.87).build(), clock.instant());

        assertThat(model.status().batteryLimits()).contains(RS485_LIMITS);
        assertThat(model.status().measurements().socPercent()).hasValue(59.87);
        assertThat(model.status().supervisionState()).isEqualTo(SupervisionState.FRESH);

        model.onTransportState(Source.CAN, ConnectionState.CONNECTED, clock.advanceMillis(100));
        model.onLimits(Source.CAN, CAN_LIMITS, clock.advanceMillis(100)); // back, but RS485 keeps the field
        assertThat(model.status().batteryLimits()).contains(RS485_LIMITS);
    }

    @Test
    void eachFieldHasItsOwnLink() {
        model.onMeasurements(Source.CAN, Measurements.builder().socPercent(60).sohPercent(99).build(),
                clock.advanceMillis(100));
        model.onModuleCount(Source.CAN, 4, clock.instant());
        model.onRequestFlags(Source.CAN, RequestFlags.fromBits(0xC0), clock.instant());
        model.onMeasurements(Source.RS485, Measurements.builder().socPercent(59.87).temperatureCelsius(21.4).build(),
                clock.advanceMillis(500));
        model.onModuleCount(Source.RS485, 3, clock.instant());
        model.onRequestFlags(Source.RS485, RequestFlags.fromBits(0x80), clock.instant());

        assertThat(model.status().measurements().socPercent()).hasValue(60.0);        // CAN's
        assertThat(model.status().measurements().temperatureCelsius()).hasValue(21.4); // only RS485 sent one
        assertThat(model.status().stamp(BankField.TEMPERATURE).orElseThrow().source()).isEqualTo(Source.RS485);
        assertThat(model.status().moduleCount()).hasValue(4);
        assertThat(model.status().requestFlags().orElseThrow()).isEqualTo(RequestFlags.fromBits(0xC0));
    }

    private static Duration hold(InverterProfile profile) {
        return Duration.ofNanos(FieldStamps.holdNanos(profile));
    }
}

package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Validation, normalisation and merging of the value types. */
class ValuesTest {

    @Test
    void rs485NegativeDischargeLimitBecomesAMagnitude() {
        // RS485 0x92 from a US2000B-Plus: 53.25 V / 47.0 V / 25.0 A / −25.0 A (docs/protocol.md §2.2 worked example 2)
        Limits l = Limits.normalised(53.25, 25.0, -25.0, OptionalDouble.of(47.0));
        assertThat(l).isEqualTo(Limits.of(53.25, 25.0, 25.0, 47.0));
    }

    @Test
    void canPositiveDischargeLimitStays() {
        // CAN 0x351 14 02 C0 12 C0 12 C2 01 = 53.2 V / 480.0 A / 480.0 A / 45.0 V (docs/protocol.md §1.2)
        assertThat(Limits.normalised(53.2, 480.0, 480.0, OptionalDouble.of(45.0)))
                .isEqualTo(Limits.of(53.2, 480.0, 480.0, 45.0));
    }

    @Test
    void negativeChargeLimitNormalisesToZero() {
        assertThat(Limits.normalised(53.2, -1.0, 10.0, OptionalDouble.empty()).chargeCurrentLimitAmps()).isZero();
    }

    @Test
    void limitsRejectNegativeAndNonFinite() {
        assertThatThrownBy(() -> Limits.of(53.2, 10, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dischargeCurrentLimitAmps");
        assertThatThrownBy(() -> Limits.of(Double.NaN, 10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Limits.of(53, 10, 1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void measurementsBuilderAndFieldAccess() {
        Measurements m = Measurements.builder().socPercent(88).sohPercent(94).build();
        assertThat(m.get(BankField.SOC)).hasValue(88.0);
        assertThat(m.get(BankField.SOH)).hasValue(94.0);
        assertThat(m.get(BankField.VOLTAGE)).isEmpty();
        Measurements n = m.with(BankField.CURRENT, OptionalDouble.of(-27.0));
        assertThat(n.currentAmps()).hasValue(-27.0);
        assertThat(n.socPercent()).hasValue(88.0);
        assertThatThrownBy(() -> m.get(BankField.LIMITS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Measurements.builder().voltageVolts(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void measurementFieldsAreTheFive() {
        assertThat(List.of(BankField.values())).filteredOn(BankField::isMeasurement).containsExactly(
                BankField.SOC, BankField.SOH, BankField.VOLTAGE, BankField.CURRENT, BankField.TEMPERATURE);
    }

    @Test
    void requestFlagsBitsRoundTrip() {
        assertThat(RequestFlags.fromBits(0xC0)).isEqualTo(RequestFlags.NORMAL);
        assertThat(RequestFlags.fromBits(0xE0)).isEqualTo(new RequestFlags(true, true, true, false, false));
        assertThat(RequestFlags.fromBits(0x18)).isEqualTo(new RequestFlags(false, false, false, true, true));
        for (int b = 0; b < 256; b += 8) {
            assertThat(RequestFlags.fromBits(b | 0x07).toBits()).isEqualTo(b);
        }
    }

    @Test
    void moduleDetailsMergeKeepsWhatTheNewerLacks() {
        ModuleDetails analog = ModuleDetails.builder(2).cellVoltagesVolts(List.of(3.3, 3.31)).voltageVolts(49.8)
                .cycles(12).build();
        ModuleDetails serial = ModuleDetails.builder(2).serialNumber("PPTAP0123456789A").build();
        ModuleDetails merged = analog.mergedWith(serial);
        assertThat(merged.cellVoltagesVolts()).containsExactly(3.3, 3.31);
        assertThat(merged.voltageVolts()).hasValue(49.8);
        assertThat(merged.cycles()).hasValue(12);
        assertThat(merged.serialNumber()).hasValue("PPTAP0123456789A");
        ModuleDetails newer = merged.mergedWith(ModuleDetails.builder(2).cycles(13).build());
        assertThat(newer.cycles()).hasValue(13);
        assertThatThrownBy(() -> analog.mergedWith(ModuleDetails.builder(3).build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moduleDetailsCopiesLists() {
        List<Double> cells = new ArrayList<>(List.of(3.3));
        ModuleDetails d = ModuleDetails.builder(2).cellVoltagesVolts(cells).build();
        cells.add(3.4);
        assertThat(d.cellVoltagesVolts()).containsExactly(3.3);
        assertThatThrownBy(() -> ModuleDetails.builder(256).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void activeAlarmsSortStably() {
        var set = ActiveAlarm.sortedSet(List.of(ActiveAlarm.of(Alarm.CHARGE_OVER_CURRENT, Alarm.Level.WARNING),
                ActiveAlarm.of(Alarm.HIGH_VOLTAGE, Alarm.Level.WARNING),
                ActiveAlarm.of(Alarm.HIGH_VOLTAGE, Alarm.Level.PROTECTION)));
        assertThat(set).containsExactly(ActiveAlarm.of(Alarm.HIGH_VOLTAGE, Alarm.Level.PROTECTION),
                ActiveAlarm.of(Alarm.HIGH_VOLTAGE, Alarm.Level.WARNING),
                ActiveAlarm.of(Alarm.CHARGE_OVER_CURRENT, Alarm.Level.WARNING));
    }

    @Test
    void profilePresetsCarryTheirSourcedDefaults() {
        InverterProfile v = InverterProfile.VICTRON;
        assertThat(v.keepAliveInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(v.sendsVictronIdentity()).isTrue();
        assertThat(v.staleTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(v.lostTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(InverterProfile.GENERIC_PYLON.sendsVictronIdentity()).isFalse();
        assertThat(InverterProfile.SMA.staleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(InverterProfile.SMA.lostTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(InverterProfile.SMA.keepAliveCarriesValues()).isTrue();
        assertThat(InverterProfile.SOL_ARK.keepAliveAfterEachDataSet()).isTrue();
        assertThat(InverterProfile.DEYE.staleTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(InverterProfile.defaults()).isSameAs(InverterProfile.GENERIC_PYLON);
        assertThat(InverterProfile.presets()).extracting(InverterProfile::name)
                .containsExactly("generic-pylon", "victron", "sma", "deye", "sol-ark", "sofar");
        assertThat(InverterProfile.preset("VICTRON")).contains(InverterProfile.VICTRON);
        assertThat(InverterProfile.preset("growatt")).isEmpty();
    }

    @Test
    void profileOverrideKeepsTheRest() {
        InverterProfile mine = InverterProfile.VICTRON.toBuilder().staleTimeout(Duration.ofSeconds(5))
                .lostTimeout(Duration.ofSeconds(30)).build();
        assertThat(mine.staleTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(mine.sendsVictronIdentity()).isTrue();
        assertThat(mine.name()).isEqualTo("victron");
    }

    @Test
    void profileValidates() {
        var b = InverterProfile.GENERIC_PYLON.toBuilder();
        assertThatThrownBy(() -> b.lostTimeout(Duration.ofSeconds(2)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lostTimeout");
        assertThatThrownBy(() -> InverterProfile.GENERIC_PYLON.toBuilder().keepAliveInterval(Duration.ofSeconds(-1))
                .build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InverterProfile.GENERIC_PYLON.toBuilder().rs485Retries(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InverterProfile.GENERIC_PYLON.toBuilder().name(" ").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(InverterProfile.GENERIC_PYLON.toBuilder().keepAliveInterval(Duration.ZERO).build()
                .keepAliveInterval()).isZero();
    }

    @Test
    void capsValidate() {
        assertThatThrownBy(() -> LimitCaps.none().withMaxChargeCurrentAmps(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LimitPolicy.defaults().withExpectedModuleCount(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.pylon4j.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModulePresetTest {

    @Test
    void us3000cCarriesTheIssuesFiguresAndTheObserved0x47Values() {
        ModulePreset p = ModulePreset.US3000C;
        assertThat(p.cellCount()).isEqualTo(15);
        assertThat(p.capacityMilliampHours()).isEqualTo(74_000);
        assertThat(p.chargeCurrentDeciAmps()).isEqualTo(370);
        assertThat(p.dischargeCurrentDeciAmps()).isEqualTo(370);
        assertThat(p.chargeVoltageLimitMillivolts()).isEqualTo(53_250);
        assertThat(p.dischargeVoltageLimitMillivolts()).isEqualTo(45_000);
        SystemParameters s = p.systemParameters();
        assertThat(new int[] {s.cellHighVoltageMillivolts(), s.cellLowVoltageMillivolts(),
                s.cellUnderVoltageMillivolts()}).containsExactly(3650, 3050, 2800);
        assertThat(new int[] {s.chargeHighTemperatureDeciCelsius(), s.chargeLowTemperatureDeciCelsius()})
                .containsExactly(600, -100);
        assertThat(new int[] {s.moduleHighVoltageMillivolts(), s.moduleLowVoltageMillivolts(),
                s.moduleUnderVoltageMillivolts()}).containsExactly(54_000, 46_000, 43_000);
        assertThat(s.chargeCurrentLimitDeciAmps()).isEqualTo(900);
        assertThat(s.dischargeCurrentLimitDeciAmps()).isEqualTo(900);
    }

    @Test
    void us2000bPlusMatchesItsReal0x92And0x47Replies() {
        ModulePreset p = ModulePreset.US2000B_PLUS;
        // 0x92: 53.25 V / 47.0 V / 25.0 A / -25.0 A (docs/protocol.md §2.2 worked example 2)
        assertThat(p.chargeVoltageLimitMillivolts()).isEqualTo(53_250);
        assertThat(p.dischargeVoltageLimitMillivolts()).isEqualTo(47_000);
        assertThat(p.chargeCurrentDeciAmps()).isEqualTo(250);
        assertThat(p.dischargeCurrentDeciAmps()).isEqualTo(250);
        // 0x47: 3.65/3.05/2.90 V, 61.0/-11.0 degC, 102.0 A, 54.0/46.0/44.5 V, -100.0 A
        assertThat(p.systemParameters()).isEqualTo(
                new SystemParameters(3650, 3050, 2900, 610, -110, 1020, 54000, 46000, 44500, 610, -110, 1000));
    }

    @Test
    void otherPresets() {
        assertThat(ModulePreset.US2000C.capacityMilliampHours()).isEqualTo(50_000);
        assertThat(ModulePreset.US2000C.chargeCurrentDeciAmps()).isEqualTo(250);
        assertThat(ModulePreset.US5000.capacityMilliampHours()).isEqualTo(100_000);
        assertThat(ModulePreset.US5000.chargeCurrentDeciAmps() * 6).as("6 × US5000 = 480.0 A as observed")
                .isEqualTo(4800);
        assertThat(ModulePreset.US5000.systemParameters().dischargeCurrentLimitDeciAmps()).isEqualTo(1000);
    }

    @Test
    void up2500IsTheEightCell24VoltModule() {
        ModulePreset p = ModulePreset.UP2500;
        assertThat(p.cellCount()).isEqualTo(8);
        assertThat(p.capacityMilliampHours()).isEqualTo(111_000);
        assertThat(p.chargeVoltageLimitMillivolts()).isEqualTo(28_400);
        assertThat(p.dischargeVoltageLimitMillivolts()).isEqualTo(23_200);
        assertThat(p.chargeCurrentDeciAmps()).isEqualTo(555);
        // assumed: US-series module voltages scaled to 8 cells, rounded to 0.1 V
        assertThat(p.systemParameters().moduleHighVoltageMillivolts()).isEqualTo(28_800);
        assertThat(p.systemParameters().moduleLowVoltageMillivolts()).isEqualTo(24_500);
        assertThat(p.systemParameters().moduleUnderVoltageMillivolts()).isEqualTo(22_900);
    }

    @Test
    void customPresetInSiUnits() {
        ModulePreset p = ModulePreset.custom("LAB48", 16, 280, 100, 140, 56.0, 44.8);
        assertThat(p.capacityMilliampHours()).isEqualTo(280_000);
        assertThat(p.chargeCurrentDeciAmps()).isEqualTo(1000);
        assertThat(p.dischargeCurrentDeciAmps()).isEqualTo(1400);
        assertThat(p.chargeVoltageLimitMillivolts()).isEqualTo(56_000);
        assertThat(p.dischargeVoltageLimitMillivolts()).isEqualTo(44_800);
        assertThat(p.systemParameters().chargeCurrentLimitDeciAmps()).isEqualTo(2000);
        assertThat(p.systemParameters().moduleHighVoltageMillivolts()).isEqualTo(57_600);
    }

    @Test
    void invalidPresetsAreRejectedWithTheValueNamed() {
        assertThatThrownBy(() -> ModulePreset.custom("X", 17, 50, 25, 25, 53.2, 45))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cellCount must be 1 to 16: 17");
        assertThatThrownBy(() -> ModulePreset.custom("X", 15, 0, 25, 25, 53.2, 45))
                .hasMessage("capacity must be positive: 0 mAh");
        assertThatThrownBy(() -> ModulePreset.custom("X", 15, 50, -1, 25, 53.2, 45))
                .hasMessageContaining("magnitudes");
        assertThatThrownBy(() -> ModulePreset.custom("X", 15, 50, 25, 25, 45, 53.2))
                .hasMessage("voltage limits must be 0 < discharge (53200) < charge (45000) mV");
        assertThatThrownBy(() -> new SystemParameters(3650, 3050, 3100, 600, -100, 900, 54000, 46000, 43000, 600,
                -100, 900)).hasMessageContaining("under (3100) <= low (3050)");
    }

    @Test
    void presetsByName() {
        assertThat(ModulePreset.named("us3000c")).isSameAs(ModulePreset.US3000C);
        assertThat(ModulePreset.named("US2000B-Plus")).isSameAs(ModulePreset.US2000B_PLUS);
        assertThat(ModulePreset.named("UP2500")).isSameAs(ModulePreset.UP2500);
        assertThatThrownBy(() -> ModulePreset.named("US9000")).hasMessageStartingWith("no preset named 'US9000'");
        assertThat(ModulePreset.standard()).hasSize(5);
    }
}

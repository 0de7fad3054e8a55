package io.pylon4j.simulator;

import static io.pylon4j.simulator.Banks.M0;
import static io.pylon4j.simulator.Banks.M3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BankAggregationTest {

    @Test
    void fourUs3000cReport148AmpsAndThePresetsVoltages() {
        BankSnapshot s = Banks.us3000c(4, 50).snapshot();
        assertThat(s.modulesOnline()).isEqualTo(4);
        assertThat(s.limits()).isEqualTo(new ChargeLimits(53_250, 45_000, 1480, 1480));
        assertThat(s.limits().chargeCurrentAmps()).isEqualTo(148.0);
        assertThat(s.requests().toByte()).isEqualTo(0xC0);
        assertThat(s.protections()).isEmpty();
        assertThat(s.alarms()).isEmpty();
    }

    @Test
    void droppingAModuleLeaves3ModulesAnd111Amps() {
        SimulatedBank bank = Banks.us3000c(4, 50);
        bank.setModuleOnline(M3, false);
        BankSnapshot s = bank.snapshot();
        assertThat(s.modulesOnline()).isEqualTo(3);
        assertThat(s.limits().chargeCurrentDeciAmps()).isEqualTo(1110);
        assertThat(s.limits().dischargeCurrentDeciAmps()).isEqualTo(1110);
        assertThat(s.limits().chargeVoltageMillivolts()).isEqualTo(53_250);
        assertThat(s.module(M3).online()).isFalse();
        assertThat(s.module(M3).limits().chargeCurrentDeciAmps()).isZero();
        assertThat(s.modules()).hasSize(4);

        bank.setModuleOnline(M3, true);
        assertThat(bank.snapshot().modulesOnline()).isEqualTo(4);
        assertThat(bank.snapshot().limits().chargeCurrentDeciAmps()).isEqualTo(1480);
    }

    @Test
    void averagesAndTotals() {
        SimulatedBank bank = Banks.us3000c(4, 50);
        bank.setCurrent(-148);
        BankSnapshot s = bank.advance(Duration.ofSeconds(1));
        assertThat(s.currentDeciAmps()).isEqualTo(-1480);
        assertThat(s.currentAmps()).isEqualTo(-148.0);
        assertThat(s.module(M0).currentDeciAmps()).isEqualTo(-370);
        assertThat(s.stateOfChargePercent()).isEqualTo(50);
        assertThat(s.stateOfHealthPercent()).isEqualTo(100);
        // 15 cells at the 50 % open-circuit voltage 3285 mV less 37 A × 0.81 mΩ = 30 mV
        assertThat(s.module(M0).cellVoltagesMillivolts()).containsOnly(3255);
        assertThat(s.voltageMillivolts()).isEqualTo(15 * 3255);
        assertThat(s.averageTemperatureDeciCelsius()).isEqualTo(250);
        assertThat(s.module(M0).temperaturesDeciCelsius()).containsExactly(260, 250, 250, 250, 250);
        assertThat(s.time()).isEqualTo(Instant.EPOCH.plusSeconds(1));
    }

    @Test
    void moduleSnapshotCarriesWhatRs485Needs() {
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.UP2500).stateOfCharge(50).stateOfHealth(90)
                .cycles(12).spread(0, 0).build();
        ModuleSnapshot m = bank.snapshot().module(M0);
        assertThat(m.cellVoltagesMillivolts()).hasSize(8).containsOnly(3285);
        assertThat(m.voltageMillivolts()).isEqualTo(8 * 3285);
        assertThat(m.totalCapacityMilliampHours()).isEqualTo(99_900);
        assertThat(m.remainingCapacityMilliampHours()).isEqualTo(49_950);
        assertThat(m.stateOfChargePercent()).isEqualTo(50);
        assertThat(m.stateOfHealthPercent()).isEqualTo(90);
        assertThat(m.cycles()).isEqualTo(12);
        assertThat(m.limits()).isEqualTo(new ChargeLimits(28_400, 23_200, 555, 555));
        assertThat(m.requests().toByte()).isEqualTo(0xC0);
        assertThat(m.limitStates().allNormal()).isTrue();
        assertThat(m.chargeMosfetOn()).isTrue();
        assertThat(m.dischargeMosfetOn()).isTrue();
        assertThat(m.effectiveChargeCurrent()).isFalse();
        assertThat(m.fullyCharged()).isFalse();
    }

    @Test
    void sixGroupsOfSixteenIsTheLargestBank() {
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).groups(6).modulesPerGroup(16).spread(0, 0)
                .build();
        BankSnapshot s = bank.snapshot();
        assertThat(s.modulesOnline()).isEqualTo(96);
        assertThat(s.limits().chargeCurrentDeciAmps()).isEqualTo(96 * 370);
        assertThat(s.group(5)).hasSize(16);
        assertThat(s.group(5).get(15).id()).isEqualTo(ModuleId.of(5, 15));
        assertThat(bank.moduleIds()).hasSize(96).startsWith(M0);
    }

    @Test
    void groupAndModuleCountsAreValidated() {
        var builder = SimulatedBank.builder(ModulePreset.US3000C);
        assertThatThrownBy(() -> builder.groups(0))
                .hasMessage("groups must be 1 to 6 (an LV-Hub joins up to 6 groups): 0");
        assertThatThrownBy(() -> builder.groups(7))
                .hasMessage("groups must be 1 to 6 (an LV-Hub joins up to 6 groups): 7");
        assertThatThrownBy(() -> builder.modulesPerGroup(0))
                .hasMessage("modulesPerGroup must be 1 to 16 (modules in one group): 0");
        assertThatThrownBy(() -> builder.modulesPerGroup(17))
                .hasMessage("modulesPerGroup must be 1 to 16 (modules in one group): 17");
        assertThatThrownBy(() -> ModuleId.of(6, 0))
                .hasMessage("module group must be 0 to 5 (an LV-Hub joins up to 6 groups): 6");
        assertThatThrownBy(() -> ModuleId.of(0, 16)).hasMessage("module index must be 0 to 15 within a group: 16");
        SimulatedBank bank = Banks.us3000c(4, 50);
        assertThatThrownBy(() -> bank.setModuleOnline(ModuleId.of(1, 0), false))
                .hasMessage("the bank has no module g1m0 (it has 1 group(s) of 4 module(s))");
        assertThatThrownBy(() -> bank.snapshot().module(ModuleId.of(0, 4))).hasMessage("the bank has no module g0m4");
    }

    @Test
    void noModuleOnlineMeansNothingEnabled() {
        SimulatedBank bank = Banks.us3000c(1, 50);
        bank.setModuleOnline(M0, false);
        BankSnapshot s = bank.snapshot();
        assertThat(s.modulesOnline()).isZero();
        assertThat(s.limits()).isEqualTo(new ChargeLimits(53_250, 45_000, 0, 0));
        assertThat(s.requests()).isEqualTo(RequestFlags.NONE);
        assertThat(s.stateOfChargePercent()).isZero();
        assertThat(s.voltageMillivolts()).isZero();
    }

    @Test
    void seededSpreadIsReproducibleAndSmall() {
        SimulatedBank a = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(2).seed(42).build();
        SimulatedBank b = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(2).seed(42).build();
        SimulatedBank c = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(2).seed(43).build();
        assertThat(a.snapshot()).isEqualTo(b.snapshot());
        assertThat(a.snapshot()).isNotEqualTo(c.snapshot());
        assertThat(a.snapshot().module(M0).cellVoltagesMillivolts()).allSatisfy(
                mv -> assertThat(mv).isBetween(3285 - 3, 3285 + 3));
        assertThat(new java.util.HashSet<>(a.snapshot().module(M0).cellVoltagesMillivolts())).hasSizeGreaterThan(1);
    }
}

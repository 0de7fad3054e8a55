package io.pylon4j.simulator;

import static io.pylon4j.simulator.Banks.M0;
import static io.pylon4j.simulator.Banks.M1;
import static io.pylon4j.simulator.Banks.M2;
import static io.pylon4j.simulator.Banks.M3;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The model side of issue 6 item 3: every fault visibly changes what the front ends read. */
class FaultInjectionTest {

    @Test
    void moduleDropoutLowersCountAndLimitsAndShiftsTheCurrent() {
        SimulatedBank bank = Banks.us3000c(4, 50);
        bank.setCurrent(-148);
        bank.setModuleOnline(M3, false);
        BankSnapshot s = bank.advance(ofSeconds(10));
        assertThat(s.modulesOnline()).isEqualTo(3);
        assertThat(s.limits().chargeCurrentDeciAmps()).isEqualTo(1110);
        assertThat(s.module(M3).currentDeciAmps()).isZero();
        assertThat(s.module(M3).chargeMosfetOn()).isFalse();
        assertThat(s.module(M0).currentDeciAmps()).as("148 A over 3 modules").isEqualTo(-493);
        assertThat(s.currentDeciAmps()).isEqualTo(3 * -493);
        assertThat(s.alarms()).as("49.3 A exceeds the 37 A per-module figure")
                .containsExactly(Alarm.DISCHARGE_HIGH_CURRENT);
    }

    @Test
    void offlineModuleKeepsItsChargeAndIsLeftOutOfTheAverages() {
        SimulatedBank bank = Banks.us3000c(2, 50);
        bank.setModuleOnline(M1, false);
        bank.setCurrent(-37);
        BankSnapshot s = bank.advance(ofHours(1));
        assertThat(s.module(M1).stateOfChargePercent()).isEqualTo(50);
        assertThat(s.module(M0).stateOfChargePercent()).isZero();
        assertThat(s.stateOfChargePercent()).isZero();
    }

    @Test
    void frozenValuesStayStaticWhileTimePasses() {
        SimulatedBank bank = Banks.us3000c(1, 100);
        BankSnapshot before = bank.snapshot();
        bank.freezeValues();
        assertThat(bank.faults().valuesFrozen()).isTrue();
        bank.setCurrent(-37);
        assertThat(bank.advance(ofHours(1))).isSameAs(before);
        bank.setModuleOnline(M0, false);
        bank.forceAlarm(M0, Alarm.CHARGE_HIGH_CURRENT);
        assertThat(bank.snapshot()).isSameAs(before);
        assertThat(bank.now()).as("time goes on").isEqualTo(before.time().plus(ofHours(1)));

        bank.setModuleOnline(M0, true);
        bank.clearAlarm(M0, Alarm.CHARGE_HIGH_CURRENT);
        bank.unfreezeValues();
        BankSnapshot after = bank.snapshot();
        assertThat(after.stateOfChargePercent()).as("physics went on behind the frozen values").isEqualTo(50);
        assertThat(after.time()).isEqualTo(before.time().plus(ofHours(1)));
    }

    @ParameterizedTest
    @EnumSource(Protection.class)
    void anyProtectionCanBeForced(Protection protection) {
        SimulatedBank bank = Banks.us3000c(4, 50);
        bank.forceProtection(M2, protection);
        BankSnapshot s = bank.snapshot();
        assertThat(s.protections()).containsExactly(protection);
        assertThat(s.module(M2).protections()).containsExactly(protection);
        assertThat(s.module(M0).protections()).isEmpty();
        assertThat(s.limits().chargeCurrentDeciAmps()).isEqualTo(protection.blocksCharge() ? 0 : 1480);
        assertThat(s.limits().dischargeCurrentDeciAmps()).isEqualTo(protection.blocksDischarge() ? 0 : 1480);
        assertThat(s.requests().chargeEnable()).isEqualTo(!protection.blocksCharge());
        assertThat(s.requests().dischargeEnable()).isEqualTo(!protection.blocksDischarge());

        bank.clearProtection(M2, protection);
        assertThat(bank.snapshot().protections()).isEmpty();
        assertThat(bank.snapshot().limits().chargeCurrentDeciAmps()).isEqualTo(1480);
    }

    @Test
    void overVoltageProtectionGivesDischargeOnly() {
        SimulatedBank bank = Banks.us3000c(4, 50);
        bank.forceProtection(M0, Protection.CELL_OR_MODULE_OVER_VOLTAGE);
        assertThat(bank.snapshot().requests().toByte()).isEqualTo(0x40);
    }

    @ParameterizedTest
    @EnumSource(Alarm.class)
    void anyAlarmCanBeForcedWithoutChangingLimits(Alarm alarm) {
        SimulatedBank bank = Banks.us3000c(4, 50);
        bank.forceAlarm(M1, alarm);
        BankSnapshot s = bank.snapshot();
        assertThat(s.alarms()).containsExactly(alarm);
        assertThat(s.protections()).isEmpty();
        assertThat(s.limits().chargeCurrentDeciAmps()).isEqualTo(1480);
        bank.clearForcedFlags();
        assertThat(bank.snapshot().alarms()).isEmpty();
    }

    @Test
    void flagsOfAnOfflineModuleAreNotReported() {
        SimulatedBank bank = Banks.us3000c(4, 50);
        bank.forceProtection(M3, Protection.SYSTEM_ERROR);
        bank.setModuleOnline(M3, false);
        assertThat(bank.snapshot().protections()).isEmpty();
        assertThat(bank.snapshot().limits().chargeCurrentDeciAmps()).isEqualTo(1110);
    }

    @Test
    void socDivergenceShowsPerModuleAndDeratesTheBank() {
        SimulatedBank bank = Banks.us3000c(4, 50);
        bank.setStateOfCharge(M2, 98);
        BankSnapshot s = bank.snapshot();
        assertThat(s.module(M2).stateOfChargePercent()).isEqualTo(98);
        assertThat(s.module(M0).stateOfChargePercent()).isEqualTo(50);
        assertThat(s.stateOfChargePercent()).isEqualTo(62); // (3 × 50 + 98) / 4
        // the fullest module allows 37 A × (100 − 98) / 5 = 14.8 A; the master uses the smallest figure
        assertThat(s.module(M2).limits().chargeCurrentDeciAmps()).isEqualTo(148);
        assertThat(s.limits().chargeCurrentDeciAmps()).isEqualTo(4 * 148);
        assertThat(s.module(M2).maxCellVoltageMillivolts()).isGreaterThan(s.module(M0).maxCellVoltageMillivolts());
    }

    @Test
    void stateOfHealthShrinksTheCapacity() {
        SimulatedBank bank = Banks.us3000c(1, 50);
        bank.setStateOfHealth(M0, 80);
        ModuleSnapshot m = bank.snapshot().module(M0);
        assertThat(m.totalCapacityMilliampHours()).isEqualTo(59_200);
        assertThat(m.remainingCapacityMilliampHours()).isEqualTo(29_600);
        assertThat(m.stateOfHealthPercent()).isEqualTo(80);
        assertThat(bank.snapshot().stateOfHealthPercent()).isEqualTo(80);
    }

    @Test
    void secondMasterDefaultsToOneSlavesOwnFigures() {
        SimulatedBank bank = Banks.us3000c(4, 50);
        BankSnapshot before = bank.snapshot();
        bank.enableSecondMaster();
        assertThat(bank.faults().secondMaster()).contains(new ChargeLimits(53_250, 45_000, 370, 370));
        assertThat(bank.snapshot()).as("the master's own values do not change").isEqualTo(before);

        ChargeLimits other = new ChargeLimits(52_000, 46_000, 500, 800);
        bank.enableSecondMaster(other);
        assertThat(bank.faults().secondMasterLimits()).isEqualTo(other);
        bank.disableSecondMaster();
        assertThat(bank.faults().secondMaster()).isEmpty();
        assertThat(bank.faults().isNone()).isTrue();
    }

    @Test
    void frontEndSwitchesAreReadFromFaultSettings() {
        SimulatedBank bank = Banks.us3000c(1, 50);
        BankSnapshot before = bank.snapshot();
        FaultSettings f = bank.updateFaults(x -> x.withCommunicationLost(true).withBaudMismatch(true)
                .withCorruptChecksums(true).withNoiseBytes(7).withReplyDelay(Duration.ofMillis(1500)));
        assertThat(bank.faults()).isEqualTo(f);
        assertThat(f.communicationLost()).isTrue();
        assertThat(f.baudMismatch()).isTrue();
        assertThat(f.corruptChecksums()).isTrue();
        assertThat(f.noiseBytes()).isEqualTo(7);
        assertThat(f.replyDelay()).isEqualTo(Duration.ofMillis(1500));
        assertThat(f.valuesFrozen()).isFalse();
        assertThat(f.isNone()).isFalse();
        assertThat(bank.snapshot()).isEqualTo(before);

        bank.updateFaults(x -> x.withCommunicationLost(false));
        assertThat(bank.faults().communicationLost()).isFalse();
        assertThat(bank.faults().baudMismatch()).isTrue();
        bank.setFaults(FaultSettings.NONE);
        assertThat(bank.faults()).isEqualTo(FaultSettings.NONE);
    }

    @Test
    void faultSettingsAreValidated() {
        assertThatThrownBy(() -> FaultSettings.NONE.withNoiseBytes(-1)).hasMessage("noiseBytes must be 0 to 4096: -1");
        assertThatThrownBy(() -> FaultSettings.NONE.withNoiseBytes(4097))
                .hasMessage("noiseBytes must be 0 to 4096: 4097");
        assertThatThrownBy(() -> FaultSettings.NONE.withReplyDelay(Duration.ofMillis(-1)))
                .hasMessage("replyDelay must not be negative: PT-0.001S");
        assertThatThrownBy(() -> new ChargeLimits(53_250, 45_000, -1, 0))
                .hasMessage("current limits are magnitudes and must not be negative: charge -1, discharge 0 (0.1 A)");
        SimulatedBank bank = Banks.us3000c(1, 50);
        assertThatThrownBy(() -> bank.setStateOfCharge(M0, 101)).hasMessage("SOC must be 0 to 100 %: 101.0");
        assertThatThrownBy(() -> bank.setStateOfHealth(M0, 0)).hasMessage("SOH must be 1 to 100 %: 0");
        assertThatThrownBy(() -> bank.updateFaults(x -> null)).isInstanceOf(NullPointerException.class);
        assertThat(bank.faults()).isEqualTo(FaultSettings.NONE);
    }
}

package io.pylon4j.simulator;

import static io.pylon4j.simulator.Banks.M0;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Coulomb counting. Tolerance: remaining capacity is a double sum of at most a few hundred steps rounded to whole
 * mAh, so it may be off by at most 1 mAh; SOC is asserted exactly (a 1 mAh error is 0.001 % of 74 Ah).
 */
class SocIntegrationTest {

    @Test
    void a74AhModuleLosesHalfItsChargeIn1HourAt37Amps() {
        SimulatedBank bank = Banks.us3000c(1, 100);
        bank.setCurrent(-37);
        ModuleSnapshot m = bank.advance(ofHours(1)).module(M0);
        assertThat(m.remainingCapacityMilliampHours()).isCloseTo(37_000, within(1));
        assertThat(m.stateOfChargePercent()).isEqualTo(50);
        assertThat(m.currentDeciAmps()).isEqualTo(-370);
        assertThat(bank.now()).isEqualTo(Instant.EPOCH.plus(ofHours(1)));
    }

    @Test
    void manySmallAdvancesGiveTheSameResultAsOneLarge() {
        SimulatedBank bank = Banks.us3000c(1, 100);
        bank.setCurrent(-37);
        for (int i = 0; i < 3600; i++) {
            bank.advance(ofSeconds(1));
        }
        assertThat(bank.snapshot().module(M0).remainingCapacityMilliampHours()).isCloseTo(37_000, within(1));
    }

    @Test
    void chargingStopsRisingAt100Percent() {
        SimulatedBank bank = Banks.us3000c(1, 90);
        bank.setCurrent(37);
        // 7.4 Ah to full at 37 A: 12 minutes; after 6 minutes 3.7 Ah = 5 % more
        assertThat(bank.advance(ofMinutes(6)).stateOfChargePercent()).isEqualTo(95);
        BankSnapshot s = bank.advance(ofMinutes(54));
        ModuleSnapshot m = s.module(M0);
        assertThat(m.remainingCapacityMilliampHours()).isEqualTo(74_000);
        assertThat(m.stateOfChargePercent()).isEqualTo(100);
        assertThat(m.fullyCharged()).isTrue();
        assertThat(m.currentDeciAmps()).as("the BMS stops the charge current when full").isZero();
        assertThat(s.limits().chargeCurrentDeciAmps()).isZero();
        assertThat(s.requests().toByte()).as("discharge only").isEqualTo(0x40);
        assertThat(bank.advance(ofHours(5)).module(M0).remainingCapacityMilliampHours()).isEqualTo(74_000);
    }

    @Test
    void dischargingStopsAtEmpty() {
        SimulatedBank bank = Banks.us3000c(1, 10);
        bank.setCurrent(-74);
        BankSnapshot s = bank.advance(ofHours(1));
        assertThat(s.module(M0).remainingCapacityMilliampHours()).isZero();
        assertThat(s.module(M0).currentDeciAmps()).isZero();
        assertThat(s.stateOfChargePercent()).isZero();
        assertThat(s.limits().dischargeCurrentDeciAmps()).isZero();
        assertThat(s.requests().dischargeEnable()).isFalse();
    }

    @Test
    void cyclesCountFullEquivalentDischarges() {
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).stateOfCharge(100).cycles(7).spread(0, 0)
                .loadProfile(LoadProfile.repeating(List.of(LoadProfile.step(ofHours(1), -74),
                        LoadProfile.step(ofHours(1), 74))))
                .build();
        assertThat(bank.advance(ofMinutes(30)).module(M0).cycles()).isEqualTo(7);
        assertThat(bank.advance(ofMinutes(30)).module(M0).cycles()).isEqualTo(8);
        // hour 2 charges back to full, hour 3 empties again
        assertThat(bank.advance(ofHours(2)).module(M0).cycles()).isEqualTo(9);
        assertThat(bank.snapshot().module(M0).remainingCapacityMilliampHours()).isZero();
    }

    @Test
    void currentIsSplitOverTheModulesOnline() {
        SimulatedBank bank = Banks.us3000c(4, 100);
        bank.setCurrent(-148);
        BankSnapshot s = bank.advance(ofHours(1));
        assertThat(s.stateOfChargePercent()).isEqualTo(50);
        assertThat(s.modules()).allSatisfy(m -> assertThat(m.remainingCapacityMilliampHours())
                .isCloseTo(37_000, within(1)));
    }

    @Test
    void stepProfileDischargesThenChargesBack() {
        SimulatedBank bank = Banks.us3000c(1, 50);
        bank.setLoadProfile(LoadProfile.steps(List.of(LoadProfile.step(ofMinutes(30), -37),
                LoadProfile.step(ofMinutes(30), 37))));
        assertThat(bank.advance(ofMinutes(30)).stateOfChargePercent()).isEqualTo(25);
        assertThat(bank.advance(ofMinutes(30)).module(M0).remainingCapacityMilliampHours())
                .isCloseTo(37_000, within(1));
        assertThat(bank.advance(ofMinutes(30)).currentDeciAmps()).as("after the last step").isZero();
    }

    @Test
    void stepBoundariesInsideOneIntegrationStepAreHonoured() {
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).stateOfCharge(50).spread(0, 0)
                .integrationStep(Duration.ofMinutes(10)).build();
        bank.setLoadProfile(LoadProfile.steps(List.of(LoadProfile.step(ofSeconds(90), -74))));
        // 90 s at -74 A = 1.85 Ah = 2.5 %, even though one advance spans the whole profile
        assertThat(bank.advance(ofHours(1)).module(M0).remainingCapacityMilliampHours()).isCloseTo(35_150, within(1));
    }

    @Test
    void csvProfileDrivesTheBank() throws IOException {
        SimulatedBank bank = Banks.us3000c(1, 50);
        bank.setLoadProfile(LoadProfile.csv(new StringReader("time_s,current_a\n0,-37\n1800,0\n")));
        BankSnapshot s = bank.advance(ofHours(1));
        assertThat(s.stateOfChargePercent()).isEqualTo(25);
        assertThat(s.currentDeciAmps()).isZero();
    }

    @Test
    void aNewProfileStartsAtTheMomentItIsSet() {
        SimulatedBank bank = Banks.us3000c(1, 50);
        bank.advance(ofHours(5));
        bank.setLoadProfile(LoadProfile.steps(List.of(LoadProfile.step(ofMinutes(30), -37))));
        assertThat(bank.advance(ofMinutes(1)).currentDeciAmps()).isEqualTo(-370);
    }

    @Test
    void timeMovesOnlyForward() {
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).startTime(Instant.parse("2026-06-01T00:00:00Z"))
                .build();
        bank.advanceTo(Instant.parse("2026-06-01T01:00:00Z"));
        assertThat(bank.snapshot().time()).isEqualTo(Instant.parse("2026-06-01T01:00:00Z"));
        assertThatThrownBy(() -> bank.advanceTo(Instant.parse("2026-06-01T00:30:00Z")))
                .hasMessage("simulated time cannot go back from 2026-06-01T01:00:00Z to 2026-06-01T00:30:00Z");
        assertThatThrownBy(() -> bank.advance(Duration.ofSeconds(-1)))
                .hasMessage("simulated time cannot go back: advance(PT-1S)");
    }

    @Test
    void temperatureRisesUnderLoadAndRelaxesToAmbient() {
        SimulatedBank bank = Banks.us3000c(1, 100);
        bank.setCurrent(-37);
        // steady-state rise: 37² A² × 15 × 0.81 mΩ × 0.2 K/W = 3.33 K; after one time constant (1 h)
        // 3.33 × (1 − 1/e) = 2.10 K
        ModuleSnapshot warm = bank.advance(ofHours(1)).module(M0);
        assertThat(warm.cellTemperaturesDeciCelsius()).containsOnly(271);
        assertThat(warm.bmsTemperatureDeciCelsius()).isEqualTo(281);
        bank.setCurrent(0);
        assertThat(bank.advance(ofHours(8)).module(M0).cellTemperaturesDeciCelsius()).containsOnly(250);
        bank.setAmbientTemperature(5);
        // one time constant: 25 + (5 - 25)(1 - 1/e) = 12.36 °C
        assertThat(bank.advance(ofHours(1)).averageTemperatureDeciCelsius()).isEqualTo(124);
    }
}

package io.pylon4j.simulator;

import static io.pylon4j.simulator.Banks.M0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulator's derating model, asserted in values on a 1-module US3000C (37 A per module). */
class DeratingTest {

    @ParameterizedTest(name = "SOC {0} % → CCL {1}, DCL {2} (0.1 A), requests 0x{3}")
    @CsvSource({
            "50,   370, 370, C0",
            "95,   370, 370, C0",
            "97.5, 185, 370, C0",
            "99,    74, 370, C0",
            "10,   370, 370, C0",
            "7.5,  370, 278, D0",
            "5,    370, 185, F0",
            "0,    370,   0, B0",
    })
    void limitsTaperNearFullAndNearEmpty(double soc, int ccl, int dcl, String requests) {
        BankSnapshot s = Banks.us3000c(1, soc).snapshot();
        assertThat(s.limits().chargeCurrentDeciAmps()).isEqualTo(ccl);
        assertThat(s.limits().dischargeCurrentDeciAmps()).isEqualTo(dcl);
        assertThat(s.requests().toByte()).isEqualTo(Integer.parseInt(requests, 16));
    }

    @Test
    void bankLimitIsTheModuleFigureTimesTheModulesOnline() {
        assertThat(Banks.us3000c(4, 97.5).snapshot().limits().chargeCurrentDeciAmps()).isEqualTo(4 * 185);
    }

    @ParameterizedTest(name = "{0} °C → CCL {1}, DCL {2}, protections {3}, alarms {4}")
    @CsvSource(delimiter = '|', textBlock = """
            25  | 370 | 370 | []                       | []
            10  | 370 | 370 | []                       | []
            5   | 185 | 370 | []                       | []
            0   |   0 | 370 | []                       | []
            -5  |   0 | 185 | []                       | [CELL_LOW_TEMPERATURE]
            -10 |   0 |   0 | [CELL_UNDER_TEMPERATURE] | [CELL_LOW_TEMPERATURE]
            50  | 370 | 370 | []                       | []
            55  | 185 | 185 | []                       | [CELL_HIGH_TEMPERATURE]
            60  |   0 |   0 | [CELL_OVER_TEMPERATURE]  | [CELL_HIGH_TEMPERATURE]
            """)
    void limitsTaperAtTemperatureExtremes(double celsius, int ccl, int dcl, String protections, String alarms) {
        SimulatedBank bank = Banks.us3000c(1, 50);
        bank.setTemperature(celsius);
        BankSnapshot s = bank.snapshot();
        assertThat(s.limits().chargeCurrentDeciAmps()).isEqualTo(ccl);
        assertThat(s.limits().dischargeCurrentDeciAmps()).isEqualTo(dcl);
        assertThat(s.protections().toString()).isEqualTo(protections);
        assertThat(s.alarms().toString()).isEqualTo(alarms);
        assertThat(s.requests().chargeEnable()).isEqualTo(ccl > 0);
        assertThat(s.requests().dischargeEnable()).isEqualTo(dcl > 0);
    }

    @Test
    void coldMeansNoChargeEvenWhenTheInverterPushes() {
        SimulatedBank bank = Banks.us3000c(4, 50);
        bank.setTemperature(-2);
        bank.setCurrent(20);
        BankSnapshot s = bank.advance(Duration.ofMinutes(1));
        assertThat(s.limits().chargeCurrentDeciAmps()).isZero();
        assertThat(s.requests().toByte()).isEqualTo(0x40);
        assertThat(s.currentDeciAmps()).as("limits are reported, not enforced").isEqualTo(200);
    }

    @Test
    void chargeTapersWithTheHighestCellVoltage() {
        double full = 53_250 / 15.0; // 3550 mV per cell
        assertThat(Derating.chargeByCellVoltage(3400, full)).isEqualTo(1.0);
        assertThat(Derating.chargeByCellVoltage(3450, full)).isEqualTo(1.0);
        assertThat(Derating.chargeByCellVoltage(3500, full)).isCloseTo(0.5, within(1e-9));
        assertThat(Derating.chargeByCellVoltage(3550, full)).isZero();
        assertThat(Derating.chargeByCellVoltage(3700, full)).isZero();
    }

    @Test
    void rampWorksBothWays() {
        assertThat(Derating.ramp(97.5, 100, 95)).isCloseTo(0.5, within(1e-12));
        assertThat(Derating.ramp(2.5, 0, 10)).isCloseTo(0.25, within(1e-12));
        assertThat(Derating.ramp(-3, 0, 10)).isZero();
        assertThat(Derating.ramp(130, 100, 95)).isZero();
    }

    @Test
    void overVoltageOfAnyCellBlocksChargingOnly() {
        // a custom 15-cell preset with a low cell limit so that the real cell voltage reaches it
        SystemParameters tight = new SystemParameters(3300, 3050, 2800, 600, -100, 900, 54000, 46000, 43000, 600,
                -100, 900);
        ModulePreset preset = new ModulePreset("TIGHT", 15, 74_000, 370, 370, 53_250, 45_000, tight);
        SimulatedBank bank = SimulatedBank.builder(preset).stateOfCharge(70).spread(0, 0).build();
        BankSnapshot s = bank.snapshot();
        assertThat(s.module(M0).maxCellVoltageMillivolts()).isEqualTo(3308);
        assertThat(s.protections()).containsExactly(Protection.CELL_OR_MODULE_OVER_VOLTAGE);
        assertThat(s.module(M0).limitStates().cellVoltages()).containsOnly(LimitState.ABOVE_UPPER_LIMIT);
        assertThat(s.limits().chargeCurrentDeciAmps()).isZero();
        assertThat(s.limits().dischargeCurrentDeciAmps()).isEqualTo(370);
        assertThat(s.requests().toByte()).isEqualTo(0x40);
    }
}

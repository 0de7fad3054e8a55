package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.commission.ChargeCurrentLimitCheck;
import io.pylon4j.driver.commission.CheckResult;
import io.pylon4j.driver.commission.Commissioning;
import io.pylon4j.driver.commission.CommissioningRecorder;
import io.pylon4j.driver.commission.CommissioningReport;
import io.pylon4j.driver.commission.CommunicationCheck;
import io.pylon4j.driver.commission.Expectations;
import io.pylon4j.driver.commission.ModuleCountCheck;
import io.pylon4j.driver.commission.ModuleRating;
import io.pylon4j.driver.commission.NewModuleSocCheck;
import io.pylon4j.driver.commission.SingleCanMasterCheck;
import io.pylon4j.driver.commission.SocSpreadCheck;
import io.pylon4j.driver.commission.TemperatureCheck;
import io.pylon4j.driver.commission.ValuesMoveCheck;
import io.pylon4j.driver.commission.Verdict;
import io.pylon4j.simulator.ModuleId;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The commissioning checks against a simulated 4 × US3000C bank on in-memory buses, read by the real driver (CAN
 * and RS485 merged, or RS485 alone): a healthy bank passes every check, and each simulator fault makes its check
 * fail with the installer's explanation.
 */
class CommissioningSimulatedTest {

    static final ModuleRating US3000C = new ModuleRating("US3000C", 37, 37);
    static final Expectations FOUR = Expectations.of(4, US3000C);

    /** Runs a 4 × US3000C rig with {@code fault} applied, five 30 s steps, and evaluates {@code expected}. */
    static CommissioningReport commission(boolean can, boolean rs485, Consumer<SimulatedBankRig> fault,
                                          Expectations expected) throws Exception {
        try (SimulatedBankRig rig = SimulatedBankRig.start("4xUS3000C", can, rs485);
             CommissioningRecorder recorder = CommissioningRecorder.watching(rig.driver(), rig.driverCan(),
                     rig.rs485())) {
            fault.accept(rig);
            for (int i = 0; i < 5; i++) {
                rig.step(Duration.ofSeconds(30));
                recorder.sample();
            }
            return Commissioning.evaluate(recorder.observation(), expected);
        }
    }

    static CheckResult result(CommissioningReport report, String id) {
        return report.result(id).orElseThrow();
    }

    @Test
    void aHealthyFourModuleBankPassesEveryCheck() throws Exception {
        CommissioningReport r = commission(true, true, rig -> { }, FOUR);
        assertThat(r.results()).as(r.toText()).allSatisfy(c -> assertThat(c.verdict()).as(c.id())
                .isEqualTo(Verdict.PASS));
        assertThat(result(r, ChargeCurrentLimitCheck.ID).measured()).isEqualTo("148.0 A");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void onlyOneModuleTalkingGivesThirtySevenAmpsAndFails() throws Exception {
        CommissioningReport r = commission(true, true, rig -> CommissionCommand.inject(rig.bank(), "one-module"),
                FOUR);
        CheckResult ccl = result(r, ChargeCurrentLimitCheck.ID);
        assertThat(ccl.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(ccl.measured()).isEqualTo("37.0 A");
        assertThat(ccl.explanation()).contains("only one module talks to the inverter");
        assertThat(result(r, ModuleCountCheck.ID).explanation()).contains("counts 1 of the 4 modules");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void frozenValuesUnderLoadFail() throws Exception {
        CommissioningReport r = commission(true, true, rig -> CommissionCommand.inject(rig.bank(), "frozen"), FOUR);
        CheckResult values = result(r, ValuesMoveCheck.ID);
        assertThat(values.verdict()).as(r.toText()).isEqualTo(Verdict.FAIL);
        assertThat(values.explanation()).contains("frozen").contains("20.0 A");
        assertThat(result(r, CommunicationCheck.ID).verdict()).as("frozen data still arrives")
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void aWrongBaudRateOnRs485FailsTheTemperatureAndCommunicationChecks() throws Exception {
        CommissioningReport r = commission(false, true,
                rig -> rig.bank().updateFaults(f -> f.withBaudMismatch(true)), FOUR);
        CheckResult temperature = result(r, TemperatureCheck.ID);
        assertThat(temperature.verdict()).as(r.toText()).isEqualTo(Verdict.FAIL);
        assertThat(temperature.explanation()).contains("baud rate").contains("DIP switch 1");
        CheckResult communication = result(r, CommunicationCheck.ID);
        assertThat(communication.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(communication.explanation()).contains("none forms a valid reply");
    }

    @Test
    void aSecondSourceOf0x351Fails() throws Exception {
        CommissioningReport r = commission(true, false, rig -> rig.bank().enableSecondMaster(), FOUR);
        CheckResult master = result(r, SingleCanMasterCheck.ID);
        assertThat(master.verdict()).as(r.toText()).isEqualTo(Verdict.FAIL);
        assertThat(master.explanation()).contains("two devices send limits").contains("only the master's CAN port");
    }

    @Test
    void aSecondSourceSendingTheSameLimitsFailsByRate() throws Exception {
        CommissioningReport r = commission(true, false,
                rig -> rig.bank().enableSecondMaster(rig.bank().snapshot().limits()), FOUR);
        CheckResult master = result(r, SingleCanMasterCheck.ID);
        assertThat(master.verdict()).as(r.toText()).isEqualTo(Verdict.FAIL);
        assertThat(master.explanation()).contains("2.0 times as often");
    }

    @Test
    void fourModulesWhenFiveWereExpectedFailTheCountAndTheLimit() throws Exception {
        CommissioningReport r = commission(true, true, rig -> { }, Expectations.of(5, US3000C));
        assertThat(result(r, ModuleCountCheck.ID).explanation()).contains("counts 4 of the 5 modules: 1 does not");
        assertThat(result(r, ChargeCurrentLimitCheck.ID).explanation()).contains("only 4 of 5 modules");
        assertThat(r.overall()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aModuleTwentyPercentAboveTheOthersFailsTheSpreadAndTheNewModuleCheck() throws Exception {
        CommissioningReport r = commission(true, true,
                rig -> rig.bank().setStateOfCharge(ModuleId.of(0, 3), 80), FOUR.withNewModules(Set.of(5)));
        CheckResult spread = result(r, SocSpreadCheck.ID);
        assertThat(spread.verdict()).as(r.toText()).isEqualTo(Verdict.FAIL);
        assertThat(spread.measured()).startsWith("2").contains("module 0x05 79.");
        CheckResult added = result(r, NewModuleSocCheck.ID);
        assertThat(added.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(added.explanation()).contains("module 0x05");
    }
}

package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.can.CanProfile;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.samples.cli.CliFailureTest.Run;
import io.pylon4j.simulator.frontend.CanFrameSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One vocabulary across the commands: {@code --inverter} with the driver's inverter names in {@code monitor} and
 * {@code decode} (before: {@code --profile} in monitor, {@code --can-profile pylontech|…} in decode, and
 * {@code --profile} meaning the CAN frame set in simulate), {@code --frame-set} for the simulator's frames,
 * {@code --preset} for module types; every value in any case; the old spellings still accepted, hidden.
 */
class VocabularyTest {

    @TempDir
    Path dir;

    @Test
    void everyInverterNameIsKnownInAnyCaseAndTheOldNamesToo() {
        for (InverterProfile p : InverterProfile.presets()) {
            assertThat(Vocabulary.inverter(p.name().toUpperCase(Locale.ROOT))).isEqualTo(p);
            assertThat(Vocabulary.inverter(p.name().replace('-', '_'))).isEqualTo(p);
        }
        assertThat(Vocabulary.inverter("Pylontech")).isEqualTo(InverterProfile.GENERIC_PYLON);
        assertThat(Vocabulary.inverter("solark")).isEqualTo(InverterProfile.SOL_ARK);
        assertThatThrownBy(() -> Vocabulary.inverter("growatt")).hasMessage(
                "unknown inverter 'growatt'; known: generic-pylon, victron, sma, deye, sol-ark, sofar");
    }

    @Test
    void decodeReadsFramesAsTheNamedInverterSBankSendsThem() {
        assertThat(Vocabulary.canProfile(InverterProfile.VICTRON)).isEqualTo(CanProfile.VICTRON);
        assertThat(Vocabulary.canProfile(InverterProfile.SMA)).isEqualTo(CanProfile.SMA);
        assertThat(Vocabulary.canProfile(InverterProfile.SOL_ARK)).isEqualTo(CanProfile.SOL_ARK);
        assertThat(Vocabulary.canProfile(InverterProfile.DEYE)).isEqualTo(CanProfile.PYLONTECH);
        assertThat(Vocabulary.canProfile(InverterProfile.GENERIC_PYLON)).isEqualTo(CanProfile.PYLONTECH);
    }

    @Test
    void monitorAndDecodeTakeTheSameOptionAndNames() throws IOException {
        Path log = Files.writeString(dir.resolve("victron.log"), "(1.0) can0 370#446973636F766572\n");

        Run decoded = CliFailureTest.run("decode", "--inverter", "VICTRON", log.toString());
        Run legacy = CliFailureTest.run("decode", "--can-profile", "victron", log.toString());

        assertThat(decoded.status()).isZero();
        assertThat(decoded.out()).contains("\"type\":\"BmsNamePart1\",\"name\":\"Discover\"").isEqualTo(legacy.out());
        // the same unknown name gets the same message from both
        CliFailureTest.run("decode", "--inverter", "growatt", log.toString()).failedWithOneLine(2,
                "pylon decode: unknown inverter 'growatt'; known: generic-pylon, victron, sma, deye, sol-ark, sofar");
        CliFailureTest.run("monitor", "--can", "virtual:vocabulary", "--inverter", "growatt").failedWithOneLine(2,
                "pylon monitor: unknown inverter 'growatt'; known: generic-pylon, victron, sma, deye, sol-ark, sofar");
        CliFailureTest.run("monitor", "--can", "virtual:vocabulary", "--profile", "growatt").failedWithOneLine(2,
                "pylon monitor: unknown inverter 'growatt'");
    }

    @Test
    void monitorTakesTheInverterInAnyCaseAndTheOldOptionName() {
        MonitorCommand upper = new MonitorCommand();
        new CommandLine(upper).parseArgs("--can", "virtual:x", "--inverter", "SOL-ARK");
        MonitorCommand old = new MonitorCommand();
        new CommandLine(old).parseArgs("--can", "virtual:x", "--profile", "sma");

        assertThat(Vocabulary.inverter(upper.inverter)).isEqualTo(InverterProfile.SOL_ARK);
        assertThat(Vocabulary.inverter(old.legacyProfile)).isEqualTo(InverterProfile.SMA);
    }

    @Test
    void simulateCallsItsFramesAFrameSetAndStillTakesTheOldName() {
        SimulateCommand now = new SimulateCommand();
        new CommandLine(now).parseArgs("--frame-set", "PYLON-V13", "--preset", "us5000");
        SimulateCommand old = new SimulateCommand();
        new CommandLine(old).parseArgs("--profile", "victron");

        assertThat(CanFrameSet.named(now.frameSetName())).isEqualTo(CanFrameSet.PYLON_V13);
        assertThat(CanFrameSet.named(old.frameSetName())).isEqualTo(CanFrameSet.VICTRON);
        assertThat(io.pylon4j.simulator.ModulePreset.named(now.preset).model()).isEqualTo("US5000");
    }

    @Test
    void theHelpShowsOneNameForEachThingAndHidesTheOldOnes() {
        String monitor = CliFailureTest.run("monitor", "--help").out();
        String decode = CliFailureTest.run("decode", "--help").out();
        String simulate = CliFailureTest.run("simulate", "--help").out();
        String commission = CliFailureTest.run("commission", "--help").out();

        assertThat(monitor).contains("--inverter=NAME").doesNotContain("--profile");
        assertThat(decode).contains("--inverter=NAME").doesNotContain("--can-profile");
        assertThat(simulate).contains("--frame-set=SET").contains("--preset=MODEL").doesNotContain("--profile");
        assertThat(commission).contains("--preset=MODEL").contains("--inverter=NAME")
                .contains("Default: generic-pylon");
        assertThat(simulate).contains("--inverter=NAME");
    }

    @Test
    void eachInverterMapsToTheFrameSetItReads() {
        assertThat(Vocabulary.frameSet(InverterProfile.VICTRON)).isEqualTo(CanFrameSet.VICTRON);
        assertThat(Vocabulary.frameSet(InverterProfile.SMA)).isEqualTo(CanFrameSet.VICTRON);
        for (InverterProfile p : java.util.List.of(InverterProfile.GENERIC_PYLON, InverterProfile.DEYE,
                InverterProfile.SOL_ARK, InverterProfile.SOFAR)) {
            assertThat(Vocabulary.frameSet(p)).as(p.name()).isEqualTo(CanFrameSet.PYLON_V12);
        }
    }

    @Test
    void simulateTakesTheInverterAndSendsTheFramesItReads() {
        assertThat(simulate("--inverter", "SMA").frameSet()).isEqualTo(CanFrameSet.VICTRON);
        assertThat(simulate("--inverter", "deye").frameSet()).isEqualTo(CanFrameSet.PYLON_V12);
        assertThat(simulate().frameSet()).isEqualTo(CanFrameSet.PYLON_V12);
        assertThat(simulate("--frame-set", "pylon-v13").frameSet()).isEqualTo(CanFrameSet.PYLON_V13);
        // both given and agreeing: fine
        assertThat(simulate("--inverter", "victron", "--frame-set", "VICTRON").frameSet())
                .isEqualTo(CanFrameSet.VICTRON);
    }

    @Test
    void simulateRefusesAnInverterAndAFrameSetThatDisagree() {
        CliFailureTest.run("simulate", "--can", "virtual:vocabulary", "--inverter", "victron", "--frame-set",
                "pylon-v13", "--seconds", "1").failedWithOneLine(2, "pylon simulate: --frame-set pylon-v13 conflicts "
                + "with --inverter victron, which reads victron; give one of them");
        CliFailureTest.run("simulate", "--can", "virtual:vocabulary", "--inverter", "growatt", "--seconds", "1")
                .failedWithOneLine(2, "pylon simulate: unknown inverter 'growatt'; known: generic-pylon, victron, "
                        + "sma, deye, sol-ark, sofar");
    }

    @Test
    void commissionTakesTheInverterAndRunsItsDriverWithIt() throws Exception {
        CliFailureTest.run("commission", "--simulate", "2xUS3000C", "--inverter", "growatt").failedWithOneLine(2,
                "pylon commission: unknown inverter 'growatt'; known: generic-pylon, victron, sma, deye, sol-ark, "
                        + "sofar");
        CommissionCommand parsed = new CommissionCommand();
        new CommandLine(parsed).parseArgs("--simulate", "2xUS3000C");
        assertThat(Vocabulary.inverter(parsed.inverter)).isEqualTo(InverterProfile.GENERIC_PYLON); // as before

        try (SimulatedBankRig rig = SimulatedBankRig.start("2xUS3000C", true, true, InverterProfile.SMA)) {
            assertThat(rig.driver().options().profile()).isEqualTo(InverterProfile.SMA);
        }
        Run victron = CliFailureTest.run("commission", "--simulate", "2xUS3000C", "--inverter", "Victron",
                "--seconds", "3");
        Run generic = CliFailureTest.run("commission", "--simulate", "2xUS3000C", "--seconds", "3");
        assertThat(victron.status()).as(victron.out() + victron.err()).isEqualTo(generic.status());
    }

    private static SimulateCommand simulate(String... args) {
        SimulateCommand c = new SimulateCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }
}

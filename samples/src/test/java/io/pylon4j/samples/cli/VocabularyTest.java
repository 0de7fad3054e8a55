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
        assertThat(commission).contains("--preset=MODEL");
    }
}

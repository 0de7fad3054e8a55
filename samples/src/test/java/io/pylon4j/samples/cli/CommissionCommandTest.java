package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.transport.Transports;
import io.pylon4j.transport.replay.ReplayTransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code pylon commission} end to end: a simulated bank (in memory, through the real driver) passes and, broken,
 * fails, in text and in JSON, with the documented exit statuses; a replayed US5000 capture goes through the live
 * path.
 */
class CommissionCommandTest {

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        CommissionCommand command = new CommissionCommand();
        command.transports = new Transports(List.of(new ReplayTransportProvider()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void aHealthySimulatedBankPassesWithStatusZero() {
        Result r = run("--simulate", "4xUS3000C", "--seconds", "3");
        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).startsWith("Commissioning report for bank simulated-bank (observed 90 s, 3 snapshots)")
                .contains("PASS    charge-current-limit")
                .contains("measured: 148.0 A   expected: 148.0 A (4 × 37.0 A, US3000C)")
                .contains("PASS    values-move").contains("PASS    single-can-master").endsWith("Overall: PASS\n");
    }

    @Test
    void oneModuleTalkingFailsWithStatusOneInJson() {
        Result r = run("--simulate", "4xUS3000C", "--simulate-fault", "one-module", "--seconds", "3", "--json");
        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(1);
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(1);
        assertThat(lines[0]).startsWith("{\"bankId\":\"simulated-bank\",\"overall\":\"FAIL\",\"windowSeconds\":90,"
                        + "\"samples\":3,\"checks\":[")
                .contains("{\"id\":\"charge-current-limit\",\"verdict\":\"FAIL\",\"explanation\":\"The bank reports "
                        + "37.0 A, 1 × the US3000C figure: only one module talks to the inverter.")
                .contains("{\"id\":\"module-count\",\"verdict\":\"FAIL\"").endsWith("}]}");
    }

    @Test
    void aSecondCanMasterFailsInText() {
        Result r = run("--simulate", "4xUS3000C", "--simulate-fault", "second-master", "--seconds", "3");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL    single-can-master").contains("two devices send limits")
                .endsWith("Overall: FAIL\n");
    }

    @Test
    void implausibleLimitsFail() {
        Result r = run("--simulate", "4xUS3000C", "--simulate-fault", "implausible-limits", "--seconds", "3");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL    limits-plausible")
                .contains("CCL 3276.7 A from the battery is implausible for 4 modules, at most 400 A")
                .endsWith("Overall: FAIL\n");
    }

    @Test
    void aHealthyBanksChargeVoltageLimitIsChecked() {
        Result r = run("--simulate", "4xUS3000C", "--seconds", "2");
        // 53.20 V from CAN 0x351 or 53.25 V from RS485 0x92, whichever came last
        assertThat(r.out()).contains("PASS    limits-plausible").contains("measured: CVL 53.2").contains("DVL 45.00 V");
    }

    @Test
    void expectingFiveModulesOfAFourModuleBankFails() {
        Result r = run("--simulate", "4xUS3000C", "--expected-modules", "5", "--seconds", "2");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL    module-count").contains("counts 4 of the 5 modules");
    }

    /** A bare % in a description makes picocli warn on stderr and print the text unformatted (CI logs showed it). */
    @Test
    void theHelpFormatsEveryDescription() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        Result help;
        try {
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            help = run("--help");
        } finally {
            System.setErr(stderr);
        }
        assertThat(help.out()).contains("within 2 % of the");
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Could not format");
    }

    @Test
    void aBadCommandLineExitsWithTwoLikeEveryCommandAndSaysWhy() {
        Result none = run("--seconds", "3");
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("give either an ENDPOINT or --simulate NxMODEL");
        Result fault = run("--simulate", "4xUS3000C", "--simulate-fault", "melted");
        assertThat(fault.status()).isEqualTo(2);
        assertThat(fault.err()).contains("unknown fault 'melted'; known: one-module");
        Result spec = run("--simulate", "four US3000C");
        assertThat(spec.status()).isEqualTo(2);
        assertThat(spec.err()).contains("MODULESxPRESET");
        Result preset = run("--simulate", "4xUS9000");
        assertThat(preset.status()).isEqualTo(2);
        assertThat(preset.err()).contains("no preset named 'US9000'");
    }

    @Test
    void aReplayedUs5000CaptureGoesThroughTheLivePath() throws IOException {
        Path file = dir.resolve("us5000.log");
        try (InputStream in = CommissionCommandTest.class.getResourceAsStream(DemoCommand.CAPTURE)) {
            Files.write(file, in.readAllBytes());
        }
        Result r = run("replay:" + file + "?pace=fast", "--can", "--expected-modules", "6", "--preset", "US5000",
                "--seconds", "2");
        assertThat(r.status()).as(r.err()).isIn(0, 1, 2);
        assertThat(r.out()).contains("PASS    charge-current-limit").contains("480.0 A (6 × 80.0 A, US5000)")
                .contains("PASS    module-count").contains("SKIPPED soc-spread");
    }
}

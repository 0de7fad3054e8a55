package io.pylon4j.samples.cli;

import io.pylon4j.driver.json.JsonWriter;
import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.scan.AddressResult;
import io.pylon4j.driver.scan.ScanProbe;
import io.pylon4j.rs485.Command;
import io.pylon4j.rs485.ManufacturerInfo;
import io.pylon4j.rs485.Rejection;
import io.pylon4j.rs485.ReturnCode;
import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code pylon scan} against the simulator's RS485 front end on a virtual byte bus (real delivery threads, real
 * timeouts): who answers, as a table and as JSON Lines, under checksum and noise faults, and that the simulator
 * received nothing but read requests.
 */
class ScanCommandTest {

    /** Generous for an in-memory reply on a busy machine; only silent and garbled addresses wait it out. */
    static final String TIMEOUT = "1000";

    final VirtualTransportProvider virtual = new VirtualTransportProvider();
    final SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(4).build();
    final SimulatorServer server = SimulatorServer.builder(bank).rs485(virtual.byteBus("scan").newMember()).build();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @AfterEach
    void close() {
        server.close();
    }

    int scan(String... args) {
        server.start();
        ScanCommand command = new ScanCommand();
        command.transports = new Transports(List.of(virtual));
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    List<String> rows() {
        return out.toString().lines().skip(1).toList();
    }

    @Test
    void aFourModuleBankAnswersAtTwoToFiveAndTheRestIsSilent() {
        int status = scan("virtual:scan", "--groups", "0", "--modules", "1-8", "--gap-ms", "0",
                "--timeout-ms", TIMEOUT);
        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString().lines().findFirst().orElseThrow()).startsWith("adr").contains("device");
        assertThat(rows()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(rows().get(i)).matches(String.format(
                    "0x%02X +0 +%d +answered +2\\.0 +US3000C +1\\.0 +PYLON *", 2 + i, 1 + i));
        }
        assertThat(err.toString()).contains("8 addresses on virtual:scan: 4 answered, 0 rejected, 0 garbled, 4 silent;"
                + " requests 12, replies 8, rejections 0, timeouts 4, bad frames 0, noise bytes 0");
        assertReadOnly();
    }

    @Test
    void jsonLinesHaveEveryAddressAndTheSerials() {
        int status = scan("virtual:scan", "--groups", "0-0", "--modules", "3-6", "--gap-ms", "0", "--timeout-ms",
                TIMEOUT, "--serial", "--json");
        assertThat(status).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).containsExactly(
                "{\"address\":\"0x04\",\"group\":0,\"battery\":3,\"result\":\"answered\",\"protocolVersion\":\"2.0\","
                        + "\"deviceName\":\"US3000C\",\"softwareVersion\":\"1.0\",\"manufacturer\":\"PYLON\","
                        + "\"serialNumber\":\"PSIM000200000000\"}",
                "{\"address\":\"0x05\",\"group\":0,\"battery\":4,\"result\":\"answered\",\"protocolVersion\":\"2.0\","
                        + "\"deviceName\":\"US3000C\",\"softwareVersion\":\"1.0\",\"manufacturer\":\"PYLON\","
                        + "\"serialNumber\":\"PSIM000300000000\"}",
                "{\"address\":\"0x06\",\"group\":0,\"battery\":5,\"result\":\"timeout\"}",
                "{\"address\":\"0x07\",\"group\":0,\"battery\":6,\"result\":\"timeout\"}");
        assertReadOnly();
    }

    @Test
    void corruptedChecksumsShowAsGarbledAndNoAddressAnswers() {
        bank.updateFaults(f -> f.withCorruptChecksums(true));
        int status = scan("virtual:scan", "--groups", "0", "--modules", "1-5", "--gap-ms", "0",
                "--timeout-ms", TIMEOUT);
        assertThat(status).as("nobody answered").isEqualTo(1);
        assertThat(rows()).hasSize(4).allMatch(r -> r.matches("0x0[2-5] .* garbled .*CHKSUM mismatch.*"));
        assertThat(err.toString()).contains("0 answered, 0 rejected, 4 garbled, 1 silent")
                .contains("bad frames 8");
    }

    @Test
    void noiseBeforeEachReplyIsCountedAndTheModulesStillAnswer() {
        bank.updateFaults(f -> f.withNoiseBytes(16));
        int status = scan("virtual:scan", "--groups", "0", "--modules", "1-5", "--gap-ms", "0",
                "--timeout-ms", TIMEOUT);
        assertThat(status).isZero();
        assertThat(rows()).hasSize(4).allMatch(r -> r.contains("answered"));
        assertThat(err.toString()).contains("4 answered").contains("noise bytes " + 8 * 16);
    }

    @Test
    void badRangesAreACommandLineError() {
        assertThat(scan("virtual:scan", "--groups", "8")).isEqualTo(2);
        assertThat(err.toString()).contains("--groups must be N, FROM-TO or a comma list of them within 0-7: '8'");
        assertThat(server.traffic().rs485RequestCount()).isZero();
    }

    @Test
    void listsAndRangesPickTheAddresses() {
        int status = scan("virtual:scan", "--groups", "0", "--modules", "4,1-2", "--gap-ms", "0",
                "--timeout-ms", TIMEOUT, "--json");
        assertThat(status).isZero();
        assertThat(out.toString().lines().map(l -> l.substring(0, 17)).toList())
                .containsExactly("{\"address\":\"0x02\"", "{\"address\":\"0x03\"", "{\"address\":\"0x05\"");
    }

    @Test
    void jsonNamesRefusalsAndGarbage() {
        JsonWriter w = new JsonWriter();
        ScanCommand.json(new AddressResult.Rejected(0x12, ScanProbe.PROTOCOL_VERSION, ReturnCode.ADDRESS_ERROR), w);
        ScanCommand.json(new AddressResult.Garbled(0x13, "CHKSUM \"bad\""), w);
        ScanCommand.json(new AddressResult.Answered(0x14, Optional.empty(),
                Optional.of(new ManufacturerInfo(0x14, "US5000", 0x0102, "PYLON")), Optional.empty(),
                List.of(new Rejection(0x14, Command.PROTOCOL_VERSION, ReturnCode.INVALID_COMMAND, new byte[0]))), w);
        assertThat(w.peek().lines()).containsExactly(
                "{\"address\":\"0x12\",\"group\":1,\"battery\":1,\"result\":\"rejected\","
                        + "\"probe\":\"PROTOCOL_VERSION\",\"returnCode\":\"ADDRESS_ERROR\"}",
                "{\"address\":\"0x13\",\"group\":1,\"battery\":2,\"result\":\"garbled\","
                        + "\"reason\":\"CHKSUM \\\"bad\\\"\"}",
                "{\"address\":\"0x14\",\"group\":1,\"battery\":3,\"result\":\"answered\","
                        + "\"deviceName\":\"US5000\",\"softwareVersion\":\"1.2\",\"manufacturer\":\"PYLON\","
                        + "\"refused\":[{\"command\":\"PROTOCOL_VERSION\",\"returnCode\":\"INVALID_COMMAND\"}]}");
    }

    /** The simulator's own record: every request it received was 0x4F, 0x51 or 0x93. */
    void assertReadOnly() {
        List<Rs485Frame> received = server.traffic().rs485Requests();
        assertThat(received).isNotEmpty().allMatch(f -> Set.of(0x4F, 0x51, 0x93).contains(f.cid2OrRtn()));
    }
}

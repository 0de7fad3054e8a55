package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code pylon decode} on each RS485 capture prints the values its source states. The captures are found by
 * {@link SharedCaptures}: {@code docs/captures/} of this repository ({@code docs/protocol.md §3}).
 */
class Rs485CapturesDecodeTest {

    private static Path captures;

    @BeforeAll
    static void findCaptures() {
        captures = SharedCaptures.file("rs485-tomcat42-lowlevel-us2000b.txt").getParent();
    }

    private static List<String> decode(String capture) throws IOException {
        String log = Files.readString(captures.resolve(capture), StandardCharsets.UTF_8);
        return DecodeCommand.decodeToString(log).lines().toList();
    }

    private static int exitStatus(String capture) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        System.setOut(new PrintStream(sink, true, StandardCharsets.UTF_8));
        try {
            return PylonCli.run("decode", captures.resolve(capture).toString());
        } finally {
            System.setOut(stdout);
        }
    }

    /** Asserts that {@code line} contains each fragment, in order. */
    private static void containsInOrder(String line, String... fragments) {
        int at = 0;
        for (String f : fragments) {
            int found = line.indexOf(f, at);
            assertThat(found).as("'%s' after position %d in %s", f, at, line).isGreaterThanOrEqualTo(0);
            at = found + f.length();
        }
    }

    @Test
    void tomcat42Us2000bPlus() throws IOException {
        List<String> out = decode("rs485-tomcat42-lowlevel-us2000b.txt");
        // 1 shell line, 11 request/reply pairs, 11 "times:" lines: one object each, in input order
        assertThat(out).hasSize(1 + 22 + 11);
        List<String> rs485 = out.stream().filter(l -> l.startsWith("{\"bus\":\"rs485\",\"address\"")).toList();
        assertThat(rs485).hasSize(22);
        assertThat(rs485.get(0)).isEqualTo(
                "{\"bus\":\"rs485\",\"address\":2,\"direction\":\"request\",\"command\":\"0x4F\"}");
        assertThat(rs485.get(1)).isEqualTo("{\"bus\":\"rs485\",\"address\":2,\"direction\":\"response\","
                + "\"command\":\"0x4F\",\"returnCode\":0,\"protocolVersion\":\"2.0\"}");
        assertThat(rs485.get(3)).isEqualTo("{\"bus\":\"rs485\",\"address\":2,\"direction\":\"response\","
                + "\"command\":\"0x51\",\"returnCode\":0,\"deviceName\":\"US2KBPL\",\"softwareVersion\":\"2.3\","
                + "\"manufacturerName\":\"Pylon---------------\"}");
        assertThat(rs485.get(4)).isEqualTo(
                "{\"bus\":\"rs485\",\"address\":2,\"direction\":\"request\",\"command\":\"0x42\",\"commandValue\":2}");
        assertThat(rs485.get(5)).isEqualTo("{\"bus\":\"rs485\",\"address\":2,\"direction\":\"response\","
                + "\"command\":\"0x42\",\"returnCode\":0,\"infoFlag\":0,\"commandValue\":2,\"modules\":[{"
                + "\"cellVoltages\":[3.359,3.36,3.36,3.36,3.36,3.36,3.361,3.36,3.36,3.361,3.362,3.36,3.362,3.362,3.361],"
                + "\"temperatures\":[29,26,26,26,26],\"current\":2.1,\"voltage\":50.408,"
                + "\"remainingCapacity\":35.5,\"totalCapacity\":50,\"cycles\":79,\"userDefinedCount\":2}]}");
        assertThat(rs485.get(7)).isEqualTo(rs485.get(5)); // "0201" and "0202" get identical replies
        assertThat(rs485.get(9)).isEqualTo("{\"bus\":\"rs485\",\"address\":2,\"direction\":\"response\","
                + "\"command\":\"0x47\",\"returnCode\":0,\"infoFlag\":17,\"cellHighVoltageLimit\":3.65,"
                + "\"cellLowVoltageLimit\":3.05,\"cellUnderVoltageLimit\":2.9,\"chargeHighTemperatureLimit\":61,"
                + "\"chargeLowTemperatureLimit\":-11,\"chargeCurrentLimit\":102,\"moduleHighVoltageLimit\":54,"
                + "\"moduleLowVoltageLimit\":46,\"moduleUnderVoltageLimit\":44.5,"
                + "\"dischargeHighTemperatureLimit\":61,\"dischargeLowTemperatureLimit\":-11,"
                + "\"dischargeCurrentLimit\":-100}");
        containsInOrder(rs485.get(11), "\"command\":\"0x44\"", "\"status1\":0", "\"status2\":14", "\"status3\":128",
                "\"flags\":[\"usingBatteryModulePower\",\"dischargeMosfetOn\",\"chargeMosfetOn\","
                        + "\"effectiveChargeCurrent\"]", "\"cellVoltageErrors\":[]");
        assertThat(rs485.get(15)).isEqualTo("{\"bus\":\"rs485\",\"address\":2,\"direction\":\"response\","
                + "\"command\":\"0x92\",\"returnCode\":0,\"commandValue\":2,\"chargeVoltageLimit\":53.25,"
                + "\"dischargeVoltageLimit\":47,\"chargeCurrentLimit\":25,\"dischargeCurrentLimit\":-25,"
                + "\"chargeEnable\":true,\"dischargeEnable\":true,\"forceChargeI\":false,\"forceChargeII\":false,"
                + "\"fullChargeRequest\":false,\"status\":192}");
        assertThat(rs485.get(19)).isEqualTo("{\"bus\":\"rs485\",\"address\":2,\"direction\":\"response\","
                + "\"command\":\"0x96\",\"returnCode\":0,\"commandValue\":2,\"manufacturerVersion\":\"2.3\","
                + "\"mainlineVersion\":\"0.6.5\"}");
        // the shell prompt and the tool's "times:" lines are not frames: error objects, so the exit status is 1
        assertThat(out).filteredOn(l -> l.contains("\"error\"")).hasSize(12)
                .allSatisfy(l -> assertThat(l).containsAnyOf("\"input\":\"linux@buildhost", "\"input\":\" times: "));
        assertThat(exitStatus("rs485-tomcat42-lowlevel-us2000b.txt")).isEqualTo(1);
    }

    @Test
    void pythonPylontechTestFrames() throws IOException {
        List<String> out = decode("rs485-python-pylontech-tests.txt");
        assertThat(out).hasSize(5);
        // no request lines in this capture: the replies' commands are inferred from their INFO
        assertThat(out).allSatisfy(l -> assertThat(l).contains("\"inferred\":true"));
        containsInOrder(out.get(0), "\"command\":\"0x42\"", "\"commandValue\":255",
                "\"cellVoltages\":[3.303,3.304,3.302,3.303,3.304,3.304,3.304,3.302,3.301,3.302,3.304,3.303,3.306,"
                        + "3.301,3.302]",
                "\"temperatures\":[23,22,22,22,22],\"current\":-2.6,\"voltage\":49.545,"
                        + "\"remainingCapacity\":33.5,\"totalCapacity\":50,\"cycles\":31",
                "\"temperatures\":[23,22,22,22,22],\"current\":-2.5,\"voltage\":49.52,"
                        + "\"remainingCapacity\":33.5,\"totalCapacity\":50,\"cycles\":31",
                "\"temperatures\":[23,21,21,21,21],\"current\":-2.7,\"voltage\":49.504,"
                        + "\"remainingCapacity\":33.5,\"totalCapacity\":50,\"cycles\":31,\"userDefinedCount\":2}]}");
        containsInOrder(out.get(1),
                "\"temperatures\":[31,29,29,29,29],\"current\":0,\"voltage\":49.857,"
                        + "\"remainingCapacity\":61.42,\"totalCapacity\":74,\"cycles\":47,\"userDefinedCount\":4",
                "\"current\":-6.8,\"voltage\":49.586,\"remainingCapacity\":62.16,\"totalCapacity\":74,\"cycles\":40",
                "\"temperatures\":[", "28,28,28,28],\"current\":-7.3,\"voltage\":49.592,"
                        + "\"remainingCapacity\":59.2,\"totalCapacity\":74,\"cycles\":113",
                "\"temperatures\":[30,28,28,28,27],\"current\":-6.9,\"voltage\":49.593,"
                        + "\"remainingCapacity\":60.68,\"totalCapacity\":74,\"cycles\":107,\"userDefinedCount\":4}]}");
        containsInOrder(out.get(2),
                "\"temperatures\":[31,29,29,30,29],\"current\":-6.1,\"voltage\":49.149,"
                        + "\"remainingCapacity\":32.56,\"totalCapacity\":74,\"cycles\":564,\"userDefinedCount\":4",
                "\"temperatures\":[32,29,29,29,28],\"current\":-4.7,\"voltage\":49.125,"
                        + "\"remainingCapacity\":24.5,\"totalCapacity\":50,\"cycles\":658,\"userDefinedCount\":4}]}");
        assertThat(out.get(3)).isEqualTo("{\"bus\":\"rs485\",\"address\":2,\"direction\":\"response\","
                + "\"command\":\"0x42\",\"inferred\":true,\"returnCode\":0,\"infoFlag\":16,\"commandValue\":2,"
                + "\"modules\":[{\"cellVoltages\":[3.33,3.33,3.33,3.331,3.328,3.329,3.329,3.331],"
                + "\"temperatures\":[21,19,19,19,20],\"current\":-0.6,\"voltage\":26.638,"
                + "\"remainingCapacity\":95.46,\"totalCapacity\":111,\"cycles\":0,\"userDefinedCount\":4}]}");
        assertThat(out.get(4)).isEqualTo("{\"bus\":\"rs485\",\"address\":2,\"direction\":\"response\","
                + "\"command\":\"0x92\",\"inferred\":true,\"returnCode\":0,\"commandValue\":2,"
                + "\"chargeVoltageLimit\":28.4,\"dischargeVoltageLimit\":23.2,\"chargeCurrentLimit\":55.5,"
                + "\"dischargeCurrentLimit\":-55.5,\"chargeEnable\":true,\"dischargeEnable\":true,"
                + "\"forceChargeI\":false,\"forceChargeII\":false,\"fullChargeRequest\":false,\"status\":192}");
        assertThat(exitStatus("rs485-python-pylontech-tests.txt")).isZero();
    }

    @Test
    void pylontechDocumentExamples() throws IOException {
        List<String> out = decode("rs485-pylontech-spec-examples.txt");
        assertThat(out).hasSize(4);
        assertThat(out.get(0)).isEqualTo(
                "{\"bus\":\"rs485\",\"address\":2,\"direction\":\"request\",\"command\":\"0x42\",\"commandValue\":2}");
        // the chapter-4 reply as printed: its CHKSUM E1A2 is wrong, the content requires E27A
        assertThat(out.get(1)).startsWith("{\"bus\":\"rs485\",\"error\":\"CHKSUM mismatch: the frame carries E1A2, "
                + "its content requires E27A\",\"input\":\"~20024600F07A");
        assertThat(out.get(2)).isEqualTo(
                "{\"bus\":\"rs485\",\"address\":1,\"direction\":\"request\",\"command\":\"0x42\",\"commandValue\":1}");
        assertThat(out.get(3)).isEqualTo("{\"bus\":\"rs485\",\"address\":1,\"direction\":\"response\","
                + "\"command\":\"0x42\",\"returnCode\":0,\"infoFlag\":17,\"commandValue\":1,\"modules\":[{"
                + "\"cellVoltages\":[3.397,3.396,3.397,3.396,3.397,3.396,3.39,3.397,3.402,3.402,3.403,3.402,3.402,"
                + "3.402,3.402],\"temperatures\":[28,28,28,29,29],\"current\":0,\"voltage\":50.981,"
                + "\"remainingCapacity\":49,\"totalCapacity\":50,\"cycles\":2,\"userDefinedCount\":2}]}");
        assertThat(exitStatus("rs485-pylontech-spec-examples.txt")).isEqualTo(1);
    }

    @Test
    void fhemRequestTable() throws IOException {
        List<String> out = decode("rs485-fhem-request-vectors.txt");
        assertThat(out).hasSize(112);
        String[] commands = {"0x93", "0x51", "0x4F", "0x96", "0x44", "0x47", "0x92", "0x42"};
        for (int s = 0; s < commands.length; s++) {
            for (int i = 0; i < 14; i++) {
                String line = out.get(14 * s + i);
                int adr = 2 + i;
                if (line.contains("\"error\"")) {
                    continue; // the BADCHK entries, asserted below
                }
                boolean hasValue = !commands[s].equals("0x51") && !commands[s].equals("0x4F")
                        && !commands[s].equals("0x47");
                assertThat(line).isEqualTo("{\"bus\":\"rs485\",\"address\":" + adr
                        + ",\"direction\":\"request\",\"command\":\"" + commands[s] + "\""
                        + (hasValue ? ",\"commandValue\":" + adr : "") + "}");
            }
        }
        assertThat(out).filteredOn(l -> l.contains("\"error\"")).containsExactly(
                "{\"bus\":\"rs485\",\"error\":\"CHKSUM mismatch: the frame carries FD8F, its content requires FD99\","
                        + "\"input\":\"~200E46510000FD8F   # BADCHK in source; correct CHKSUM is FD99\"}",
                "{\"bus\":\"rs485\",\"error\":\"CHKSUM mismatch: the frame carries FD8E, its content requires FD98\","
                        + "\"input\":\"~200F46510000FD8E   # BADCHK in source; correct CHKSUM is FD98\"}",
                "{\"bus\":\"rs485\",\"error\":\"CHKSUM mismatch: the frame carries FCFE, its content requires FD09\","
                        + "\"input\":\"~200F4644E0020FFCFE   # BADCHK in source; correct CHKSUM is FD09\"}");
        assertThat(out.get(14 + 12)).contains("FD8F");
        assertThat(exitStatus("rs485-fhem-request-vectors.txt")).isEqualTo(1);
    }
}

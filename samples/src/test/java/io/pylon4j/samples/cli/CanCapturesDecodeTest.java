package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code pylon decode} on each shared CAN capture, as published: every frame line decodes (exit status 0), the output
 * is exactly the reviewed JSON Lines kept in {@code expected/}, and the values each capture's header states are there.
 */
class CanCapturesDecodeTest {

    static final String SETFIRELABS = "can-setfirelabs-us5000-v12-vs-v13.txt";
    static final String DFCH = "can-dfch-byd-lvs-victron-venus.txt";
    static final String EMULATORS = "can-emulator-outputs.txt";

    record Run(int status, String out) {
        List<String> lines() {
            return out.lines().toList();
        }

        /** The one output line for {@code id}, or the n-th of several. */
        String line(String id, int nth) {
            return lines().stream().filter(l -> l.contains("\"id\":\"" + id + "\"")).skip(nth).findFirst()
                    .orElseThrow(() -> new AssertionError("no line for " + id + " in\n" + out));
        }
    }

    static Run decode(Path file) {
        return run("decode", file.toString());
    }

    /** Runs {@code pylon args...} in this JVM with standard output captured. */
    static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            int status = PylonCli.run(args);
            System.out.flush();
            return new Run(status, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SETFIRELABS, DFCH, EMULATORS})
    void everyFrameLineOfTheCaptureDecodesToTheReviewedOutput(String capture) throws IOException {
        Path file = SharedCaptures.file(capture);
        Run run = decode(file);

        assertThat(run.status()).as("exit status").isZero();
        long frameLines = Files.readAllLines(file).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
        assertThat(run.lines()).as("one object per frame line").hasSize((int) frameLines)
                .noneMatch(l -> l.contains("\"error\""));
        assertThat(run.out()).isEqualTo(expected(capture.replace(".txt", ".jsonl")));
    }

    @Test
    void setfireLabsUs5000ValuesAsStated() {
        Run run = decode(SharedCaptures.file(SETFIRELABS));
        // old firmware: 53.2 V / 480.0 A / 480.0 A / 45.0 V; SOC 88 %, SOH 94 %; 49.86 V, -27.0 A, 36.3 degC;
        // no flags, 6 modules
        assertThat(run.line("0x351", 0)).contains("\"type\":\"ChargeDischargeLimits\"", "\"chargeVoltageLimit\":53.2,",
                "\"chargeCurrentLimit\":480,", "\"dischargeCurrentLimit\":480,", "\"dischargeVoltageLimit\":45}");
        assertThat(run.line("0x355", 0)).contains("\"soc\":88,", "\"soh\":94,\"highResolutionSoc\":null}");
        assertThat(run.line("0x356", 0)).contains("\"voltage\":49.86,", "\"current\":-27,", "\"temperature\":36.3}");
        assertThat(run.line("0x359", 0)).contains("\"moduleCount\":6,", "\"flags\":[]", "\"marker\":\"PN\"");
        assertThat(run.line("0x35C", 0)).contains("\"chargeEnable\":true,", "\"dischargeEnable\":true,",
                "\"forceChargeI\":false,", "\"forceChargeII\":false,", "\"fullChargeRequest\":false}");
        assertThat(run.line("0x35E", 0)).contains("\"manufacturer\":\"PYLON\"}");
        // new firmware: 52.8 V / 480.0 A / 480.0 A / 45.0 V; SOC 84 %, SOH 96 % + 00 00; 49.87 V, -27.9 A, 36.3 degC;
        // 0x35F 4C 49 ("LI"), 01 03, 572
        assertThat(run.line("0x351", 1)).contains("\"chargeVoltageLimit\":52.8,", "\"dischargeVoltageLimit\":45}");
        assertThat(run.line("0x355", 1)).contains("\"soc\":84,", "\"soh\":96,", "\"highResolutionSoc\":0}");
        assertThat(run.line("0x356", 1)).contains("\"voltage\":49.87,", "\"current\":-27.9,", "\"temperature\":36.3}");
        assertThat(run.line("0x35A", 0)).contains("\"alarms\":[],\"warnings\":[]");
        assertThat(run.line("0x35F", 0)).contains("\"chemistry\":\"LI\",", "\"versionMajor\":1,", "\"versionMinor\":3,",
                "\"capacity\":572,", "\"reserved\":\"AA00\"");
    }

    @Test
    void dfchBydValuesAsStated() {
        Run run = decode(SharedCaptures.file(DFCH));
        assertThat(run.line("0x307", 0)).contains("\"type\":\"VictronIdentity\"", "\"victron\":true");
        assertThat(run.line("0x351", 0)).contains("\"chargeVoltageLimit\":58.4,", "\"chargeCurrentLimit\":128,",
                "\"dischargeCurrentLimit\":128,", "\"dischargeVoltageLimit\":43}");
        assertThat(run.line("0x355", 0)).contains("\"soc\":67,", "\"soh\":100,");
        assertThat(run.line("0x356", 0)).contains("\"voltage\":53.1,", "\"current\":-0.7,", "\"temperature\":14}");
        assertThat(run.line("0x35A", 0)).contains("\"alarms\":[],\"warnings\":[],\"states\":\"AAAAAAAAAAAAAAAA\"");
        assertThat(run.line("0x35E", 0)).contains("\"manufacturer\":\"BYD\"}");
        assertThat(run.line("0x35F", 0)).contains("\"chemistry\":\"Li\",", "\"versionMajor\":1,",
                "\"versionMinor\":23,", "\"version\":\"1.17\",", "\"capacity\":105}"); // 01 17 = v1.17 as the source reads it
        assertThat(run.line("0x360", 0)).contains("\"type\":\"UnknownCanMessage\"", "\"data\":\"0000000000000000\"");
        assertThat(run.line("0x372", 0)).contains("\"modulesOnline\":2,", "\"modulesOffline\":0}");
        assertThat(run.line("0x373", 0)).contains("\"minCellVoltage\":3.306,", "\"maxCellVoltage\":3.329,",
                "\"minCellTemperature\":13.85,", "\"maxCellTemperature\":16.85}"); // 0x011F, 0x0122 K
        assertThat(run.line("0x374", 0)).contains("\"cellId\":\"2\"}");
        assertThat(run.line("0x377", 0)).contains("\"cellId\":\"1\"}");
        assertThat(run.line("0x378", 0)).contains("\"chargedEnergy\":211.2,", "\"dischargedEnergy\":183.5}");
        assertThat(run.line("0x379", 0)).contains("\"installedCapacity\":156}");
        assertThat(run.line("0x382", 0)).contains("\"product\":\"PREMIUM\"}");
    }

    @Test
    void emulatorValuesAsStated() {
        Run run = decode(SharedCaptures.file(EMULATORS));
        // diyBMS 2022: 58.0 V CVL, 10.0 A CCL, -10.0 A DCL (negative!), 57.5 V; 52.68 V, 0.0 A, 14.0 degC
        assertThat(run.line("0x351", 0)).contains("\"chargeVoltageLimit\":58,", "\"chargeCurrentLimit\":10,",
                "\"dischargeCurrentLimit\":-10,", "\"dischargeVoltageLimit\":57.5}");
        assertThat(run.line("0x356", 0)).contains("\"voltage\":52.68,", "\"current\":0,", "\"temperature\":14}");
        assertThat(run.line("0x359", 0)).contains("\"moduleCount\":0,", "\"onlineModules\":0}");
        // ArminJo: 0x21 keep-alive; 55.2 V, 50.0 A, 80.0 A, 48.0 V; 60 % / 100 %; 52.28 V, 0.4 A, 22.0 C; C0
        assertThat(run.line("0x305", 0)).contains("\"type\":\"InverterKeepAlive\"", "\"data\":\"2100000000000000\"");
        assertThat(run.line("0x351", 2)).contains("\"chargeVoltageLimit\":55.2,", "\"chargeCurrentLimit\":50,",
                "\"dischargeCurrentLimit\":80,", "\"dischargeVoltageLimit\":48}");
        assertThat(run.line("0x355", 0)).contains("\"soc\":60,", "\"soh\":100,\"highResolutionSoc\":null}");
        assertThat(run.line("0x356", 2)).contains("\"voltage\":52.28,", "\"current\":0.4,", "\"temperature\":22}");
        assertThat(run.line("0x359", 1)).contains("\"moduleCount\":1,", "\"flags\":[]",
                "\"marker\":\"PN\",\"onlineModules\":null}");
        assertThat(run.line("0x35C", 0)).contains("\"chargeEnable\":true,", "\"dischargeEnable\":true,");
    }

    static String expected(String resource) throws IOException {
        try (InputStream in = CanCapturesDecodeTest.class.getResourceAsStream("expected/" + resource)) {
            if (in == null) {
                throw new IOException("test resource expected/" + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

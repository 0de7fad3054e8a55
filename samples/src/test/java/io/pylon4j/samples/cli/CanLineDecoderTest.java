package io.pylon4j.samples.cli;

import io.pylon4j.driver.json.JsonWriter;
import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CandumpFormat;
import io.pylon4j.can.CanProfile;
import io.pylon4j.can.PylonCanCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line contract of {@code pylon decode} for CAN: one object per frame line, errors as objects, exit status. */
class CanLineDecoderTest {

    @Test
    void readsCandumpTextAndLogLinesAndSkipsBlankAndCommentLines() throws IOException {
        String log = "# a comment\n"
                + "\n"
                + "  can0  351   [8]  14 02 C0 12 C0 12 C2 01\n"
                + "   # an indented comment\n"
                + "(1700000000.000000) can0 351#1402C012C012C201\n";
        StringWriter out = new StringWriter();

        boolean ok = DecodeCommand.decode(new BufferedReader(new StringReader(log)), out);

        String limits = "{\"bus\":\"can\",\"id\":\"0x351\",\"type\":\"ChargeDischargeLimits\",\"chargeVoltageLimit\":53.2,"
                + "\"chargeCurrentLimit\":480,\"dischargeCurrentLimit\":480,\"dischargeVoltageLimit\":45}\n";
        assertThat(ok).isTrue();
        assertThat(out).hasToString(limits + limits);
    }

    @Test
    void shortFramesPrintTheFieldsTheyCarryAndNullForTheOthers() throws IOException {
        // Battery-Emulator's 6-byte 0x351 (no discharge voltage), diyBMS's 2-byte 0x355 (SOC only), a 4-byte 0x356
        // (no temperature) and a 7-byte 0x35A (no last warning byte): decoded, absent fields null, never 0
        String log = "(1700000000.000000) can0 351#1402E803E803\n"
                + "(1700000000.010000) can0 355#5800\n"
                + "(1700000000.020000) can0 356#7A13F2FE\n"
                + "(1700000000.030000) can0 35A#AAA6AA02AAAAAA\n";
        StringWriter out = new StringWriter();

        boolean ok = DecodeCommand.decode(new BufferedReader(new StringReader(log)), out);

        assertThat(ok).isTrue();
        assertThat(out.toString().lines()).containsExactly(
                "{\"bus\":\"can\",\"id\":\"0x351\",\"type\":\"ChargeDischargeLimits\",\"chargeVoltageLimit\":53.2,"
                        + "\"chargeCurrentLimit\":100,\"dischargeCurrentLimit\":100,"
                        + "\"dischargeVoltageLimit\":null}",
                "{\"bus\":\"can\",\"id\":\"0x355\",\"type\":\"StateOfChargeAndHealth\",\"soc\":88,\"soh\":null,"
                        + "\"highResolutionSoc\":null}",
                "{\"bus\":\"can\",\"id\":\"0x356\",\"type\":\"BatteryMeasurements\",\"voltage\":49.86,"
                        + "\"current\":-27,\"temperature\":null}",
                "{\"bus\":\"can\",\"id\":\"0x35A\",\"type\":\"AlarmsAndWarnings\","
                        + "\"alarms\":[\"HIGH_TEMPERATURE_CHARGE\"],\"warnings\":[],\"states\":\"AAA6AA02AAAAAA\"}");
    }

    @Test
    void aTooShortFrameIsAnErrorObjectAndDecodingGoesOn() throws IOException {
        String log = "(1700000000.000000) can0 351#1402C012C0\n"
                + "(1700000000.010000) can0 355#58005E00\n";
        StringWriter out = new StringWriter();

        boolean ok = DecodeCommand.decode(new BufferedReader(new StringReader(log)), out);

        assertThat(ok).isFalse();
        assertThat(out.toString().lines()).containsExactly(
                "{\"bus\":\"can\",\"error\":\"CAN frame 0x351 (ChargeDischargeLimits) has DLC 5; it needs at least 6 "
                        + "data bytes\",\"input\":\"(1700000000.000000) can0 351#1402C012C0\"}",
                "{\"bus\":\"can\",\"id\":\"0x355\",\"type\":\"StateOfChargeAndHealth\",\"soc\":88,\"soh\":94,"
                        + "\"highResolutionSoc\":null}");
    }

    @Test
    void aMalformedLineIsAnErrorObjectWithTheLineAsInput() throws IOException {
        String log = "  can0  351   [8]  14 02 C0 12\n"
                + "351#14G2\n"
                + "(1.0) can0 12345678#00\n"
                + "  can0  35E   [5]  50 59 54 45 53\n";
        StringWriter out = new StringWriter();

        boolean ok = DecodeCommand.decode(new BufferedReader(new StringReader(log)), out);

        assertThat(ok).isFalse();
        assertThat(out.toString().lines()).containsExactly(
                "{\"bus\":\"can\",\"error\":\"DLC [8] but 4 data bytes on the line\","
                        + "\"input\":\"  can0  351   [8]  14 02 C0 12\"}",
                "{\"bus\":\"can\",\"error\":\"'G' in '351#14G2' is not a hex digit\",\"input\":\"351#14G2\"}",
                "{\"bus\":\"can\",\"error\":\"'12345678#00' has an extended (29-bit) id; Pylontech LV CAN uses 11-bit "
                        + "ids\",\"input\":\"(1.0) can0 12345678#00\"}",
                "{\"bus\":\"can\",\"id\":\"0x35E\",\"type\":\"ManufacturerName\",\"manufacturer\":\"PYTES\"}");
    }

    @Test
    void theExitStatusIsOneWhenAnyLineFailedElseZero(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("good.log"), "(1.0) can0 355#58005E00\n");
        Path bad = Files.writeString(dir.resolve("bad.log"), "(1.0) can0 355#58\n(2.0) can0 355#58005E00\n");

        CanCapturesDecodeTest.Run goodRun = CanCapturesDecodeTest.decode(good);
        CanCapturesDecodeTest.Run badRun = CanCapturesDecodeTest.decode(bad);

        assertThat(goodRun.status()).isZero();
        assertThat(badRun.status()).isEqualTo(1);
        assertThat(badRun.lines()).hasSize(2);
        assertThat(badRun.lines().get(0)).startsWith("{\"bus\":\"can\",\"error\":\"CAN frame 0x355");
        assertThat(badRun.lines().get(1)).contains("\"soc\":88");
    }

    @Test
    void aCodecWithAnotherProfileDecodesTheSameLineAsThatProfileSays() {
        JsonWriter json = new JsonWriter();
        CanLineDecoder victron = new CanLineDecoder(new PylonCanCodec(CanProfile.VICTRON));
        CanLineDecoder standard = new CanLineDecoder();

        victron.decode(CandumpFormat.parseFrame("370#446973636F766572"), "370#446973636F766572", json);
        standard.decode(CandumpFormat.parseFrame("370#FA00D700160DEE0C"), "370#FA00D700160DEE0C", json);

        assertThat(json.peek().lines()).containsExactly(
                "{\"bus\":\"can\",\"id\":\"0x370\",\"type\":\"BmsNamePart1\",\"name\":\"Discover\"}",
                "{\"bus\":\"can\",\"id\":\"0x370\",\"type\":\"PylonPlusCellExtremes\",\"maxCellTemperature\":25,"
                        + "\"minCellTemperature\":21.5,\"maxCellVoltage\":3.35,\"minCellVoltage\":3.31}");
    }

    @Test
    void theCanProfileOptionChoosesHowDisputedFramesAreRead(@TempDir Path dir) throws IOException {
        Path log = Files.writeString(dir.resolve("victron.log"), "(1.0) can0 370#446973636F766572\n"
                + "(1.1) can0 356#F401000064000000\n");

        CanCapturesDecodeTest.Run standard = CanCapturesDecodeTest.run("decode", log.toString());
        CanCapturesDecodeTest.Run victron = CanCapturesDecodeTest.run("decode", "--can-profile", "victron",
                log.toString());
        CanCapturesDecodeTest.Run solArk = CanCapturesDecodeTest.run("decode", "--can-profile", "SOL-ARK",
                log.toString());

        assertThat(standard.line("0x370", 0)).contains("\"type\":\"PylonPlusCellExtremes\"");
        assertThat(victron.line("0x370", 0)).contains("\"type\":\"BmsNamePart1\",\"name\":\"Discover\"");
        assertThat(standard.line("0x356", 0)).contains("\"voltage\":5,");
        assertThat(solArk.line("0x356", 0)).contains("\"voltage\":50,");
        assertThat(List.of(standard.status(), victron.status(), solArk.status())).containsOnly(0);
    }

    @Test
    void anUnknownCanProfileIsAUsageErrorNamingThePresets(@TempDir Path dir) throws IOException {
        Path log = Files.writeString(dir.resolve("a.log"), "(1.0) can0 355#58005E00\n");

        CanCapturesDecodeTest.Run run = CanCapturesDecodeTest.run("decode", "--can-profile", "growatt",
                log.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingFileExitsTwoWithoutDecodingAnything(@TempDir Path dir) {
        CanCapturesDecodeTest.Run run = CanCapturesDecodeTest.run("decode", dir.resolve("nope.log").toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void decodeHasItsOwnHelp() {
        CanCapturesDecodeTest.Run run = CanCapturesDecodeTest.run("decode", "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("--inverter").contains("FILE");
    }
}

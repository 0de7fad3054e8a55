package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Rs485LineDecoderTest {

    private static List<String> decode(String... lines) {
        return DecodeCommand.decodeToString(String.join("\n", lines) + "\n").lines().toList();
    }

    @Test
    void directionMarksTrailingCrAndCommentsAreStripped() {
        assertThat(decode("->  ~20024692E00202FD2E\r", " <- ~20024600B01402D002B79800FAFF06C0F92D   # worked example 2"))
                .containsExactly(
                        "{\"bus\":\"rs485\",\"address\":2,\"direction\":\"request\",\"command\":\"0x92\",\"commandValue\":2}",
                        "{\"bus\":\"rs485\",\"address\":2,\"direction\":\"response\",\"command\":\"0x92\",\"returnCode\":0,"
                                + "\"commandValue\":2,\"chargeVoltageLimit\":53.25,\"dischargeVoltageLimit\":47.0,"
                                + "\"chargeCurrentLimit\":25.0,\"dischargeCurrentLimit\":-25.0,\"chargeEnable\":true,"
                                + "\"dischargeEnable\":true,\"forceChargeI\":false,\"forceChargeII\":false,"
                                + "\"fullChargeRequest\":false,\"status\":192}");
    }

    @Test
    void aResponseWithNoRequestThatCannotBeInferredPrintsTheGenericFields() {
        assertThat(decode("~200246000000FDB2")).containsExactly("{\"bus\":\"rs485\",\"address\":2,"
                + "\"direction\":\"response\",\"command\":null,\"returnCode\":0,\"info\":\"\"}");
        assertThat(decode("~200246040000FDAE")).containsExactly("{\"bus\":\"rs485\",\"address\":2,"
                + "\"direction\":\"response\",\"command\":null,\"returnCode\":4,\"info\":\"\"}");
    }

    @Test
    void aRefusalDecodesAgainstItsRequest() {
        String request = new io.pylon4j.rs485.SystemAnalogRequest(2).toFrame().toString();
        assertThat(decode(request, "~200246040000FDAE")).last().isEqualTo("{\"bus\":\"rs485\","
                + "\"address\":2,\"direction\":\"response\",\"command\":\"0x61\",\"returnCode\":4}");
    }

    @Test
    void aBadRequestLineClearsThePendingRequest() {
        // the 0x92 request is corrupted: the reply after it must not be decoded against the 0x42 before it
        List<String> out = decode("~20024642E00202FD33", "~20024692E00202FD2F",
                "~20024600B01402D002B79800FAFF06C0F92D");
        assertThat(out.get(1)).contains("\"error\":\"CHKSUM mismatch");
        assertThat(out.get(2)).contains("\"command\":\"0x92\",\"inferred\":true");
    }

    @Test
    void aReplyWhoseContentDoesNotFitItsRequestIsAnError() {
        List<String> out = decode("~20024642E00202FD33", "~20024600B01402D002B79800FAFF06C0F92D");
        assertThat(out.get(1)).startsWith("{\"bus\":\"rs485\",\"error\":\"INFO too short for get analog values (0x42)");
    }

    @Test
    void aReplyFromAnotherAddressIsNotDecodedAgainstTheRequest() {
        List<String> out = decode("~20034692E00203FD2C", "~20024600B01402D002B79800FAFF06C0F92D");
        assertThat(out.get(1)).contains("\"address\":2").contains("\"inferred\":true");
    }

    @Test
    void unknownCommandsAndNonFrameLinesAreErrors() {
        assertThat(decode("~2002464BE00202FD2A")).singleElement().asString()
                .startsWith("{\"bus\":\"rs485\",\"error\":\"");
        assertThat(decode("~20024642E00202FD33", "-> hello")).last()
                .isEqualTo("{\"bus\":\"rs485\",\"error\":\"not an RS485 frame: a frame starts with '~'\",\"input\":\"-> hello\"}");
    }

    @Test
    void lowerCaseHexIsAccepted() {
        assertThat(decode("~20024692e00202" + String.format("%04X",
                io.pylon4j.rs485.FrameChecksum.of("20024692e00202")))).singleElement().asString()
                .contains("\"command\":\"0x92\"");
    }

    @Test
    void controlCommandsShowTheirValues() {
        String set = new io.pylon4j.rs485.SetChargeDischargeManagementRequest(2, 2, 53250, 47000, 250, -250)
                .toFrame().toString();
        assertThat(decode(set, "~200246000000FDB2")).containsExactly(
                "{\"bus\":\"rs485\",\"address\":2,\"direction\":\"request\",\"command\":\"0x94\",\"commandValue\":2,"
                        + "\"chargeVoltageLimit\":53.25,\"dischargeVoltageLimit\":47.0,\"chargeCurrentLimit\":25.0,"
                        + "\"dischargeCurrentLimit\":-25.0}",
                "{\"bus\":\"rs485\",\"address\":2,\"direction\":\"response\",\"command\":\"0x94\",\"returnCode\":0}");
    }

    @Test
    void camelCase() {
        assertThat(Rs485Json.camelCase("USING_BATTERY_MODULE_POWER")).isEqualTo("usingBatteryModulePower");
        assertThat(Rs485Json.camelCase("FORCE_CHARGE_I")).isEqualTo("forceChargeI");
    }
}

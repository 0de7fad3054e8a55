package io.pylon4j.samples.cli;

import io.pylon4j.driver.json.JsonWriter;
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
                                + "\"commandValue\":2,\"chargeVoltageLimit\":53.25,\"dischargeVoltageLimit\":47,"
                                + "\"chargeCurrentLimit\":25,\"dischargeCurrentLimit\":-25,\"chargeEnable\":true,"
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
                        + "\"chargeVoltageLimit\":53.25,\"dischargeVoltageLimit\":47,\"chargeCurrentLimit\":25,"
                        + "\"dischargeCurrentLimit\":-25}",
                "{\"bus\":\"rs485\",\"address\":2,\"direction\":\"response\",\"command\":\"0x94\",\"returnCode\":0}");
    }

    @Test
    void camelCase() {
        assertThat(Rs485Json.camelCase("USING_BATTERY_MODULE_POWER")).isEqualTo("usingBatteryModulePower");
        assertThat(Rs485Json.camelCase("FORCE_CHARGE_I")).isEqualTo("forceChargeI");
    }

    @Test
    void theByteWhiteSpaceIsCharacterIsWhitespaceForEveryLatin1Character() {
        for (int c = 0; c < 256; c++) {
            assertThat(Rs485LineDecoder.isWhitespace((byte) c)).as("0x%02X", c).isEqualTo(Character.isWhitespace(c));
        }
    }

    /** Each line through the byte path and through the character path, with the same state before each. */
    private static void assertBothPathsAgree(List<String> lines) {
        Rs485LineDecoder bytes = new Rs485LineDecoder();
        Rs485LineDecoder chars = new Rs485LineDecoder();
        for (String line : lines) {
            JsonWriter byBytes = new JsonWriter();
            JsonWriter byChars = new JsonWriter();
            boolean okBytes = bytes.decode(line, byBytes);
            boolean okChars = chars.decodeCharByChar(line, byChars);
            assertThat(byBytes.peek()).as(line).isEqualTo(byChars.peek());
            assertThat(okBytes).as(line).isEqualTo(okChars);
        }
    }

    @Test
    void edgeCaseLinesDecodeByBytesExactlyAsCharacterByCharacter() {
        String request = "~20024642E00202FD33";
        String reply = "~20024600C06E10020F0CF70CF60CF60CF60CF60CF60CF60CF60CF50CF50CF50CF50CF50CF5050BB90BB90BB90BB9"
                + "0BB9FF8AD2FD0204C350009DC350002E0D0F0";
        assertBothPathsAgree(List.of(request, "~20024642e00202fd33", request.substring(0, 18), request + "0",
                request + "\r", request + "\r\n", request + "\n", "\r" + request, request + "\r\r", request + "\r # c",
                request + "\t# c", request + "\u000b# c", request + "\u001c# c", request + "\u00a0# c",
                request + "\u0085# c", request + "\u2003# c", "\u2003" + request, "\u00a0" + request,
                "->" + request, "->\t" + request, "<-  " + request, "- >" + request, "<" + request, "->", "-", "~",
                "", " ", "~2002464?E00202FD33", "~2002464\u20acE00202FD33", "~2002464\u00e9E00202FD33",
                "~2002464GE00202FD33", "~2002464\u0000E00202FD33", "~2002464 E00202FD33", "?" + request,
                request + "?", request + " \u20ac", "\u20ac", "~" + "0".repeat(65_536), request, reply,
                reply.toLowerCase(java.util.Locale.ROOT), reply.substring(0, reply.length() - 1),
                "~" + "F".repeat(131), request, reply + "\u20ac", request, reply + " \u20ac"));
    }

    @Test
    void mutatedCaptureLinesDecodeByBytesExactlyAsCharacterByCharacter() throws Exception {
        List<String> frames;
        try (var in = Rs485LineDecoderTest.class.getResourceAsStream("rs485-us2000b.log")) {
            assertThat(in).isNotNull();
            frames = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("~")).toList();
        }
        assertThat(frames).hasSizeGreaterThan(10);
        String[] replacements = {"\u2003", "\u00a0", "\u0085", "\u001c", "\u000b", "\r", "\t", "?", "\u00e9", "\u20ac",
            "\u0000", "\"", "\\", "\u007f", " ", "a", "f", "G", "~", "-", ">"};
        java.util.Random random = new java.util.Random(15);
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            String line = frames.get(random.nextInt(frames.size()));
            int at = random.nextInt(line.length());
            switch (random.nextInt(5)) {
                case 0 -> line = line.substring(0, at) + replacements[random.nextInt(replacements.length)]
                        + line.substring(at + 1);
                case 1 -> line = line.substring(0, at) + line.substring(at + 1);
                case 2 -> line = line.toLowerCase(java.util.Locale.ROOT);
                case 3 -> line = replacements[random.nextInt(replacements.length)] + line
                        + replacements[random.nextInt(replacements.length)] + "x";
                default -> { } // as captured
            }
            lines.add(line);
        }
        assertBothPathsAgree(lines);
    }
}

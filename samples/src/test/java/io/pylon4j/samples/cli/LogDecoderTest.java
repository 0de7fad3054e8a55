package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which bus a line that is no frame at all is reported against. */
class LogDecoderTest {

    private static String decode(String... lines) {
        return DecodeCommand.decodeToString(String.join("\n", lines) + "\n");
    }

    @Test
    void junkBeforeTheFirstRs485FrameIsReportedAsRs485InInputOrder() {
        String out = decode("user@host:~$ ./poll.py", "~20024642E00202FD33", " times: 20.0");
        assertThat(out.lines()).hasSize(3);
        assertThat(out.lines().toList().get(0))
                .startsWith("{\"bus\":\"rs485\",\"error\":")
                .endsWith("\"input\":\"user@host:~$ ./poll.py\"}");
        assertThat(out.lines().toList().get(1)).startsWith("{\"bus\":\"rs485\",\"address\":2,\"direction\":\"request\"");
        assertThat(out.lines().toList().get(2)).startsWith("{\"bus\":\"rs485\",\"error\":").contains(" times: 20.0");
    }

    @Test
    void junkInACanLogIsReportedAsCanWithTheCanReason() {
        String out = decode("garbage line", "(1700000000.000000) can0 35C#C000", "more garbage");
        assertThat(out.lines().toList()).hasSize(3)
                .satisfies(l -> assertThat(l.get(0)).startsWith("{\"bus\":\"can\",\"error\":\"not a CAN frame line"))
                .satisfies(l -> assertThat(l.get(1)).contains("\"type\":\"ChargeRequestFlags\""))
                .satisfies(l -> assertThat(l.get(2)).startsWith("{\"bus\":\"can\",\"error\":"));
    }

    @Test
    void aLogWithNoFrameAtAllReportsEveryLineAsCanAtTheEnd() {
        String out = decode("just text", "and more");
        assertThat(out.lines().toList()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("{\"bus\":\"can\",\"error\":"));
    }

    @Test
    void heldLinesAreBoundedAndStillPrintInOrder() {
        String[] lines = new String[LogDecoder.MAX_HELD + 2];
        for (int i = 0; i < lines.length - 1; i++) {
            lines[i] = "noise " + i;
        }
        lines[lines.length - 1] = "~20024642E00202FD33";
        var out = decode(lines).lines().toList();
        assertThat(out).hasSize(lines.length);
        assertThat(out.get(0)).contains("\"input\":\"noise 0\"").startsWith("{\"bus\":\"can\"");
        // past the bound the log is taken for CAN until a frame says otherwise
        assertThat(out.get(LogDecoder.MAX_HELD)).contains("\"input\":\"noise " + LogDecoder.MAX_HELD + "\"")
                .startsWith("{\"bus\":\"can\"");
        assertThat(out.get(lines.length - 1)).contains("\"direction\":\"request\"");
    }
    @Test
    void anOverLongLineIsOneErrorOnTheLogsBusAndALongCommentStaysAComment() {
        String longLine = "A".repeat(70_000);
        String out = decode(longLine, "# " + "c".repeat(70_000), "~20024642E00202FD33", longLine);

        assertThat(out.lines().toList()).hasSize(3)
                .satisfies(l -> assertThat(l.get(0)).startsWith("{\"bus\":\"rs485\",\"error\":\"line too long: 70001 bytes")
                        .endsWith("\"input\":\"" + "A".repeat(65_536) + "\"}"))
                .satisfies(l -> assertThat(l.get(1)).contains("\"direction\":\"request\""))
                .satisfies(l -> assertThat(l.get(2)).startsWith("{\"bus\":\"rs485\",\"error\":\"line too long"));
    }

    @Test
    void linesHeldBeforeTheFirstFrameAreBoundedByCharactersToo() {
        // 40 lines of 64 KiB would be 2.5 MB held waiting for the bus; the bound settles them as CAN at 1 Mi chars
        String[] lines = new String[41];
        java.util.Arrays.fill(lines, 0, 40, "x".repeat(1 << 16));
        lines[40] = "~20024642E00202FD33";

        java.util.List<String> out = decode(lines).lines().toList();

        int held = LogDecoder.MAX_HELD_CHARS / (1 << 16);
        assertThat(out).hasSize(41);
        assertThat(out.subList(0, held)).allSatisfy(l -> assertThat(l).startsWith("{\"bus\":\"can\",\"error\":"));
        assertThat(out.get(40)).contains("\"direction\":\"request\"");
    }
}

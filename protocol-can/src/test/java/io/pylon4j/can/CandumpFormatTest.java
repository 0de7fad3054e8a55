package io.pylon4j.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CandumpFormatTest {

    private static final CanFrame LIMITS = CanFrame.ofHex(0x351, "1402C012C012C201");

    @Test
    void readsACandumpLogLine() {
        CanLogEntry entry = CandumpFormat.parse("(1700000000.000000) can0 351#1402C012C012C201");
        assertThat(entry.timestampMicros()).isEqualTo(1_700_000_000_000_000L);
        assertThat(entry.interfaceName()).isEqualTo("can0");
        assertThat(entry.frame()).isEqualTo(LIMITS);
    }

    @Test
    void readsTheFractionOfALogTimestampToMicroseconds() {
        assertThat(CandumpFormat.parse("(1700000000.123456) can0 351#").timestampMicros())
                .isEqualTo(1_700_000_000_123_456L);
        assertThat(CandumpFormat.parse("(12.5) vcan0 351#").timestampMicros()).isEqualTo(12_500_000L);
        assertThat(CandumpFormat.parse("(12.123456789) vcan0 351#").timestampMicros()).isEqualTo(12_123_456L);
    }

    @Test
    void readsACandumpTextLine() {
        CanLogEntry entry = CandumpFormat.parse("  can0  351   [8]  14 02 C0 12 C0 12 C2 01");
        assertThat(entry.hasTimestamp()).isFalse();
        assertThat(entry.interfaceName()).isEqualTo("can0");
        assertThat(entry.frame()).isEqualTo(LIMITS);
    }

    @Test
    void readsACandumpTextLineWithTimestampAndAsciiColumn() {
        CanLogEntry entry = CandumpFormat.parse(
                " (1700000000.250000)  can1  35E   [8]  50 59 4C 4F 4E 20 20 20   'PYLON   '");
        assertThat(entry.timestampMicros()).isEqualTo(1_700_000_000_250_000L);
        assertThat(entry.interfaceName()).isEqualTo("can1");
        assertThat(entry.frame()).isEqualTo(CanFrame.ofHex(0x35E, "50594C4F4E202020"));
    }

    @Test
    void readsAnAsciiColumnThatContainsABar() {
        assertThat(CandumpFormat.parseFrame("  can0  35E   [2]  7C 41   '|A'"))
                .isEqualTo(CanFrame.ofHex(0x35E, "7C41"));
    }

    @Test
    void readsEmptyFramesInEveryCandumpForm() {
        assertThat(CandumpFormat.parseFrame("00F#")).isEqualTo(new CanFrame(0x00F, 0, 0));
        assertThat(CandumpFormat.parseFrame("(1.0) can0 00F#")).isEqualTo(new CanFrame(0x00F, 0, 0));
        assertThat(CandumpFormat.parseFrame("  can0  00F   [0] ")).isEqualTo(new CanFrame(0x00F, 0, 0));
    }

    @Test
    void readsCansendCompactWithDotsAndLowerCase() {
        assertThat(CandumpFormat.parseFrame("351#14.02.c0.12.c0.12.c2.01")).isEqualTo(LIMITS);
        assertThat(CandumpFormat.parse("351#1402C012C012C201").interfaceName()).isEmpty();
    }

    @Test
    void readsTheCaptureForms() {
        assertThat(CandumpFormat.parseFrame("351 | 14 02 C0 12 C0 12 C2 01 | ........ | note")).isEqualTo(LIMITS);
        assertThat(CandumpFormat.parseFrame(
                "Standard ID: 0x351       DLC: 8  Data: 0x14 0x02 0xC0 0x12 0xC0 0x12 0xC2 0x01")).isEqualTo(LIMITS);
        assertThat(CandumpFormat.parseFrame(
                "CANId=0x351, FrameLength=8, Data=0x14, 0x2, 0xC0, 0x12, 0xC0, 0x12, 0xC2, 0x1")).isEqualTo(LIMITS);
        assertThat(CandumpFormat.parseFrame("ID: 351 Buffer: 14 2 C0 12 C0 12 C2 1 - Battery voltage + limits"))
                .isEqualTo(LIMITS);
    }

    @Test
    void readsAnArrayDumpFollowedByAComment() {
        // ArminJo's Pylontech_CAN.h: the author's decoding follows a '|' (capture can-emulator-outputs.txt)
        assertThat(CandumpFormat.parseFrame("CANId=0x359, FrameLength=7, Data=0x0, 0x0, 0x0, 0x0, 0x1, 0x50, 0x4E"
                + " | No alarms")).isEqualTo(CanFrame.ofHex(0x359, "0000000001504E"));
        assertThat(CandumpFormat.parseFrame("CANId=0x356, FrameLength=6, Data=0x6C, 0x14, 0x4, 0x0, 0xDC, 0x0"
                + " | 0x146C->52.28V, 0.4A, 0xDC->22.0C")).isEqualTo(CanFrame.ofHex(0x356, "6C140400DC00"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "351#1402C012C012C20;                       odd number of data digits",
            "(1.0) can0 351#1402C012C012C20;            odd number of data digits",
            "351#1402C012C012C2010;                     odd number of data digits",
            "351#14G2;                                  'G' in '351#14G2' is not a hex digit",
            "  can0  351   [2]  14 G2;                  'G' in 'G2' is not a hex digit",
            "  can0  351   [2]  14 2;                   data byte '2' is not two hex digits",
            "3G1#14;                                    'G' in id '3G1' is not a hex digit",
            "351#1402C012C012C20102;                    more than 8 data bytes",
            "12345678#1402;                             extended (29-bit) id",
            "(1.0) can0 12345678#1402;                  extended (29-bit) id",
            "  can0  12345678   [2]  14 02;             extended (29-bit) id",
            "  can0  800   [2]  14 02;                  id 0x800 is an extended (29-bit) id",
            "351 | 14 0Z | note;                        'Z' in '0Z' is not a hex digit",
            "CANId=0x351, FrameLength=2, Data=0x14, 0xZ; 'Z' in '0xZ' is not a hex digit",
            "351#R;                                     remote (RTR) frame",
            "(1.0) can0 351#R8;                         remote (RTR) frame",
            "  can0  351   [8]  remote request;         remote (RTR) frame",
            "351##11402C012;                            CAN FD frame",
            "(1.0) can0 351##01402;                     CAN FD frame",
            "  can0  351  [08]  14 02 C0 12 C0 12 C2 01; candump's CAN FD form",
            "  can0  351   [8]  14 02 C0 12;            DLC [8] but 4 data bytes on the line",
            "  can0  351   [2]  14 02 C0;               DLC [2] but 3 data bytes on the line",
            "  can0  351   [9]  14 02 C0 12 C0 12 C2 01 00; DLC 9 is more than 8",
            "Standard ID: 0x351  DLC: 4  Data: 0x14 0x02; DLC 4 but 2 data bytes on the line",
            "(17000x0.0) can0 351#14;                   is not seconds.microseconds",
            "(1700000000.000000 can0 351#14;            timestamp '(' without ')'",
            "hello world;                               not a CAN frame line in any known format",
            "  can0  351   14 02;                       not a CAN frame line in any known format",
    })
    void rejectsMalformedLinesSayingWhy(String line, String reason) {
        assertThatThrownBy(() -> CandumpFormat.parseFrame(line)).isInstanceOf(InvalidCanFrameException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void rejectsABlankLine(String line) {
        assertThatThrownBy(() -> CandumpFormat.parseFrame(line)).isInstanceOf(InvalidCanFrameException.class)
                .hasMessage("empty line");
    }

    /**
     * A character outside the BMP (two Java chars) must not shift the scanner against the line: found by
     * {@code CandumpFormatFuzz}, the bar of a table line fell outside the substring handed on, and a
     * StringIndexOutOfBoundsException escaped.
     */
    @Test
    void rejectsALineWithCharactersOutsideTheBmpWithoutCrashing() {
        assertThatThrownBy(() -> CandumpFormat.parseFrame("\uD83D\uDE00\uD83D\uDE00 |"))
                .isInstanceOf(InvalidCanFrameException.class);
        assertThatThrownBy(() -> CandumpFormat.parseFrame("\uD83D\uDE00351 | 48 02 | \uD83D\uDE00"))
                .isInstanceOf(InvalidCanFrameException.class).hasMessageContaining("\uD83D\uDE00351");
    }

    /** The same shift made a good frame after such a character unreadable, with a message quoting the wrong text. */
    @Test
    void readsAFrameAfterAnInterfaceNameOutsideTheBmp() {
        CanLogEntry entry = CandumpFormat.parse("(1.5) \uD83D\uDE00 351#1402C012C012C201");
        assertThat(entry.interfaceName()).isEqualTo("\uD83D\uDE00");
        assertThat(entry.frame()).isEqualTo(LIMITS);
        assertThat(entry.timestampMicros()).isEqualTo(1_500_000L);
    }

    @Test
    void writesLinesThatItReadsBack() {
        String log = CandumpFormat.formatLog(1_700_000_000_000_001L, "can0", LIMITS);
        assertThat(log).isEqualTo("(1700000000.000001) can0 351#1402C012C012C201");
        assertThat(CandumpFormat.parse(log)).isEqualTo(new CanLogEntry(1_700_000_000_000_001L, "can0", LIMITS));
        String text = CandumpFormat.formatText("can0", LIMITS);
        assertThat(text).isEqualTo("  can0  351   [8]  14 02 C0 12 C0 12 C2 01");
        assertThat(CandumpFormat.parseFrame(text)).isEqualTo(LIMITS);
    }
}

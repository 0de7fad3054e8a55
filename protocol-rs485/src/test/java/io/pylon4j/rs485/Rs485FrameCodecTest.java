package io.pylon4j.rs485;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Rs485FrameCodecTest {

    private static byte[] wire(String text) {
        return (text + "\r").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void decodesWorkedExample1() {
        Rs485Frame f = Rs485FrameCodec.decode(wire("~20024642E00202FD33"));
        assertThat(f).isEqualTo(Rs485Frame.of(0x20, 0x02, 0x46, 0x42, (byte) 0x02));
        assertThat(f.lengthField()).isEqualTo(0xE002);
        assertThat(f.checksum()).isEqualTo(0xFD33);
        assertThat(f.toString()).isEqualTo("~20024642E00202FD33");
    }

    @Test
    void decodesWorkedExample2() {
        Rs485Frame f = Rs485FrameCodec.decode(wire("~20024600B01402D002B79800FAFF06C0F92D"));
        assertThat(f.version()).isEqualTo(0x20);
        assertThat(f.address()).isEqualTo(2);
        assertThat(f.cid1()).isEqualTo(0x46);
        assertThat(f.cid2OrRtn()).isZero();
        assertThat(f.infoHex()).isEqualTo("02D002B79800FAFF06C0");
        assertThat(f.u16(1)).isEqualTo(53250);
        assertThat(f.s16(7)).isEqualTo(-250);
        assertThat(f.u24(0)).isEqualTo(0x02D002);
    }

    @Test
    void decodesWorkedExample3EmptyInfo() {
        Rs485Frame f = Rs485FrameCodec.decode(wire("~200246000000FDB2"));
        assertThat(f.infoLength()).isZero();
        assertThat(f.lengthField()).isZero();
        assertThat(f.encode()).isEqualTo(wire("~200246000000FDB2"));
    }

    @Test
    void encodesUpperCase() {
        Rs485Frame f = Rs485Frame.of(0x20, 0x0A, 0x46, 0x93, (byte) 0x0A);
        assertThat(new String(f.encode(), StandardCharsets.US_ASCII)).isEqualTo("~200A4693E0020AFD0F\r");
    }

    @Test
    void acceptsLowerCaseWithTheChecksumOfTheCharactersAsSent() {
        String lower = "~200a4693e0020a";
        String text = lower + String.format("%04X", FrameChecksum.of(lower.substring(1)));
        Rs485Frame f = Rs485FrameCodec.parse(text);
        assertThat(f).isEqualTo(Rs485Frame.of(0x20, 0x0A, 0x46, 0x93, (byte) 0x0A));
        assertThat(f.toString()).isEqualTo("~200A4693E0020AFD0F");
        // lower-case CHKSUM digits too
        assertThat(Rs485FrameCodec.parse("~200246000000fdb2").infoLength()).isZero();
    }

    @Test
    void parseTakesTheCrOptionallyDecodeRequiresIt() {
        assertThat(Rs485FrameCodec.parse("~20024642E00202FD33\r")).isEqualTo(Rs485FrameCodec.parse("~20024642E00202FD33"));
        assertThatThrownBy(() -> Rs485FrameCodec.decode("~20024642E00202FD33".getBytes(StandardCharsets.US_ASCII)))
                .asInstanceOf(type(MissingEoiException.class))
                .satisfies(e -> assertThat(e.position()).isEqualTo(18))
                .satisfies(e -> assertThat(e.actual()).isEqualTo('3'));
        assertThat(Rs485FrameCodec.parse("xx~20024642E00202FD33yy", 2, 21).address()).isEqualTo(2);
    }

    @Test
    void parseAsciiReadsTheBytesOfALineAsParseReadsItsText() {
        byte[] line = "-> ~20024642E00202FD33\r # a comment".getBytes(StandardCharsets.US_ASCII);
        assertThat(Rs485FrameCodec.parseAscii(line, 3, 19)).isEqualTo(Rs485FrameCodec.parse("~20024642E00202FD33"));
        assertThat(Rs485FrameCodec.parseAscii(line, 3, 20)).isEqualTo(Rs485FrameCodec.parse("~20024642E00202FD33"));
        byte[] lower = "~200246000000fdb2".getBytes(StandardCharsets.US_ASCII);
        assertThat(Rs485FrameCodec.parseAscii(lower, 0, lower.length).infoLength()).isZero();
        assertThatThrownBy(() -> Rs485FrameCodec.parseAscii(line, 30, 19))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void parseAsciiFailsAsParseFailsWithTheOffsetOfTheFrameNotOfTheLine() {
        for (String bad : new String[] {"~20024642E00202FD3", "~20024642E00202FD3G", "~20024642e00202FD34", "20024642",
                "~", "~2002464", "~20024642E00202FD33\r\r", "~20024642E00202FD33\n", "~2002\u00ff642E00202FD33"}) {
            byte[] line = ("  " + bad + "  ").getBytes(StandardCharsets.ISO_8859_1);
            Throwable byText = catchThrowable(() -> Rs485FrameCodec.parse(bad));
            Throwable byBytes = catchThrowable(() -> Rs485FrameCodec.parseAscii(line, 2, bad.length()));
            assertThat(byText).as(bad).isInstanceOf(Rs485Exception.class);
            assertThat(byBytes).as(bad).isInstanceOf(byText.getClass()).hasMessage(byText.getMessage());
        }
    }

    @Test
    void missingSoi() {
        assertThatThrownBy(() -> Rs485FrameCodec.decode(wire("20024642E00202FD33")))
                .asInstanceOf(type(MissingSoiException.class)).satisfies(e -> assertThat(e.actual()).isEqualTo('2'));
        assertThatThrownBy(() -> Rs485FrameCodec.decode(new byte[0]))
                .asInstanceOf(type(MissingSoiException.class)).satisfies(e -> assertThat(e.actual()).isEqualTo(-1));
        assertThatThrownBy(() -> Rs485FrameCodec.parse("\u20ac2002")).asInstanceOf(type(MissingSoiException.class))
                .satisfies(e -> assertThat(e.actual()).isEqualTo(0x20AC));
    }

    @Test
    void nonHexCharacterWithPositionAndCharacter() {
        assertThatThrownBy(() -> Rs485FrameCodec.decode(wire("~2002464GE00202FD33")))
                .asInstanceOf(type(NonHexCharacterException.class))
                .satisfies(e -> assertThat(e.position()).isEqualTo(8))
                .satisfies(e -> assertThat(e.character()).isEqualTo('G'))
                .satisfies(e -> assertThat(e.getMessage()).contains("'G'").contains("position 8"));
        assertThatThrownBy(() -> Rs485FrameCodec.parse("~20024642E0\u20ac202FD33"))
                .asInstanceOf(type(NonHexCharacterException.class))
                .satisfies(e -> assertThat(e.character()).isEqualTo('\u20ac'));
        assertThatThrownBy(() -> Rs485FrameCodec.decode(wire("~200246~2E00202FD33")))
                .isInstanceOf(NonHexCharacterException.class);
    }

    @Test
    void frameTooShort() {
        assertThatThrownBy(() -> Rs485FrameCodec.decode(wire("~200246000000FDB")))
                .asInstanceOf(type(FrameTooShortException.class)).satisfies(e -> assertThat(e.length()).isEqualTo(17));
        assertThatThrownBy(() -> Rs485FrameCodec.decode(wire("~"))).isInstanceOf(FrameTooShortException.class);
    }

    @Test
    void lengthChecksum() {
        // E002 -> F002: LENID 002 needs LCHKSUM E
        assertThatThrownBy(() -> Rs485FrameCodec.parse("~20024642F00202FD32"))
                .asInstanceOf(type(LengthChecksumException.class))
                .satisfies(e -> assertThat(e.lengthField()).isEqualTo(0xF002))
                .satisfies(e -> assertThat(e.expected()).isEqualTo(0xE))
                .satisfies(e -> assertThat(e.actual()).isEqualTo(0xF));
    }

    @Test
    void lengthChecksumOfTheMultipleOf16CaseWrittenWithSixteenTruncated() {
        // an implementation with the unmasked 16 - sum % 16 bug emits "1088"-like fields: LCHKSUM 1 is rejected
        String body = "20024642" + "1088" + "00".repeat(0x44);
        assertThatThrownBy(() -> Rs485FrameCodec.parse("~" + body + String.format("%04X", FrameChecksum.of(body))))
                .asInstanceOf(type(LengthChecksumException.class))
                .satisfies(e -> assertThat(e.expected()).isZero());
    }

    @Test
    void lenidDisagreesWithInfo() {
        // LENID 004 announces two INFO bytes, the frame has one
        String body = "20024642" + LengthField.toHex(4) + "02";
        assertThatThrownBy(() -> Rs485FrameCodec.parse("~" + body + String.format("%04X", FrameChecksum.of(body))))
                .asInstanceOf(type(LengthMismatchException.class))
                .satisfies(e -> assertThat(e.lenid()).isEqualTo(4))
                .satisfies(e -> assertThat(e.infoCharacters()).isEqualTo(2));
    }

    @Test
    void oddLenid() {
        String body = "20024642" + LengthField.toHex(3) + "021";
        assertThatThrownBy(() -> Rs485FrameCodec.parse("~" + body + String.format("%04X", FrameChecksum.of(body))))
                .asInstanceOf(type(LengthMismatchException.class))
                .satisfies(e -> assertThat(e.lenid()).isEqualTo(3))
                .satisfies(e -> assertThat(e.infoCharacters()).isEqualTo(3))
                .satisfies(e -> assertThat(e.getMessage()).contains("odd"));
    }

    @Test
    void checksumMismatchNamesExpectedAndActual() {
        assertThatThrownBy(() -> Rs485FrameCodec.parse("~200E46510000FD8F"))
                .asInstanceOf(type(ChecksumMismatchException.class))
                .satisfies(e -> assertThat(e.expected()).isEqualTo(0xFD99))
                .satisfies(e -> assertThat(e.actual()).isEqualTo(0xFD8F))
                .satisfies(e -> assertThat(e.getMessage()).contains("FD99").contains("FD8F"));
    }

    @Test
    void framesCopyTheirInfo() {
        byte[] info = {1, 2, 3};
        Rs485Frame f = new Rs485Frame(0x20, 2, 0x46, 0, info);
        info[0] = 9;
        assertThat(f.u8(0)).isEqualTo(1);
        f.info()[1] = 9;
        assertThat(f.u8(1)).isEqualTo(2);
        assertThat(f).isEqualTo(Rs485Frame.of(0x20, 2, 0x46, 0, (byte) 1, (byte) 2, (byte) 3))
                .hasSameHashCodeAs(Rs485Frame.of(0x20, 2, 0x46, 0, (byte) 1, (byte) 2, (byte) 3));
    }

    @Test
    void frameFieldsAreChecked() {
        assertThatThrownBy(() -> new Rs485Frame(0x100, 2, 0x46, 0, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rs485Frame(0x20, -1, 0x46, 0, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rs485Frame(0x20, 2, 0x46, 0, new byte[Rs485Frame.MAX_INFO_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        Rs485Frame largest = new Rs485Frame(0x20, 2, 0x46, 0, new byte[Rs485Frame.MAX_INFO_BYTES]);
        assertThat(largest.encodedLength()).isEqualTo(Rs485FrameCodec.MAX_FRAME_LENGTH - 1);
        assertThat(Rs485FrameCodec.decode(largest.encode())).isEqualTo(largest);
        assertThatThrownBy(() -> largest.u8(Rs485Frame.MAX_INFO_BYTES)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void encodeToWritesWithoutAllocatingAndChecksRoom() {
        Rs485Frame f = Rs485Frame.of(0x20, 2, 0x46, 0x42, (byte) 2);
        byte[] target = new byte[25];
        assertThat(f.encodeTo(target, 3)).isEqualTo(20);
        assertThat(new String(target, 3, 20, StandardCharsets.US_ASCII)).isEqualTo("~20024642E00202FD33\r");
        assertThatThrownBy(() -> f.encodeTo(target, 6)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}

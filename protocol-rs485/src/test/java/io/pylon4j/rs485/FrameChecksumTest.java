package io.pylon4j.rs485;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameChecksumTest {

    @Test
    void workedExample1() {
        // 32+30+30+32+34+36+34+32+45+30+30+32+30+32 = 0x02CD, ~0x02CD + 1 = 0xFD33
        assertThat(FrameChecksum.of("20024642E00202")).isEqualTo(0xFD33);
    }

    @Test
    void workedExample2() {
        assertThat(FrameChecksum.of("20024600B01402D002B79800FAFF06C0")).isEqualTo(0xF92D);
    }

    @Test
    void theDocumentsOwnExampleIsOffByOne() {
        // [R485-33] 2.3.3 claims sum 038E and CHKSUM FC72; the characters sum to 038F, CHKSUM FC71
        assertThat(FrameChecksum.of("1203400456ABCEFE")).isEqualTo(0xFC71).isNotEqualTo(0xFC72);
    }

    @Test
    void emptyInfoReply() {
        assertThat(FrameChecksum.of("200246000000")).isEqualTo(0xFDB2); // worked example 3
    }

    @Test
    void byteRangeAgreesWithText() {
        byte[] ascii = "~20024642E00202FD33\r".getBytes(StandardCharsets.US_ASCII);
        assertThat(FrameChecksum.of(ascii, 1, 15)).isEqualTo(0xFD33);
    }

    @Test
    void isTheSumOfTheCharactersAsSentSoCaseMatters() {
        assertThat(FrameChecksum.of("20024692e00202")).isNotEqualTo(FrameChecksum.of("20024692E00202"))
                .isEqualTo(FrameChecksum.of("20024692E00202") - ('e' - 'E') & 0xFFFF);
    }
}

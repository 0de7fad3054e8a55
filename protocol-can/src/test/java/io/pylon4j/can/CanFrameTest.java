package io.pylon4j.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanFrameTest {

    @Test
    void holdsTheBytesLittleEndianInALong() {
        CanFrame frame = CanFrame.ofHex(0x351, "14 02 C0 12 C0 12 C2 01");
        assertThat(frame.id()).isEqualTo(0x351);
        assertThat(frame.length()).isEqualTo(8);
        assertThat(frame.payload()).isEqualTo(0x01C2_12C0_12C0_0214L);
        assertThat(frame.u8(0)).isEqualTo(0x14);
        assertThat(frame.u16(0)).isEqualTo(532);
        assertThat(frame.s16(2)).isEqualTo(4800);
        assertThat(frame.u32(4)).isEqualTo(0x01C2_12C0L);
        assertThat(frame.data()).containsExactly(0x14, 0x02, 0xC0, 0x12, 0xC0, 0x12, 0xC2, 0x01);
        assertThat(frame.dataHex()).isEqualTo("1402C012C012C201");
        assertThat(frame).hasToString("351#1402C012C012C201");
    }

    @Test
    void signedAccessorSignExtendsAndUnsignedDoesNot() {
        CanFrame frame = CanFrame.ofHex(0x356, "7A13F2FE6B01");
        assertThat(frame.s16(2)).isEqualTo(-270);
        assertThat(frame.u16(2)).isEqualTo(0xFEF2);
    }

    @Test
    void framesWithTheSameBytesAreEqual() {
        assertThat(CanFrame.of(0x35C, (byte) 0xC0, (byte) 0)).isEqualTo(CanFrame.ofHex(0x35C, "C000"))
                .isNotEqualTo(CanFrame.ofHex(0x35C, "C0"));
    }

    @Test
    void rejectsAnIdBeyondElevenBits() {
        assertThatThrownBy(() -> new CanFrame(0x800, 0, 0)).isInstanceOf(InvalidCanFrameException.class)
                .hasMessageContaining("0x800").hasMessageContaining("11-bit");
        assertThatThrownBy(() -> new CanFrame(-1, 0, 0)).isInstanceOf(InvalidCanFrameException.class);
    }

    @Test
    void rejectsALengthBeyondEight() {
        assertThatThrownBy(() -> new CanFrame(0x351, 9, 0)).isInstanceOf(InvalidCanFrameException.class)
                .hasMessage("CAN frame 0x351 has 9 data bytes; a classic CAN frame has 0 to 8");
        assertThatThrownBy(() -> new CanFrame(0x351, -1, 0)).isInstanceOf(InvalidCanFrameException.class);
        assertThatThrownBy(() -> CanFrame.of(0x351, new byte[9])).isInstanceOf(InvalidCanFrameException.class)
                .hasMessageContaining("9 data bytes");
    }

    @Test
    void rejectsPayloadBitsBeyondTheLength() {
        assertThatThrownBy(() -> new CanFrame(0x35C, 2, 0x01_00C0L)).isInstanceOf(InvalidCanFrameException.class)
                .hasMessageContaining("beyond its 2 data bytes");
        assertThatThrownBy(() -> new CanFrame(0x00F, 0, 1)).isInstanceOf(InvalidCanFrameException.class);
    }

    @Test
    void ofHexRejectsOddDigitsAndNonHex() {
        assertThatThrownBy(() -> CanFrame.ofHex(0x351, "140")).isInstanceOf(InvalidCanFrameException.class)
                .hasMessageContaining("odd number of digits");
        assertThatThrownBy(() -> CanFrame.ofHex(0x351, "1G")).isInstanceOf(InvalidCanFrameException.class)
                .hasMessageContaining("not a hex digit");
    }

    @Test
    void accessorsRejectBytesBeyondTheLength() {
        CanFrame frame = CanFrame.ofHex(0x355, "5800");
        assertThatThrownBy(() -> frame.u16(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> frame.u8(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}

package io.pylon4j.rs485;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LengthFieldTest {

    @Test
    void documentExampleLenid18GivesD012() {
        assertThat(LengthField.checksumOf(0x012)).isEqualTo(0xD);
        assertThat(LengthField.of(0x012)).isEqualTo(0xD012);
        assertThat(LengthField.toHex(0x012)).isEqualTo("D012");
    }

    @Test
    void nibbleSumMultipleOf16GivesLchksumZeroAndFourDigits() {
        assertThat(LengthField.checksumOf(0x088)).isZero();
        assertThat(LengthField.toHex(0x088)).isEqualTo("0088");
        assertThat(LengthField.toHex(0x0F1)).isEqualTo("00F1"); // F+1 = 16
        assertThat(LengthField.toHex(0xFF2)).isEqualTo("0FF2"); // F+F+2 = 32
        // the unmasked "16 - sum % 16" of several implementations would give 16 here, a five-digit LENGTH
        assertThat(LengthField.of(0x088)).isLessThan(0x1000);
    }

    @Test
    void emptyInfoGives0000() {
        assertThat(LengthField.toHex(0)).isEqualTo("0000");
    }

    @Test
    void workedExamplesOfTheFactsFile() {
        assertThat(LengthField.toHex(0x002)).isEqualTo("E002"); // worked example 1
        assertThat(LengthField.toHex(0x014)).isEqualTo("B014"); // worked example 2
        assertThat(LengthField.toHex(0x06E)).isEqualTo("C06E"); // US2000 0x42 reply (Tomcat42)
        assertThat(LengthField.toHex(0x07A)).isEqualTo("F07A"); // V3.3 chapter-4 reply
        assertThat(LengthField.toHex(0xFFF)).isEqualTo("3FFF"); // F+F+F = 45, 45 % 16 = 13, -13 & F = 3
        assertThat(LengthField.toHex(0x101)).isEqualTo("E101"); // summing the bytes (01 + 01) would give E as well
        assertThat(LengthField.toHex(0x012)).isNotEqualTo("E012"); // ...but summing bytes 00 + 12 gives E, not D
    }

    @Test
    void everyLenidChecksumsToZeroWithItsNibbles() {
        for (int lenid = 0; lenid <= LengthField.MAX_LENID; lenid++) {
            int field = LengthField.of(lenid);
            int sum = (field >> 12) + (lenid >> 8) + (lenid >> 4 & 0xF) + (lenid & 0xF);
            assertThat(sum % 16).as("LENID %03X", lenid).isZero();
            assertThat(field).isBetween(0, 0xFFFF);
            assertThat(LengthField.isValid(field)).isTrue();
            assertThat(LengthField.lenid(field)).isEqualTo(lenid);
            assertThat(LengthField.isValid(field ^ 0x1000)).isFalse();
        }
    }

    @Test
    void rejectsLenidOutOfRange() {
        assertThatThrownBy(() -> LengthField.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LengthField.of(0x1000)).isInstanceOf(IllegalArgumentException.class);
        assertThat(LengthField.isValid(0x10000)).isFalse();
    }
}

package io.pylon4j.transport.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import org.junit.jupiter.api.Test;

/** The socketcand and CANET codecs against their documents' examples. */
class CodecsTest {

    @Test
    void socketcandParsesFramesInBothDataForms() {
        // state_raw.c prints data as one run of hex digits; doc/protocol.md's example has spaces
        assertThat(SocketcandCodec.parse(" frame 351 1700000000.000000 1402C012C012C201 "))
                .isEqualTo(new SocketcandMessage.Frame(CanFrame.ofHex(0x351, "1402C012C012C201"),
                        1_700_000_000_000_000L));
        assertThat(SocketcandCodec.parse(" frame 123 23.424242 11 22 33 44 "))
                .isEqualTo(new SocketcandMessage.Frame(CanFrame.ofHex(0x123, "11223344"), 23_424_242L));
        assertThat(SocketcandCodec.parse(" frame 305 1.5 ")).isEqualTo(
                new SocketcandMessage.Frame(CanFrame.ofHex(0x305, ""), 1_500_000L));
    }

    @Test
    void socketcandSortsWhatItCannotDeliver() {
        assertThat(SocketcandCodec.parse(" hi ")).isInstanceOf(SocketcandMessage.Hi.class);
        assertThat(SocketcandCodec.parse(" ok ")).isInstanceOf(SocketcandMessage.Ok.class);
        assertThat(SocketcandCodec.parse(" error could not open bus "))
                .isEqualTo(new SocketcandMessage.Error("error could not open bus"));
        assertThat(SocketcandCodec.parse(" frame 1AAAAAAA 1.000000 01 ")).isInstanceOf(SocketcandMessage.Unsupported.class);
        assertThat(SocketcandCodec.parse(" rtr 123 23.424242 4 ")).isInstanceOf(SocketcandMessage.Unsupported.class);
        assertThat(SocketcandCodec.parse(" fdframe 123 00 1.000000 01 ")).isInstanceOf(SocketcandMessage.Unsupported.class);
        for (String bad : new String[] {" frame ", " frame 351 ", " frame 351 1.000000 123 ", " frame 351 1. 01 ",
                " frame XYZ 1.000000 01 ", " frame 800 1.000000 01 ", " frame 351 1.000000 0102030405060708AA ",
                " frame 351 1.0000000 01 ", " hi there ", " bogus ", "",
                // ids of any width but socketcand's %03X and %08X: a digit lost or gained is not another id
                " frame 35 1.000000 01 ", " frame 0351 1.000000 01 ", " frame 1AAAAAA 1.000000 01 "}) {
            assertThat(SocketcandCodec.parse(bad)).as("'%s'", bad).isInstanceOf(SocketcandMessage.Malformed.class);
        }
    }

    @Test
    void socketcandSendsAsItsDocumentSays() {
        assertThat(SocketcandCodec.send(CanFrame.ofHex(0x351, "1402C012C012C201")))
                .isEqualTo("< send 351 8 14 02 C0 12 C0 12 C2 01 >");
        assertThat(SocketcandCodec.send(CanFrame.ofHex(0x5, ""))).isEqualTo("< send 005 0 >");
        assertThat(SocketcandCodec.open("can0")).isEqualTo("< open can0 >");
        assertThat(SocketcandCodec.rawMode()).isEqualTo("< rawmode >");
    }

    @Test
    void canetMatchesTheUsrCanet200ManualsExamples() {
        // "Ethernet to CAN: 05 00 00 06 78 12 34 56 78 00 00 00 00": standard id 0x678, five data bytes
        byte[] standard = {0x05, 0, 0, 0x06, 0x78, 0x12, 0x34, 0x56, 0x78, 0, 0, 0, 0};
        assertThat(CanetCodec.plausible(0x05, 0x678)).isTrue();
        assertThat(CanetCodec.isStandardDataFrame(0x05)).isTrue();
        assertThat(CanetCodec.decode(standard, 0)).isEqualTo(CanFrame.ofHex(0x678, "1234567800"));
        assertThat(CanetCodec.encode(CanFrame.ofHex(0x678, "1234567800"))).isEqualTo(standard);
        // "85 12 34 56 78 ...": extended id 0x12345678, which CanFrame cannot hold
        assertThat(CanetCodec.plausible(0x85, 0x12345678L)).isTrue();
        assertThat(CanetCodec.isStandardDataFrame(0x85)).isFalse();
        assertThat(CanetCodec.isStandardDataFrame(0x45)).isFalse(); // remote
    }

    @Test
    void canetRejectsWindowsThatCannotBeFrames() {
        assertThat(CanetCodec.plausible(0x18, 0x351)).as("reserved bit 4").isFalse();
        assertThat(CanetCodec.plausible(0x28, 0x351)).as("reserved bit 5").isFalse();
        assertThat(CanetCodec.plausible(0x09, 0x351)).as("nine data bytes").isFalse();
        assertThat(CanetCodec.plausible(0x08, 0x800)).as("standard id over 11 bits").isFalse();
        assertThat(CanetCodec.plausible(0x88, 0x2000_0000L)).as("extended id over 29 bits").isFalse();
        assertThat(CanetCodec.plausible(0x08, 0x7FF)).isTrue();
    }
}

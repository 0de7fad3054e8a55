package io.pylon4j.transport.serial.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Telnet data and commands apart, whatever the reads look like. */
class TelnetDecoderTest {

    /** What a decode produced: data bytes and a readable log of the commands. */
    private static final class Recorder implements TelnetDecoder.Handler {
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        final List<String> events = new ArrayList<>();

        @Override
        public void negotiation(int command, int option) {
            events.add(Telnet.commandName(command) + " " + option);
        }

        @Override
        public void subnegotiation(int option, byte[] payload, int length) {
            events.add("SB " + option + " " + HexFormat.of().formatHex(payload, 0, length));
        }

        @Override
        public void command(int command) {
            events.add("CMD " + command);
        }
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static Recorder decode(TelnetDecoder decoder, byte[] in, int... cuts) {
        Recorder recorder = new Recorder();
        int from = 0;
        int[] ends = Arrays.copyOf(cuts, cuts.length + 1);
        ends[cuts.length] = in.length;
        for (int end : ends) {
            byte[] out = new byte[end - from];
            int n = decoder.decode(in, from, end - from, out, recorder);
            recorder.data.write(out, 0, n);
            from = end;
        }
        return recorder;
    }

    /** ser2net 4.3's opening, then its replies to SET-BAUDRATE 9600 and SET-DATASIZE 8, then data "A" 0xFF "B". */
    private static final byte[] SER2NET = bytes(
            0xFF, 0xFB, 0x03, 0xFF, 0xFD, 0x03, 0xFF, 0xFB, 0x01, 0xFF, 0xFE, 0x01, 0xFF, 0xFD, 0x00, 0xFF, 0xFB, 0x00,
            0xFF, 0xFD, 0x2C,
            0xFF, 0xFA, 0x2C, 0x65, 0x00, 0x00, 0x25, 0x80, 0xFF, 0xF0, 0xFF, 0xFA, 0x2C, 0x66, 0x08, 0xFF, 0xF0,
            'A', 0xFF, 0xFF, 'B');

    @Test
    void separatesNegotiationSubnegotiationAndData() {
        TelnetDecoder decoder = new TelnetDecoder();
        Recorder r = decode(decoder, SER2NET);
        assertThat(r.events).containsExactly("WILL 3", "DO 3", "WILL 1", "DONT 1", "DO 0", "WILL 0", "DO 44",
                "SB 44 6500002580", "SB 44 6608");
        assertThat(r.data.toByteArray()).containsExactly('A', 0xFF, 'B');
        assertThat(decoder.discarded()).isZero();
    }

    @Test
    void everyTwoWaySplitGivesTheSameResult() {
        Recorder whole = decode(new TelnetDecoder(), SER2NET);
        for (int i = 0; i <= SER2NET.length; i++) {
            for (int j = i; j <= SER2NET.length; j++) {
                Recorder split = decode(new TelnetDecoder(), SER2NET, i, j);
                assertThat(split.events).as("cut at %d, %d", i, j).isEqualTo(whole.events);
                assertThat(split.data.toByteArray()).as("cut at %d, %d", i, j).isEqualTo(whole.data.toByteArray());
            }
        }
    }

    @Test
    void anEscapedIacInsideASubnegotiationIsOneByte() {
        Recorder r = decode(new TelnetDecoder(),
                bytes(0xFF, 0xFA, 0x2C, 0x65, 0x00, 0x01, 0xC2, 0xFF, 0xFF, 0xFF, 0xF0));
        assertThat(r.events).containsExactly("SB 44 650001c2ff");
    }

    @Test
    void otherCommandsArePassedOnAndLeaveTheDataAlone() {
        Recorder r = decode(new TelnetDecoder(), bytes('x', 0xFF, 0xF1, 'y', 0xFF, 0xF6, 'z')); // NOP, AYT
        assertThat(r.events).containsExactly("CMD 241", "CMD 246");
        assertThat(r.data.toByteArray()).containsExactly('x', 'y', 'z');
    }

    @Test
    void anOverlongSubnegotiationIsDroppedAndCountedWithoutGrowing() {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(bytes(0xFF, 0xFA, 0x2C));
        in.writeBytes(new byte[1000]);
        in.writeBytes(bytes(0xFF, 0xF0, 'k'));
        TelnetDecoder decoder = new TelnetDecoder();
        Recorder r = decode(decoder, in.toByteArray());
        assertThat(r.events).isEmpty();
        assertThat(r.data.toByteArray()).containsExactly('k');
        assertThat(decoder.discarded()).isEqualTo(1004);
    }

    @Test
    void aSubnegotiationBrokenOffByACommandIsDroppedAndTheCommandKept() {
        TelnetDecoder decoder = new TelnetDecoder();
        Recorder r = decode(decoder, bytes(0xFF, 0xFA, 0x2C, 0x65, 0x00, 0xFF, 0xFD, 0x00, 'd'));
        assertThat(r.events).containsExactly("DO 0");
        assertThat(r.data.toByteArray()).containsExactly('d');
        assertThat(decoder.discarded()).isEqualTo(5);
    }

    @Test
    void crNulIsPaddingOnlyWhenThePeerIsNotBinary() {
        byte[] in = bytes('a', '\r', 0, 'b', '\r', '\n', 0);
        TelnetDecoder binary = new TelnetDecoder();
        assertThat(decode(binary, in).data.toByteArray()).containsExactly(in);
        TelnetDecoder nvt = new TelnetDecoder();
        nvt.stripNulAfterCr(true);
        assertThat(decode(nvt, in, 2).data.toByteArray()).containsExactly('a', '\r', 'b', '\r', '\n', 0);
    }
}

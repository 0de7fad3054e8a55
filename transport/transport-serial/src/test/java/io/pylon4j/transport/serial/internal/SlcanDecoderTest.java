package io.pylon4j.transport.serial.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SLCAN line decoder: each kind of line, garbage, and every way a stream can be cut into reads. */
class SlcanDecoderTest {

    private static List<SlcanMessage> decode(String stream) {
        byte[] bytes = stream.getBytes(StandardCharsets.ISO_8859_1);
        List<SlcanMessage> out = new ArrayList<>();
        new SlcanDecoder().decode(bytes, 0, bytes.length, out::add);
        return out;
    }

    @Test
    void standardDataFrames() {
        assertThat(decode("t35181402C012C012C201\r")).containsExactly(new SlcanMessage.DataFrame(
                CanFrame.ofHex(0x351, "1402C012C012C201"), -1, 22));
        assertThat(decode("t3050\r")).containsExactly(new SlcanMessage.DataFrame(new CanFrame(0x305, 0, 0), -1, 6));
        assertThat(decode("t7FF2abcd\r")).containsExactly(new SlcanMessage.DataFrame(CanFrame.ofHex(0x7FF, "ABCD"),
                -1, 10));
    }

    @Test
    void framesWithTheAdaptersTimestamp() {
        assertThat(decode("t3562C0121234\r")).containsExactly(new SlcanMessage.DataFrame(CanFrame.ofHex(0x356, "C012"),
                0x1234, 14));
        assertThat(decode("t3050EA5F\r")).containsExactly(new SlcanMessage.DataFrame(new CanFrame(0x305, 0, 0),
                0xEA5F, 10));
    }

    @Test
    void extendedAndRemoteFramesAreRecognisedButUnsupported() {
        assertThat(decode("T12ABCDEF2AA55\r")).containsExactly(new SlcanMessage.UnsupportedFrame('T', 0x12ABCDEF, 15));
        assertThat(decode("r1230\r")).containsExactly(new SlcanMessage.UnsupportedFrame('r', 0x123, 6));
        assertThat(decode("r1238\r")).containsExactly(new SlcanMessage.UnsupportedFrame('r', 0x123, 6)); // no data
        assertThat(decode("R12345678001F4\r")).containsExactly(new SlcanMessage.UnsupportedFrame('R', 0x12345678, 15));
    }

    @Test
    void repliesAcknowledgementsAndErrors() {
        assertThat(decode("\rz\rZ\r\u0007V1013\rNA123\r")).containsExactly(
                new SlcanMessage.Ack('\r', 1),
                new SlcanMessage.Ack('z', 2),
                new SlcanMessage.Ack('Z', 2),
                new SlcanMessage.ErrorReply(1),
                new SlcanMessage.Text("V1013", 6),
                new SlcanMessage.Text("NA123", 6));
        assertThat(decode("zz\r")).containsExactly(new SlcanMessage.Text("zz", 3));
    }

    @Test
    void namedGarbageIsMalformedWithEveryByteCounted() {
        assertThat(decode("t351812\r")).singleElement().isInstanceOf(SlcanMessage.Malformed.class)
                .extracting(SlcanMessage::wireLength).isEqualTo(8); // length digit says 8, two bytes follow
        assertThat(decode("t35G0\r")).singleElement().isInstanceOf(SlcanMessage.Malformed.class); // bad id digit
        assertThat(decode("t8000\r")).singleElement().isInstanceOf(SlcanMessage.Malformed.class); // id above 0x7FF
        assertThat(decode("t1009\r")).singleElement().isInstanceOf(SlcanMessage.Malformed.class); // length 9
        assertThat(decode("t1001X0\r")).singleElement().isInstanceOf(SlcanMessage.Malformed.class); // bad data digit
        assertThat(decode("t1001001X34\r")).singleElement().isInstanceOf(SlcanMessage.Malformed.class); // bad timestamp
        assertThat(decode("t10\r")).singleElement().isInstanceOf(SlcanMessage.Malformed.class); // too short
        assertThat(decode("V\u00e91\r")).singleElement().isInstanceOf(SlcanMessage.Malformed.class); // not ASCII
        assertThat(decode("ab\u0007")).containsExactly(new SlcanMessage.Malformed("text cut short by BEL", 2),
                new SlcanMessage.ErrorReply(1));
    }

    @Test
    void anOverlongLineIsDiscardedWithoutGrowingAndTheNextLineSurvives() {
        String garbage = "x".repeat(1000);
        SlcanDecoder decoder = new SlcanDecoder();
        List<SlcanMessage> out = new ArrayList<>();
        byte[] bytes = (garbage + "\rt3050\r").getBytes(StandardCharsets.US_ASCII);
        decoder.decode(bytes, 0, 1000, out::add);
        assertThat(decoder.pending()).isEqualTo(1000);
        decoder.decode(bytes, 1000, bytes.length - 1000, out::add);
        assertThat(out).containsExactly(new SlcanMessage.Malformed("line longer than 80 bytes", 1001),
                new SlcanMessage.DataFrame(new CanFrame(0x305, 0, 0), -1, 6));
    }

    @Test
    void theLongestValidLineFits() {
        assertThat(decode("T1FFFFFFF81122334455667788EA5F\r")).containsExactly(
                new SlcanMessage.UnsupportedFrame('T', 0x1FFFFFFF, 31));
    }

    /** Every split of a mixed stream into two and three reads gives the same messages as one read. */
    @Test
    void everyChunkingGivesTheSameMessages() {
        String stream = "\u0007z\rt35181402C012C012C201\rjunk\rt3562C0121234\rT12ABCDEF2AA55\rt35G0\r\rV1013\r"
                + "x".repeat(90) + "\rt3050\r";
        byte[] bytes = stream.getBytes(StandardCharsets.US_ASCII);
        List<SlcanMessage> whole = decode(stream);
        assertThat(whole.stream().mapToInt(SlcanMessage::wireLength).sum())
                .as("every byte belongs to exactly one message").isEqualTo(bytes.length);
        for (int i = 0; i <= bytes.length; i++) {
            for (int j = i; j <= bytes.length; j++) {
                SlcanDecoder decoder = new SlcanDecoder();
                List<SlcanMessage> out = new ArrayList<>();
                decoder.decode(bytes, 0, i, out::add);
                decoder.decode(bytes, i, j - i, out::add);
                decoder.decode(bytes, j, bytes.length - j, out::add);
                assertThat(out).as("split at %d and %d", i, j).isEqualTo(whole);
            }
        }
    }

    @Test
    void encodedFramesDecodeToThemselves() {
        SlcanDecoder decoder = new SlcanDecoder();
        for (int id : new int[] {0x000, 0x305, 0x351, 0x7FF}) {
            for (int length = 0; length <= 8; length++) {
                byte[] data = new byte[length];
                for (int i = 0; i < length; i++) {
                    data[i] = (byte) (0xF0 + 3 * i + id);
                }
                CanFrame frame = CanFrame.of(id, data);
                byte[] line = SlcanEncoder.frame(frame);
                List<SlcanMessage> out = new ArrayList<>();
                decoder.decode(line, 0, line.length, out::add);
                assertThat(out).containsExactly(new SlcanMessage.DataFrame(frame, -1, line.length));
            }
        }
        assertThat(new String(SlcanEncoder.frame(CanFrame.ofHex(0x305, "00ff")), StandardCharsets.US_ASCII))
                .isEqualTo("t305200FF\r");
        assertThat(SlcanEncoder.command("S6")).containsExactly('S', '6', '\r');
    }
}

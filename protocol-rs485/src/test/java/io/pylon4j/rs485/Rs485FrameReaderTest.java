package io.pylon4j.rs485;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Rs485FrameReaderTest {

    private static final String REQUEST = "~20024642E00202FD33\r";
    private static final String REPLY = "~20024600B01402D002B79800FAFF06C0F92D\r";

    private final Rs485FrameReader reader = new Rs485FrameReader();
    private final List<ReadResult> results = new ArrayList<>();

    private void push(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        reader.push(bytes, 0, bytes.length, results::add);
    }

    private static Rs485Frame frame(String text) {
        return Rs485FrameCodec.parse(text);
    }

    @Test
    void oneFrame() {
        push(REQUEST);
        assertThat(results).containsExactly(new ReadResult.Frame(frame(REQUEST)));
        assertThat(reader.counters()).isEqualTo(new Rs485FrameReader.Counters(20, 20, 0, 1, 0));
        assertThat(reader.pendingBytes()).isZero();
    }

    @Test
    void resyncsPastLeadingNoise() {
        push("\u0000\u00ff\n\r garbage" + REPLY);
        assertThat(results).containsExactly(new ReadResult.Frame(frame(REPLY)));
        assertThat(reader.counters().bytesDiscarded()).isEqualTo(12);
        assertThat(reader.counters().badFrames()).isZero();
    }

    @Test
    void aTildeInsideABrokenFrameStartsTheNextFrameAndKeepsItsBytes() {
        push("~200246" + REPLY);
        assertThat(results).hasSize(2);
        ReadResult.Failure failure = (ReadResult.Failure) results.get(0);
        assertThat(failure.error()).isInstanceOf(MissingEoiException.class);
        assertThat(((MissingEoiException) failure.error()).position()).isEqualTo(7);
        assertThat(failure.discardedBytes()).isEqualTo(7);
        assertThat(results.get(1)).isEqualTo(new ReadResult.Frame(frame(REPLY)));
        assertThat(reader.counters()).isEqualTo(new Rs485FrameReader.Counters(7 + 38, 38, 7, 1, 1));
    }

    @Test
    void aNonHexByteEndsTheFrameAtOnceAndTheRestIsNoise() {
        push("~2002G46000000FDB2\r" + REQUEST);
        assertThat(results).hasSize(2);
        ReadResult.Failure failure = (ReadResult.Failure) results.get(0);
        assertThat(failure.error()).isInstanceOfSatisfying(NonHexCharacterException.class, e -> {
            assertThat(e.position()).isEqualTo(5);
            assertThat(e.character()).isEqualTo('G');
        });
        assertThat(failure.discardedBytes()).isEqualTo(6);
        assertThat(results.get(1)).isEqualTo(new ReadResult.Frame(frame(REQUEST)));
        assertThat(reader.counters().bytesDiscarded()).isEqualTo(19);
        assertThat(reader.counters().badFrames()).isEqualTo(1);
    }

    @Test
    void aBadChecksumIsAFailureAndTheNextFrameStillComes() {
        push("~200E46510000FD8F\r" + REQUEST);
        assertThat(results.get(0)).isInstanceOfSatisfying(ReadResult.Failure.class, f -> {
            assertThat(f.error()).isInstanceOf(ChecksumMismatchException.class);
            assertThat(f.discardedBytes()).isEqualTo(18);
        });
        assertThat(results.get(1)).isEqualTo(new ReadResult.Frame(frame(REQUEST)));
    }

    @Test
    void aBadLengthChecksumIsAFailure() {
        push("~20024642F00202FD32\r");
        assertThat(results).singleElement().isInstanceOfSatisfying(ReadResult.Failure.class,
                f -> assertThat(f.error()).isInstanceOf(LengthChecksumException.class));
    }

    @Test
    void garbageNeverGrowsTheBufferBeyondTheLargestFrame() {
        byte[] hex = new byte[100_000];
        Arrays.fill(hex, (byte) '0');
        hex[0] = '~';
        reader.push(hex, 0, hex.length, results::add);
        assertThat(results).singleElement().isInstanceOfSatisfying(ReadResult.Failure.class, f -> {
            assertThat(f.error()).isInstanceOfSatisfying(MissingEoiException.class,
                    e -> assertThat(e.position()).isEqualTo(Rs485FrameCodec.MAX_FRAME_LENGTH - 1));
            assertThat(f.discardedBytes()).isEqualTo(Rs485FrameCodec.MAX_FRAME_LENGTH);
        });
        assertThat(reader.pendingBytes()).isZero();
        assertThat(reader.counters().bytesDiscarded()).isEqualTo(100_000);
        push(REQUEST);
        assertThat(results).last().isEqualTo(new ReadResult.Frame(frame(REQUEST)));
    }

    @Test
    void theLargestFrameFits() {
        Rs485Frame largest = new Rs485Frame(0x20, 2, 0x46, 0, new byte[Rs485Frame.MAX_INFO_BYTES]);
        byte[] bytes = largest.encode();
        reader.push(bytes, results::add);
        assertThat(results).containsExactly(new ReadResult.Frame(largest));
    }

    @Test
    void anOddLenidOf4095IsReportedAsSuchNotAsTooLong() {
        String body = "20024600" + LengthField.toHex(0xFFF) + "0".repeat(0xFFF);
        push("~" + body + String.format("%04X", FrameChecksum.of(body)) + "\r");
        assertThat(results).singleElement().isInstanceOfSatisfying(ReadResult.Failure.class,
                f -> assertThat(f.error()).isInstanceOf(LengthMismatchException.class));
    }

    @Test
    void oneByteAtATimeGivesTheSameResults() {
        String stream = "xx" + REQUEST + "~20" + REPLY + "~2002G" + REQUEST + "~";
        push(stream);
        List<ReadResult> whole = new ArrayList<>(results);
        Rs485FrameReader.Counters counters = reader.counters();
        Rs485FrameReader single = new Rs485FrameReader();
        List<ReadResult> bytewise = new ArrayList<>();
        for (byte b : stream.getBytes(StandardCharsets.ISO_8859_1)) {
            single.push(new byte[] {b}, 0, 1, bytewise::add);
        }
        assertThat(describe(bytewise)).isEqualTo(describe(whole));
        assertThat(single.counters()).isEqualTo(counters);
        assertThat(whole).hasSize(5);
        assertThat(reader.pendingBytes()).isEqualTo(1);
    }

    @Test
    void endOfInputReportsAndDropsAPartialFrame() {
        push(REQUEST + "~2002");
        reader.endOfInput(results::add);
        assertThat(results).hasSize(2);
        assertThat(results.get(1)).isInstanceOfSatisfying(ReadResult.Failure.class, f -> {
            assertThat(f.discardedBytes()).isEqualTo(5);
            assertThat(f.error()).isInstanceOfSatisfying(MissingEoiException.class,
                    e -> assertThat(e.actual()).isEqualTo(-1));
        });
        Rs485FrameReader.Counters c = reader.counters();
        assertThat(c.bytesReceived()).isEqualTo(c.bytesInFrames() + c.bytesDiscarded());
        reader.endOfInput(results::add);
        assertThat(results).hasSize(2);
    }

    @Test
    void aThrowingSinkLeavesTheReaderConsistent() {
        byte[] bytes = (REQUEST + REQUEST).getBytes(StandardCharsets.US_ASCII);
        RuntimeException boom = new RuntimeException("sink failed");
        assertThatThrownBy(() -> reader.push(bytes, 0, bytes.length, r -> {
            throw boom;
        })).isSameAs(boom);
        assertThat(reader.counters()).isEqualTo(new Rs485FrameReader.Counters(20, 20, 0, 1, 0));
        reader.push(bytes, 20, 20, results::add);
        assertThat(results).containsExactly(new ReadResult.Frame(frame(REQUEST)));
    }

    @Test
    void chunksAtEveryOffset() {
        byte[] bytes = ("noise" + REQUEST + REPLY + "~bad\r" + REQUEST).getBytes(StandardCharsets.US_ASCII);
        push(new String(bytes, StandardCharsets.US_ASCII));
        List<String> expected = describe(results);
        for (int cut = 0; cut <= bytes.length; cut++) {
            Rs485FrameReader r = new Rs485FrameReader();
            List<ReadResult> out = new ArrayList<>();
            r.push(bytes, 0, cut, out::add);
            r.push(bytes, cut, bytes.length - cut, out::add);
            assertThat(describe(out)).as("cut at %d", cut).isEqualTo(expected);
        }
    }

    @Test
    void readsTheTomcat42CaptureAsABusStream() {
        ByteArrayOutputStream bus = new ByteArrayOutputStream();
        String[] frames = {"~2002464FC0048520FCB2", "~200246000000FDB2", "~20024692C0040201FCCD",
                "~20024600B01402D002B79800FAFF06C0F92D", "~20024696C0040201FCC9", "~20024600400C020203000605FB49"};
        for (String f : frames) {
            bus.writeBytes(new byte[] {(byte) 0xFF, 0x00}); // line noise before each frame
            bus.writeBytes((f + "\r").getBytes(StandardCharsets.US_ASCII));
        }
        reader.push(bus.toByteArray(), results::add);
        assertThat(results).extracting(r -> ((ReadResult.Frame) r).frame().toString()).containsExactly(frames);
        assertThat(reader.counters().bytesDiscarded()).isEqualTo(12);
    }

    static List<String> describe(List<ReadResult> results) {
        List<String> out = new ArrayList<>();
        for (ReadResult r : results) {
            if (r instanceof ReadResult.Frame f) {
                out.add("frame " + f.frame());
            } else if (r instanceof ReadResult.Failure f) {
                out.add("failure " + f.error().getMessage() + " discarding " + f.discardedBytes());
            }
        }
        return out;
    }
}

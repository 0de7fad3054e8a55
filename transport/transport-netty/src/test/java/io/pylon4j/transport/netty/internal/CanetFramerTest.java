package io.pylon4j.transport.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link CanetFramer}: named cases, each on real traffic ({@code real-can-traffic.txt}). */
class CanetFramerTest {

    private static final int L = CanetCodec.FRAME_LENGTH;
    private static final List<CanFrame> US5000 = RealCanTraffic.cycle("us5000-v12");

    /**
     * The case: seven bytes of a 0x351 record are lost, six bytes after its start, and the stream goes on
     * normally. The window there reads as 0x351 with CVL 104.4 V and DCL 2176.3 A (bytes of the next record's id);
     * the old decoder delivered it.
     */
    @Test
    void aRecordCutMidwayThenNormalTrafficEmitsNoFrameThatWasNotSent() {
        byte[] sent = RealCanTraffic.canet(RealCanTraffic.repeat(US5000, 3));
        byte[] damaged = cut(sent, 6, 7);
        RecordingSink sink = new RecordingSink();
        CanetFramer framer = new CanetFramer();

        framer.decode(damaged, 0, damaged.length, sink);
        framer.quiet(sink);

        CanFrame fake = CanFrame.ofHex(0x351, "1404000003555800");
        assertThat(fake.u16(0)).isEqualTo(1044); // CVL 104.4 V
        assertThat(fake.s16(4)).isEqualTo(21763); // DCL 2176.3 A
        assertThat(sink.frames).doesNotContain(fake).isSubsetOf(US5000);
        assertThat(sink.syncLosses).isEqualTo(1);
        // lost: the damaged record and the first record of the new alignment (it might straddle the damage)
        List<CanFrame> frames = RealCanTraffic.repeat(US5000, 3);
        assertThat(sink.frames).containsExactlyElementsOf(frames.subList(2, frames.size()));
        assertThat(sink.discarded).isEqualTo(6 + L);
        assertThat(sink.accountedBytes(framer)).isEqualTo(damaged.length);
    }

    @Test
    void aRecordIsHeldUntilTheThreeAfterItProveItsAlignment() {
        byte[] records = RealCanTraffic.canet(US5000);
        RecordingSink sink = new RecordingSink();
        CanetFramer framer = new CanetFramer();

        framer.decode(records, 0, 4 * L - 1, sink);
        assertThat(sink.frames).isEmpty();
        framer.decode(records, 4 * L - 1, 1, sink);
        assertThat(sink.frames).containsExactly(US5000.get(0));
        assertThat(framer.pending()).isEqualTo(3 * L);
    }

    @Test
    void aPauseRightAfterARecordReleasesWhatIsHeldButAPauseInsideARecordDoesNot() {
        byte[] two = RealCanTraffic.canet(US5000.subList(0, 2));
        RecordingSink sink = new RecordingSink();
        CanetFramer framer = new CanetFramer();

        framer.decode(two, 0, L + 6, sink);
        assertThat(framer.awaitingQuiet()).isFalse();
        framer.quiet(sink);
        assertThat(sink.frames).isEmpty();
        framer.decode(two, L + 6, L - 6, sink);
        assertThat(framer.awaitingQuiet()).isTrue();
        framer.quiet(sink);
        assertThat(sink.frames).containsExactly(US5000.get(0), US5000.get(1));
        assertThat(framer.pending()).isZero();
    }

    /** Garbage inserted before the last byte of the stream would leave a whole record and a plausible header. */
    @Test
    void theEndOfTheLinkDiscardsEvenAWholeRecordAsNothingAfterItProvesIt() {
        byte[] two = RealCanTraffic.canet(US5000.subList(0, 2));
        RecordingSink sink = new RecordingSink();
        CanetFramer framer = new CanetFramer();

        framer.decode(two, 0, L + 6, sink);
        framer.end(sink);

        assertThat(sink.frames).isEmpty();
        assertThat(sink.discarded).isEqualTo(L + 6);
        assertThat(framer.pending()).isZero();
        assertThat(framer.synchronised()).isTrue();
    }

    @Test
    void nothingIsEmittedWhileUnsynchronisedAndThreeAlignedRecordsResynchronise() {
        byte[] records = RealCanTraffic.canet(US5000);
        RecordingSink sink = new RecordingSink();
        CanetFramer framer = new CanetFramer();
        byte[] garbage = {(byte) 0xFF, 0x3F, 0x19, (byte) 0x99, 0x09};

        framer.decode(garbage, 0, garbage.length, sink);
        framer.decode(records, 0, 2 * L, sink); // two aligned records are not proof enough
        assertThat(framer.synchronised()).isFalse();
        framer.quiet(sink);
        assertThat(sink.frames).isEmpty();

        framer.decode(records, 2 * L, records.length - 2 * L, sink);
        framer.quiet(sink);
        assertThat(sink.frames).containsExactlyElementsOf(US5000.subList(1, US5000.size()));
        assertThat(sink.discarded).isEqualTo(garbage.length + L);
    }

    @Test
    void extendedAndRemoteFramesAreCountedNotEmitted() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(CanetCodec.encode(US5000.get(0)));
        // USR-CANET200 manual, 2.2.4: extended id 0x12345678, five data bytes
        wire.writeBytes(new byte[] {(byte) 0x85, 0x12, 0x34, 0x56, 0x78, 0x12, 0x34, 0x56, 0x78, 0, 0, 0, 0});
        wire.writeBytes(new byte[] {0x48, 0, 0, 0x03, 0x05, 0, 0, 0, 0, 0, 0, 0, 0}); // a remote frame
        wire.writeBytes(CanetCodec.encode(US5000.get(1)));
        byte[] bytes = wire.toByteArray();
        RecordingSink sink = new RecordingSink();
        CanetFramer framer = new CanetFramer();

        framer.decode(bytes, 0, bytes.length, sink);
        framer.quiet(sink);

        assertThat(sink.frames).containsExactly(US5000.get(0), US5000.get(1));
        assertThat(sink.unsupported).isEqualTo(2);
        assertThat(sink.discarded).isZero();
    }

    @Test
    void theBufferNeverHoldsMoreThanItsCapacity() {
        byte[] noise = new byte[10_000];
        Arrays.fill(noise, (byte) 0x3F); // never well-formed: reserved bits set
        RecordingSink sink = new RecordingSink();
        CanetFramer framer = new CanetFramer();

        framer.decode(noise, 0, noise.length, sink);

        assertThat(framer.pending()).isLessThan(CanetFramer.PROOF_RECORDS * L);
        assertThat(sink.accountedBytes(framer)).isEqualTo(noise.length);
        assertThat(sink.frames).isEmpty();
    }

    /**
     * The evidence behind {@link CanetFramer#PROOF_RECORDS}: in every real cycle, repeated, no misaligned offset
     * gives even two consecutive well-formed windows.
     */
    @Test
    void noMisalignmentOfRealTrafficGivesTwoConsecutiveWellFormedWindows() {
        for (Map.Entry<String, List<CanFrame>> set : RealCanTraffic.sets().entrySet()) {
            byte[] stream = RealCanTraffic.canet(RealCanTraffic.repeat(set.getValue(), 3));
            for (int shift = 1; shift < L; shift++) {
                int run = 0;
                for (int at = shift; at + L <= stream.length; at += L) {
                    run = CanetFramer.wellFormed(stream, at) ? run + 1 : 0;
                    assertThat(run).as("%s shifted by %d, window at %d", set.getKey(), shift, at).isLessThan(2);
                }
            }
        }
    }

    private static byte[] cut(byte[] bytes, int at, int count) {
        byte[] out = new byte[bytes.length - count];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bytes, at + count, out, at, bytes.length - at - count);
        return out;
    }
}

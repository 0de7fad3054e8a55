package io.pylon4j.transport.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link CanetFramer} on real traffic ({@code real-can-traffic.txt}: Pylontech US5000 V1.2 and V1.3, BYD/Victron),
 * damaged at <em>every</em> position: bytes deleted (a run that is not a whole number of records, as a whole-record
 * loss keeps alignment and is not damage a framer can see) or garbage inserted (fewer than 13 bytes, so it cannot be
 * a record on its own), fed in random chunks with a pause at the end of every cycle as a converter sends it. No
 * frame may be emitted that was not sent, in the order sent, and after the damage every record is emitted again
 * from the first whole record after it on, but for at most {@link CanetFramer#PROOF_RECORDS}.
 */
class CanetFramerProperties {

    private static final int L = CanetCodec.FRAME_LENGTH;

    @Property(tries = 300)
    void deletingBytesAnywhereNeverInventsAFrameAndResynchronises(@ForAll("sets") String set,
            @ForAll @IntRange(min = 1, max = 3 * L) int count, @ForAll long chunkSeed) {
        if (count % L == 0) {
            count++;
        }
        List<CanFrame> sent = RealCanTraffic.repeat(RealCanTraffic.cycle(set), 3);
        byte[] bytes = RealCanTraffic.canet(sent);
        for (int at = 0; at + count <= bytes.length; at++) {
            byte[] damaged = new byte[bytes.length - count];
            System.arraycopy(bytes, 0, damaged, 0, at);
            System.arraycopy(bytes, at + count, damaged, at, bytes.length - at - count);
            TreeSet<Integer> pauses = new TreeSet<>();
            for (int b : cycleEnds(sent.size(), RealCanTraffic.cycle(set).size())) {
                pauses.add(b <= at ? b : Math.max(at, b - count));
            }
            int firstWholeAfter = (at + count + L - 1) / L;
            check(sent, damaged, pauses, firstWholeAfter, new Random(chunkSeed + at), "deleted " + count + " at " + at);
        }
    }

    @Property(tries = 300)
    void insertingGarbageAnywhereNeverInventsAFrameAndResynchronises(@ForAll("sets") String set,
            @ForAll("garbage") byte[] garbage, @ForAll long chunkSeed) {
        List<CanFrame> sent = RealCanTraffic.repeat(RealCanTraffic.cycle(set), 3);
        byte[] bytes = RealCanTraffic.canet(sent);
        for (int at = 0; at <= bytes.length; at++) {
            byte[] damaged = new byte[bytes.length + garbage.length];
            System.arraycopy(bytes, 0, damaged, 0, at);
            System.arraycopy(garbage, 0, damaged, at, garbage.length);
            System.arraycopy(bytes, at, damaged, at + garbage.length, bytes.length - at);
            TreeSet<Integer> pauses = new TreeSet<>();
            for (int b : cycleEnds(sent.size(), RealCanTraffic.cycle(set).size())) {
                pauses.add(b <= at ? b : b + garbage.length);
            }
            int firstWholeAfter = (at + L - 1) / L;
            check(sent, damaged, pauses, firstWholeAfter, new Random(chunkSeed + at),
                    "inserted " + garbage.length + " at " + at);
        }
    }

    @Property(tries = 100)
    void undamagedTrafficIsEmittedWholeInAnyChunking(@ForAll("sets") String set, @ForAll long chunkSeed) {
        List<CanFrame> sent = RealCanTraffic.repeat(RealCanTraffic.cycle(set), 3);
        byte[] bytes = RealCanTraffic.canet(sent);
        TreeSet<Integer> pauses = new TreeSet<>(cycleEnds(sent.size(), RealCanTraffic.cycle(set).size()));
        RecordingSink sink = feed(bytes, pauses, new Random(chunkSeed));
        assertThat(sink.frames).containsExactlyElementsOf(sent);
        assertThat(sink.discarded).isZero();
    }

    private static void check(List<CanFrame> sent, byte[] damaged, TreeSet<Integer> pauses, int firstWholeAfter,
                              Random chunks, String what) {
        RecordingSink sink = feed(damaged, pauses, chunks);
        assertThat(isSubsequence(sink.frames, sent)).as("%s: emitted %s, sent %s", what, sink.frames, sent).isTrue();
        int from = Math.min(sent.size(), firstWholeAfter + CanetFramer.PROOF_RECORDS);
        List<CanFrame> tail = sent.subList(from, sent.size());
        assertThat(sink.frames.size()).as(what).isGreaterThanOrEqualTo(tail.size());
        assertThat(sink.frames.subList(sink.frames.size() - tail.size(), sink.frames.size())).as(what)
                .isEqualTo(tail);
    }

    /** Feeds in random chunks, pausing at each of {@code pauses}, then ends the link. */
    private static RecordingSink feed(byte[] bytes, TreeSet<Integer> pauses, Random chunks) {
        RecordingSink sink = new RecordingSink();
        CanetFramer framer = new CanetFramer();
        int at = 0;
        while (at < bytes.length) {
            Integer pause = pauses.higher(at);
            int limit = pause == null ? bytes.length : Math.min(pause, bytes.length);
            int n = Math.min(1 + chunks.nextInt(40), limit - at);
            framer.decode(bytes, at, n, sink);
            at += n;
            if (pauses.contains(at)) {
                framer.quiet(sink);
            }
            assertThat(framer.pending()).isLessThanOrEqualTo(CanetFramer.CAPACITY);
        }
        framer.end(sink);
        assertThat(sink.accountedBytes(framer)).isEqualTo(bytes.length);
        return sink;
    }

    private static List<Integer> cycleEnds(int records, int perCycle) {
        List<Integer> ends = new ArrayList<>();
        for (int r = perCycle; r <= records; r += perCycle) {
            ends.add(r * L);
        }
        return ends;
    }

    private static boolean isSubsequence(List<CanFrame> emitted, List<CanFrame> sent) {
        int i = 0;
        for (CanFrame f : sent) {
            if (i < emitted.size() && emitted.get(i).equals(f)) {
                i++;
            }
        }
        return i == emitted.size();
    }

    @Provide
    Arbitrary<String> sets() {
        return Arbitraries.of(RealCanTraffic.sets().keySet());
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(L - 1);
    }
}

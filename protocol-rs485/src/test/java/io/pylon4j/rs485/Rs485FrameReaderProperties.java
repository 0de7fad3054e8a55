package io.pylon4j.rs485;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;

/**
 * The deframer under random chunkings (1 byte to 64 KiB) with random noise between valid frames: it must yield
 * exactly the valid frames, in order, and its counters must account for every byte.
 */
class Rs485FrameReaderProperties {

    /** Noise before a frame, then the frame. */
    record Segment(byte[] noise, Rs485Frame frame) {
    }

    record Stream(List<Segment> segments, byte[] trailingNoise) {

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Segment s : segments) {
                out.writeBytes(s.noise());
                out.writeBytes(s.frame().encode());
            }
            out.writeBytes(trailingNoise);
            return out.toByteArray();
        }

        long noiseBytes() {
            return segments.stream().mapToLong(s -> s.noise().length).sum() + trailingNoise.length;
        }

        long tildesInNoise() {
            long n = 0;
            for (Segment s : segments) {
                n += count(s.noise());
            }
            return n + count(trailingNoise);
        }

        private static long count(byte[] b) {
            long n = 0;
            for (byte x : b) {
                n += x == '~' ? 1 : 0;
            }
            return n;
        }
    }

    /** Any bytes but '~': the reader discards them silently while hunting for SOI. */
    static Arbitrary<byte[]> noiseWithoutTilde() {
        return Arbitraries.bytes().filter(b -> b != '~').array(byte[].class).ofMaxSize(300);
    }

    /**
     * Noise that contains {@code '~'} followed by garbage: a false start that must fail and must not swallow the next
     * frame. The garbage after each {@code '~'} holds no CR and no further {@code '~'}, so it can never complete a
     * frame by chance; it ends at a non-hex byte, at the bound, or at the next frame's SOI. Sometimes it is long enough
     * to hit the 4113-byte bound.
     */
    static Arbitrary<byte[]> noiseWithFalseStarts() {
        Arbitrary<byte[]> garbage = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.bytes().filter(b -> b != '~' && b != '\r')
                        .array(byte[].class).ofMaxSize(60)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of((byte) '0', (byte) 'A', (byte) 'f').array(byte[].class)
                        .ofMaxSize(60)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of((byte) '1', (byte) 'F').array(byte[].class)
                        .ofMinSize(4000).ofMaxSize(9000)));
        Arbitrary<byte[]> falseStart = Combinators.combine(noiseWithoutTilde(), garbage).as((before, after) -> {
            byte[] b = new byte[before.length + 1 + after.length];
            System.arraycopy(before, 0, b, 0, before.length);
            b[before.length] = '~';
            System.arraycopy(after, 0, b, before.length + 1, after.length);
            return b;
        });
        return Arbitraries.oneOf(noiseWithoutTilde(), falseStart);
    }

    static Arbitrary<Stream> streams(Arbitrary<byte[]> noise) {
        Arbitrary<Segment> segment = Combinators.combine(noise, Rs485Arbitraries.frames()).as(Segment::new);
        return Combinators.combine(segment.list().ofMaxSize(12), noise).as(Stream::new);
    }

    @Provide
    Arbitrary<Stream> cleanNoise() {
        return streams(noiseWithoutTilde());
    }

    @Provide
    Arbitrary<Stream> falseStarts() {
        return streams(noiseWithFalseStarts());
    }

    @Provide
    Arbitrary<List<Integer>> chunkings() {
        return Arbitraries.integers().between(1, 65536).withDistribution(RandomDistribution.biased()).list()
                .ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 300)
    void noiseWithoutTildeIsDiscardedSilently(@ForAll("cleanNoise") Stream stream,
            @ForAll("chunkings") List<Integer> chunks) {
        Outcome out = read(stream.bytes(), chunks);
        assertThat(out.frames).containsExactlyElementsOf(stream.segments().stream().map(Segment::frame).toList());
        assertThat(out.failures).isEmpty();
        assertCountersAccountForEveryByte(stream, out);
        assertThat(out.counters.badFrames()).isZero();
    }

    @Property(tries = 300)
    void falseStartsFailButNeverCostAValidFrame(@ForAll("falseStarts") Stream stream,
            @ForAll("chunkings") List<Integer> chunks) {
        Outcome out = read(stream.bytes(), chunks);
        assertThat(out.frames).containsExactlyElementsOf(stream.segments().stream().map(Segment::frame).toList());
        assertThat((long) out.failures.size()).isEqualTo(stream.tildesInNoise());
        assertThat(out.counters.badFrames()).isEqualTo(stream.tildesInNoise());
        assertCountersAccountForEveryByte(stream, out);
    }

    @Property(tries = 100)
    void anyChunkingGivesTheSameResultsAsOneByteAtATime(@ForAll("falseStarts") Stream stream,
            @ForAll("chunkings") List<Integer> chunks) {
        byte[] bytes = stream.bytes();
        Outcome chunked = read(bytes, chunks);
        Outcome bytewise = read(bytes, List.of(1));
        assertThat(chunked.log).isEqualTo(bytewise.log);
        assertThat(chunked.counters).isEqualTo(bytewise.counters);
    }

    private static void assertCountersAccountForEveryByte(Stream stream, Outcome out) {
        long frameBytes = stream.segments().stream().mapToLong(s -> s.frame().encodedLength()).sum();
        Rs485FrameReader.Counters c = out.counters;
        assertThat(c.bytesReceived()).isEqualTo(frameBytes + stream.noiseBytes());
        assertThat(c.bytesInFrames()).isEqualTo(frameBytes);
        assertThat(c.bytesDiscarded()).isEqualTo(stream.noiseBytes());
        assertThat(c.bytesPending()).isZero();
        assertThat(c.frames()).isEqualTo(stream.segments().size());
        assertThat(out.failures.stream().mapToLong(ReadResult.Failure::discardedBytes).sum())
                .isLessThanOrEqualTo(stream.noiseBytes());
    }

    record Outcome(List<Rs485Frame> frames, List<ReadResult.Failure> failures, List<String> log,
                   Rs485FrameReader.Counters counters) {
    }

    static Outcome read(byte[] bytes, List<Integer> chunks) {
        Rs485FrameReader reader = new Rs485FrameReader();
        List<Rs485Frame> frames = new ArrayList<>();
        List<ReadResult.Failure> failures = new ArrayList<>();
        List<String> log = new ArrayList<>();
        java.util.function.Consumer<ReadResult> sink = r -> {
            if (r instanceof ReadResult.Frame f) {
                frames.add(f.frame());
                log.add("frame " + f.frame());
            } else if (r instanceof ReadResult.Failure f) {
                failures.add(f);
                log.add(f.error().getClass().getSimpleName() + " " + f.error().getMessage() + " / "
                        + f.discardedBytes());
            }
        };
        int offset = 0;
        for (int i = 0; offset < bytes.length; i++) {
            int n = Math.min(chunks.get(i % chunks.size()), bytes.length - offset);
            reader.push(bytes, offset, n, sink);
            offset += n;
        }
        reader.endOfInput(sink);
        return new Outcome(frames, failures, log, reader.counters());
    }
}

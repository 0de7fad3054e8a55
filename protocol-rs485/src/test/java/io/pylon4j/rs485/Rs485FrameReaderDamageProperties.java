package io.pylon4j.rs485;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The deframer on a real session (a US2000B-Plus's requests and replies, from the golden vectors of the Tomcat42
 * capture) damaged at <em>every</em> position: a run of bytes deleted (a lost CR or {@code ~} among them), or noise
 * inserted, in random chunks. Only frames that were sent may come out (LCHKSUM and CHKSUM must both hold), in order,
 * and every frame the damage did not touch comes out: the reader is back in step at the next {@code ~}.
 */
class Rs485FrameReaderDamageProperties {

    private static final List<Rs485Frame> SESSION = load();

    @Property(tries = 60)
    void deletingBytesAnywhereNeverInventsAFrame(@ForAll @IntRange(min = 1, max = 60) int count,
            @ForAll("chunkings") List<Integer> chunks) {
        byte[] bytes = encode(SESSION);
        for (int at = 0; at + count <= bytes.length; at++) {
            byte[] damaged = new byte[bytes.length - count];
            System.arraycopy(bytes, 0, damaged, 0, at);
            System.arraycopy(bytes, at + count, damaged, at, bytes.length - at - count);
            check(at, at + count, damaged, chunks, "deleted " + count + " at " + at);
        }
    }

    @Property(tries = 60)
    void insertingNoiseAnywhereNeverInventsAFrame(@ForAll("noise") byte[] noise,
            @ForAll("chunkings") List<Integer> chunks) {
        byte[] bytes = encode(SESSION);
        for (int at = 0; at <= bytes.length; at++) {
            byte[] damaged = new byte[bytes.length + noise.length];
            System.arraycopy(bytes, 0, damaged, 0, at);
            System.arraycopy(noise, 0, damaged, at, noise.length);
            System.arraycopy(bytes, at, damaged, at + noise.length, bytes.length - at);
            check(at, at, damaged, chunks, "inserted " + noise.length + " at " + at);
        }
    }

    /** {@code damaged} is the session with its bytes {@code [from, to)} replaced. */
    private static void check(int from, int to, byte[] damaged, List<Integer> chunks, String what) {
        List<Rs485Frame> emitted = Rs485FrameReaderProperties.read(damaged, chunks).frames();
        List<Rs485Frame> untouched = new ArrayList<>();
        int start = 0;
        for (Rs485Frame f : SESSION) {
            int end = start + f.encodedLength();
            if (end <= from || start >= to) {
                untouched.add(f);
            }
            start = end;
        }
        assertThat(isSubsequence(emitted, SESSION)).as("%s: emitted %s", what, emitted).isTrue();
        assertThat(isSubsequence(untouched, emitted)).as("%s: emitted %s", what, emitted).isTrue();
    }

    private static boolean isSubsequence(List<Rs485Frame> part, List<Rs485Frame> whole) {
        int i = 0;
        for (Rs485Frame f : whole) {
            if (i < part.size() && part.get(i).equals(f)) {
                i++;
            }
        }
        return i == part.size();
    }

    private static byte[] encode(List<Rs485Frame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.forEach(f -> out.writeBytes(f.encode()));
        return out.toByteArray();
    }

    @Provide
    Arbitrary<byte[]> noise() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<Integer>> chunkings() {
        return Arbitraries.integers().between(1, 200).list().ofMinSize(1).ofMaxSize(10);
    }

    /** The frames of the real session, in capture order; the vectors the file marks as bad are left out. */
    private static List<Rs485Frame> load() {
        List<Rs485Frame> frames = new ArrayList<>();
        try (InputStream in = Rs485FrameReaderDamageProperties.class
                .getResourceAsStream("golden/rs485-tomcat42-lowlevel-us2000b.vectors")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith("frame: ")) {
                    try {
                        frames.add(Rs485FrameCodec.parse(line.substring("frame: ".length()).strip()));
                    } catch (Rs485Exception e) {
                        // a negative vector: not traffic a battery sent
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (frames.size() < 10) {
            throw new IllegalStateException("the session did not load: " + frames.size() + " frames");
        }
        return List.copyOf(frames);
    }
}

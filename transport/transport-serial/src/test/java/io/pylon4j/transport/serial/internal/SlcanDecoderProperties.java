package io.pylon4j.transport.serial.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link SlcanDecoder} on real traffic ({@code real-can-traffic.txt}: Pylontech US5000 V1.2 and V1.3, BYD/Victron,
 * as an adapter sends it, with and without its timestamps), damaged at <em>every</em> position: an odd number of
 * bytes deleted (a lost CR among them), or an odd number of noise bytes inserted, fed in random chunks. No data frame
 * may be emitted that was not sent; the lines the damage did not touch all come through, so the decoder is back in
 * step at the next CR.
 *
 * <p>Why odd: SLCAN has no checksum. Every standard frame line has an odd length ({@code t}, three id digits, one
 * length digit, two digits a byte, four timestamp digits), so a line that gains or loses an odd number of bytes, or
 * two lines merged by a lost CR with such a loss, can never pass the length check. An even loss can leave a line that
 * parses, and no decoder can tell it from a line that was sent: with even counts allowed, this property fails on four
 * data digits lost from a line with timestamps (the timestamp is then read as data) and on the head of a 0x351 line
 * spliced to the tail of the next one ({@code 351#1402355458005E00}). The noise holds no CR or BEL: a
 * terminator in noise can delimit a line of noise, which is then a line like any other.
 */
class SlcanDecoderProperties {

    private static final List<List<CanFrame>> CYCLES = load();

    @Property(tries = 200)
    void deletingAnOddNumberOfBytesAnywhereNeverInventsAFrame(@ForAll("cycles") List<CanFrame> cycle,
            @ForAll boolean timestamps, @ForAll @IntRange(min = 0, max = 20) int half, @ForAll long chunkSeed) {
        int count = 2 * half + 1;
        List<CanFrame> sent = repeat(cycle, 3);
        byte[] bytes = lines(sent, timestamps);
        for (int at = 0; at + count <= bytes.length; at++) {
            byte[] damaged = new byte[bytes.length - count];
            System.arraycopy(bytes, 0, damaged, 0, at);
            System.arraycopy(bytes, at + count, damaged, at, bytes.length - at - count);
            check(sent, bytes, at, at + count, damaged, new Random(chunkSeed + at), "deleted " + count + " at " + at);
        }
    }

    @Property(tries = 200)
    void insertingAnOddNumberOfNoiseBytesAnywhereNeverInventsAFrame(@ForAll("cycles") List<CanFrame> cycle,
            @ForAll boolean timestamps, @ForAll("noise") byte[] noise, @ForAll long chunkSeed) {
        List<CanFrame> sent = repeat(cycle, 3);
        byte[] bytes = lines(sent, timestamps);
        for (int at = 0; at <= bytes.length; at++) {
            byte[] damaged = new byte[bytes.length + noise.length];
            System.arraycopy(bytes, 0, damaged, 0, at);
            System.arraycopy(noise, 0, damaged, at, noise.length);
            System.arraycopy(bytes, at, damaged, at + noise.length, bytes.length - at);
            check(sent, bytes, at, at, damaged, new Random(chunkSeed + at), "inserted " + noise.length + " at " + at);
        }
    }

    /**
     * Checks what the decoder emits from {@code damaged}, which is {@code bytes} with {@code [from, to)} replaced:
     * only frames sent, in order, and every line that ends before {@code from} or starts after {@code to}.
     */
    private static void check(List<CanFrame> sent, byte[] bytes, int from, int to, byte[] damaged, Random chunks,
                              String what) {
        List<CanFrame> emitted = new ArrayList<>();
        long wire = 0;
        SlcanDecoder decoder = new SlcanDecoder();
        List<SlcanMessage> messages = new ArrayList<>();
        for (int at = 0; at < damaged.length; ) {
            int n = Math.min(1 + chunks.nextInt(30), damaged.length - at);
            decoder.decode(damaged, at, n, messages::add);
            at += n;
        }
        for (SlcanMessage m : messages) {
            wire += m.wireLength();
            if (m instanceof SlcanMessage.DataFrame f) {
                emitted.add(f.frame());
            }
        }
        assertThat(wire + decoder.pending()).as(what).isEqualTo(damaged.length);

        // untouched: a line whose CR comes before the damage, or that starts after it (so its CR before is intact)
        List<CanFrame> untouched = new ArrayList<>();
        int lineStart = 0;
        for (int i = 0, line = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r') {
                if (i < from || lineStart > to) {
                    untouched.add(sent.get(line));
                }
                lineStart = i + 1;
                line++;
            }
        }
        assertThat(isSubsequence(emitted, sent)).as("%s: emitted %s", what, emitted).isTrue();
        assertThat(isSubsequence(untouched, emitted)).as("%s: emitted %s, untouched %s", what, emitted, untouched)
                .isTrue();
    }

    private static boolean isSubsequence(List<CanFrame> part, List<CanFrame> whole) {
        int i = 0;
        for (CanFrame f : whole) {
            if (i < part.size() && part.get(i).equals(f)) {
                i++;
            }
        }
        return i == part.size();
    }

    /** The frames as an adapter sends them: {@code t} lines, with its millisecond timestamp when enabled. */
    private static byte[] lines(List<CanFrame> frames, boolean timestamps) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < frames.size(); i++) {
            byte[] line = SlcanEncoder.frame(frames.get(i));
            out.write(line, 0, line.length - 1);
            if (timestamps) {
                out.writeBytes(String.format("%04X", (i * 137) % 60_000).getBytes(StandardCharsets.US_ASCII));
            }
            out.write('\r');
        }
        return out.toByteArray();
    }

    private static List<CanFrame> repeat(List<CanFrame> cycle, int times) {
        List<CanFrame> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.addAll(cycle);
        }
        return out;
    }

    @Provide
    Arbitrary<List<CanFrame>> cycles() {
        return Arbitraries.of(CYCLES);
    }

    @Provide
    Arbitrary<byte[]> noise() {
        return Arbitraries.bytes().filter(b -> b != '\r' && b != 0x07).array(byte[].class).ofMinSize(1).ofMaxSize(41)
                .filter(a -> a.length % 2 == 1);
    }

    /** The cycles of {@code real-can-traffic.txt} (its sources are in the file). */
    private static List<List<CanFrame>> load() {
        List<List<CanFrame>> cycles = new ArrayList<>();
        try (InputStream in = SlcanDecoderProperties.class.getResourceAsStream("real-can-traffic.txt")) {
            List<CanFrame> current = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith("= ")) {
                    current = new ArrayList<>();
                    cycles.add(current);
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    String[] t = line.strip().split(" ", 2);
                    current.add(CanFrame.of(Integer.parseInt(t[0], 16),
                            HexFormat.of().parseHex(t[1].replace(" ", ""))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(cycles);
    }
}

package io.pylon4j.transport.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.spi.TransportMetrics;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The socketcand decoders ({@link SocketcandElementDecoder} in a real Netty pipeline, then
 * {@link SocketcandCodec#parse}) on real traffic ({@code real-can-traffic.txt}) printed as socketcand prints it,
 * with damage at the element boundaries, at every one of them: a lost {@code <} or {@code >}, or noise between two
 * elements. Only the damaged element may be lost, nothing may be invented, and every other frame comes through.
 *
 * <p>Damage inside an element is another matter: socketcand has no checksum, and a loss that splices the head of one
 * element to the tail of another (say inside both timestamps, whose seconds have no fixed width) can leave a
 * well-formed frame. TCP loses no bytes and socketcand writes each element whole, so that takes a faulty server.
 */
class SocketcandDecoderProperties {

    @Property(tries = 30)
    void aLostBracketCostsOnlyItsOwnElement(@ForAll("sets") String set, @ForAll long chunkSeed) {
        List<CanFrame> sent = RealCanTraffic.repeat(RealCanTraffic.cycle(set), 2);
        List<byte[]> elements = elements(sent);
        for (int e = 0; e < elements.size(); e++) {
            for (boolean opening : new boolean[] {true, false}) {
                ByteArrayOutputStream wire = new ByteArrayOutputStream();
                for (int i = 0; i < elements.size(); i++) {
                    byte[] el = elements.get(i);
                    if (i == e) {
                        wire.write(el, opening ? 1 : 0, el.length - 1); // '<' first, '>' last
                    } else {
                        wire.writeBytes(el);
                    }
                }
                List<CanFrame> expected = new ArrayList<>(sent);
                expected.remove(e);
                assertThat(decode(wire.toByteArray(), new Random(chunkSeed)))
                        .as("element %d without its %s", e, opening ? "'<'" : "'>'").isEqualTo(expected);
            }
        }
    }

    @Property(tries = 100)
    void noiseBetweenElementsInventsNothingAndLosesNothing(@ForAll("sets") String set, @ForAll("noise") byte[] noise,
                                                           @ForAll long chunkSeed) {
        List<CanFrame> sent = RealCanTraffic.repeat(RealCanTraffic.cycle(set), 2);
        List<byte[]> elements = elements(sent);
        for (int at = 0; at <= elements.size(); at++) {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            for (int i = 0; i < elements.size(); i++) {
                if (i == at) {
                    wire.writeBytes(noise);
                }
                wire.writeBytes(elements.get(i));
            }
            if (at == elements.size()) {
                wire.writeBytes(noise);
            }
            assertThat(decode(wire.toByteArray(), new Random(chunkSeed))).as("noise before element %d", at)
                    .isEqualTo(sent);
        }
    }

    private static List<byte[]> elements(List<CanFrame> frames) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            out.add(SocketcandCodec.frame(frames.get(i), 1_700_000_000_000_000L + i * 9_999L)
                    .getBytes(StandardCharsets.US_ASCII));
        }
        return out;
    }

    private static List<CanFrame> decode(byte[] bytes, Random chunks) {
        List<CanFrame> frames = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(new SocketcandElementDecoder(new TransportMetrics()));
        try {
            for (int at = 0; at < bytes.length; ) {
                int n = Math.min(1 + chunks.nextInt(60), bytes.length - at);
                channel.writeInbound(Unpooled.wrappedBuffer(bytes, at, n));
                at += n;
            }
            channel.finish();
            for (Object o; (o = channel.readInbound()) != null; ) {
                if (SocketcandCodec.parse(((SocketcandElementDecoder.Element) o).text())
                        instanceof SocketcandMessage.Frame f) {
                    frames.add(f.frame());
                }
            }
        } finally {
            channel.finishAndReleaseAll();
        }
        return frames;
    }

    @Provide
    Arbitrary<String> sets() {
        return Arbitraries.of(RealCanTraffic.sets().keySet());
    }

    /** Any bytes but brackets: a bracket in noise would delimit an element of noise, a matter for the parser. */
    @Provide
    Arbitrary<byte[]> noise() {
        return Arbitraries.bytes().filter(b -> b != '<' && b != '>').array(byte[].class).ofMinSize(1).ofMaxSize(40);
    }
}

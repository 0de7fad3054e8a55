package io.pylon4j.transport.netty.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.pylon4j.transport.spi.TransportMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fuzzes the socketcand decoders: the element splitter ({@link SocketcandElementDecoder}, in a real Netty pipeline)
 * and the element parser ({@link SocketcandCodec#parse}), on any bytes in any chunking. Nothing may escape either;
 * an element is never longer than {@link SocketcandElementDecoder#MAX_ELEMENT} and never holds a bracket; every
 * frame parsed prints back, as socketcand would, to text that parses to the same frame; and one byte at a time gives
 * the same elements and the same discarded count.
 *
 * <p>In the normal build this replays its seed inputs, then fuzzes for {@code jazzer.seconds} in its own Surefire
 * execution ({@code fuzz-socketcand}; long runs: {@code docs/transports.md}).
 */
class SocketcandDecoderFuzz {

    @FuzzTest(maxDuration = "10m")
    void decoders(FuzzedDataProvider data) {
        long chunkSeed = data.consumeLong();
        int maxChunk = data.consumeInt(1, 600);
        byte[] bytes = data.consumeRemainingAsBytes();

        TransportMetrics chunkedMetrics = new TransportMetrics();
        List<String> chunked = split(bytes, new Random(chunkSeed), maxChunk, chunkedMetrics);
        TransportMetrics bytewiseMetrics = new TransportMetrics();
        List<String> bytewise = split(bytes, new Random(0), 1, bytewiseMetrics);
        if (!chunked.equals(bytewise)
                || chunkedMetrics.snapshot().discardedBytes() != bytewiseMetrics.snapshot().discardedBytes()) {
            throw new IllegalStateException("chunking changed the result:\n" + chunked + "\n" + bytewise);
        }
        for (String text : chunked) {
            if (text.length() + 2 > SocketcandElementDecoder.MAX_ELEMENT || text.indexOf('<') >= 0
                    || text.indexOf('>') >= 0) {
                throw new IllegalStateException("element out of bounds: " + text);
            }
            check(text);
        }
    }

    /** The parser alone, on any text: what {@link #decoders} cannot reach (non-ASCII characters, brackets). */
    @FuzzTest(maxDuration = "10m")
    void parser(FuzzedDataProvider data) {
        check(data.consumeRemainingAsString());
    }

    private static void check(String text) {
        SocketcandMessage message = SocketcandCodec.parse(text);
        if (message instanceof SocketcandMessage.Frame f) {
            String printed = SocketcandCodec.frame(f.frame(), f.timestampMicros());
            SocketcandMessage again = SocketcandCodec.parse(printed.substring(1, printed.length() - 1));
            if (!(again instanceof SocketcandMessage.Frame g) || !g.equals(f)) {
                throw new IllegalStateException("< " + text + " > parsed to " + f + ", printed back as " + printed
                        + ", parsed to " + again);
            }
        }
    }

    private static List<String> split(byte[] bytes, Random random, int maxChunk, TransportMetrics metrics) {
        List<String> texts = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(new SocketcandElementDecoder(metrics));
        try {
            for (int offset = 0; offset < bytes.length; ) {
                int n = Math.min(1 + random.nextInt(maxChunk), bytes.length - offset);
                channel.writeInbound(Unpooled.wrappedBuffer(bytes, offset, n));
                offset += n;
                for (Object o; (o = channel.readInbound()) != null; ) {
                    texts.add(((SocketcandElementDecoder.Element) o).text());
                }
            }
            channel.finish();
            for (Object o; (o = channel.readInbound()) != null; ) {
                texts.add(((SocketcandElementDecoder.Element) o).text());
            }
        } finally {
            channel.finishAndReleaseAll();
        }
        return texts;
    }
}

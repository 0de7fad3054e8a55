package io.pylon4j.transport.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.pylon4j.transport.spi.TransportMetrics;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Splits the socketcand byte stream into elements {@code < … >}, emitting each one's content as an
 * {@link Element}. Bounded and resynchronising: bytes outside brackets (other than white space), an element cut
 * short by a new {@code <}, an element longer than {@value #MAX_ELEMENT} bytes, and a partial element when the
 * link drops are all discarded and counted, and decoding goes on at the next {@code <}.
 */
final class SocketcandElementDecoder extends ByteToMessageDecoder {

    /** Longer than any element a raw-mode session sees (a CAN FD frame with 64 bytes is about 170). */
    static final int MAX_ELEMENT = 256;

    /** The text between the brackets, and how many bytes the element took on the wire. */
    record Element(String text, int wireLength) {
    }

    private final TransportMetrics metrics;

    SocketcandElementDecoder(TransportMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int start = in.readerIndex();
            int end = in.writerIndex();
            int open = in.indexOf(start, end, (byte) '<');
            if (open < 0) {
                discardNonBlank(in, end);
                return;
            }
            discardNonBlank(in, open);
            int limit = Math.min(end, open + MAX_ELEMENT);
            int close = -1;
            int restart = -1;
            for (int i = open + 1; i < limit; i++) {
                byte b = in.getByte(i);
                if (b == '>') {
                    close = i;
                    break;
                }
                if (b == '<') {
                    restart = i;
                    break;
                }
            }
            if (close >= 0) {
                String text = in.toString(open + 1, close - open - 1, StandardCharsets.US_ASCII);
                in.readerIndex(close + 1);
                out.add(new Element(text, close + 1 - open));
            } else if (restart >= 0) { // a new element began before this one ended: this one is lost
                metrics.discarded(restart - open);
                in.readerIndex(restart);
            } else if (limit - open >= MAX_ELEMENT) { // too long to be an element: drop it, look for the next '<'
                metrics.discarded(limit - open);
                in.readerIndex(limit);
            } else {
                return; // wait for the rest of the element
            }
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(ctx, in, out);
        if (in.isReadable()) { // the link ended inside an element
            metrics.discarded(in.readableBytes());
            in.skipBytes(in.readableBytes());
        }
    }

    /** Skips to {@code to}, counting what is not white space between elements. */
    private void discardNonBlank(ByteBuf in, int to) {
        int garbage = 0;
        for (int i = in.readerIndex(); i < to; i++) {
            byte b = in.getByte(i);
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                garbage++;
            }
        }
        if (garbage > 0) {
            metrics.discarded(garbage);
        }
        in.readerIndex(to);
    }
}

package io.pylon4j.transport.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code canet:HOST:PORT}: a CAN bus through a USR-CANET200 / Waveshare-type Ethernet converter in TCP server
 * mode, carrying 13-byte frames ({@link CanetCodec}). There is no handshake: the link is up when TCP is.
 *
 * <p>The stream has no start marker and no checksum: {@link CanetFramer} emits a record only when its alignment is
 * proven (the record after it well-formed too, or the stream pausing for {@link #QUIET} right after it),
 * and after a loss of alignment emits nothing until {@value CanetFramer#PROOF_RECORDS} consecutive well-formed
 * records line up again. Counted: each loss of alignment as an error, every byte skipped or held record thrown away
 * as discarded bytes, extended and remote frames (which {@link CanFrame} cannot hold) as dropped frames, what is held
 * when the link drops (a partial record, and the last whole one, which nothing after it proves) as discarded bytes.
 */
public final class CanetTransport extends NettyCanTransport {

    /**
     * How long the stream must pause before a record with no successor yet is emitted: the last frame of a burst
     * waits this long. Far longer than the converter takes to write one record, far shorter than the 1 s cycle.
     */
    static final Duration QUIET = Duration.ofMillis(100);

    /** Made by {@link io.pylon4j.transport.netty.NettyTransportProvider}. */
    public CanetTransport(Endpoint endpoint, Endpoint.HostPort address, TransportOptions options,
                          SharedEventLoopGroup shared) {
        super(endpoint, address, options, shared);
    }

    @Override
    protected void initPipeline(Channel channel, ChannelPipeline pipeline) {
        pipeline.addLast("frames", new Decoder());
    }

    @Override
    protected ByteBuf encode(CanFrame frame, ByteBufAllocator allocator) {
        return allocator.buffer(CanetCodec.FRAME_LENGTH).writeBytes(CanetCodec.encode(frame));
    }

    /**
     * Feeds the stream to a {@link CanetFramer} (one per connection) and hands what it proves to the listeners. A
     * record held for want of a successor is released by {@link CanetFramer#quiet} once nothing has arrived for
     * {@link #QUIET}.
     */
    private final class Decoder extends ByteToMessageDecoder implements CanetFramer.Sink {

        private final CanetFramer framer = new CanetFramer();
        private final byte[] chunk = new byte[CanetFramer.CAPACITY];
        private ScheduledFuture<?> quietCheck;

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            cancelQuietCheck();
            while (in.isReadable()) {
                int n = Math.min(in.readableBytes(), chunk.length);
                in.readBytes(chunk, 0, n);
                framer.decode(chunk, 0, n, this);
            }
            if (framer.awaitingQuiet()) {
                quietCheck = ctx.executor().schedule(() -> {
                    quietCheck = null;
                    framer.quiet(this);
                }, QUIET.toNanos(), TimeUnit.NANOSECONDS);
            }
        }

        @Override
        protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            decode(ctx, in, out);
            cancelQuietCheck();
            framer.end(this); // the link ended: what is held, proven by nothing after it, is counted as discarded
        }

        private void cancelQuietCheck() {
            if (quietCheck != null) {
                quietCheck.cancel(false);
                quietCheck = null;
            }
        }

        @Override
        public void frame(CanFrame frame) {
            deliver(frame);
        }

        @Override
        public void unsupported() {
            metrics().droppedFrame();
        }

        @Override
        public void discarded(int bytes) {
            metrics().discarded(bytes);
        }

        @Override
        public void lostSync() {
            metrics().error();
        }
    }
}

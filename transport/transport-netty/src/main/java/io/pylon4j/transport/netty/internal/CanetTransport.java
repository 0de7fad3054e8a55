package io.pylon4j.transport.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportOptions;
import java.util.List;

/**
 * {@code canet:HOST:PORT}: a CAN bus through a USR-CANET200 / Waveshare-type Ethernet converter in TCP server
 * mode, carrying 13-byte frames ({@link CanetCodec}). There is no handshake: the link is up when TCP is.
 *
 * <p>The stream has no start marker. A 13-byte window that cannot be a frame (reserved bits set, a length over 8, an
 * id out of range) is taken as lost sync: one byte is discarded and counted, and the next window is tried, so
 * decoding falls back into step at the next real frame boundary. Bytes that happen to look like a frame cannot be
 * told from one; a converter does not send garbage, so this matters only on a wrong port. Extended and remote
 * frames, which {@link CanFrame} cannot hold, are counted as dropped frames; a partial frame when the link drops is
 * counted as discarded bytes.
 */
public final class CanetTransport extends NettyCanTransport {

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

    /** Finds 13-byte frames in the stream and hands them to the listeners. */
    private final class Decoder extends ByteToMessageDecoder {

        private final byte[] window = new byte[CanetCodec.FRAME_LENGTH];

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            while (in.readableBytes() >= CanetCodec.FRAME_LENGTH) {
                int at = in.readerIndex();
                int info = in.getUnsignedByte(at);
                if (!CanetCodec.plausible(info, in.getUnsignedInt(at + 1))) {
                    in.skipBytes(1);
                    metrics().discarded(1);
                    continue;
                }
                in.readBytes(window);
                if (CanetCodec.isStandardDataFrame(info)) {
                    deliver(CanetCodec.decode(window, 0));
                } else {
                    metrics().droppedFrame();
                }
            }
        }

        @Override
        protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            decode(ctx, in, out);
            if (in.isReadable()) { // the link ended inside a frame
                metrics().discarded(in.readableBytes());
                in.skipBytes(in.readableBytes());
            }
        }
    }
}

package io.pylon4j.transport.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.TransportOptions;

/**
 * {@code socketcand:HOST:PORT/IFACE}: a CAN interface shared over TCP by a socketcand server, used in raw mode (every
 * frame on the bus, none filtered by the server). The link counts as connected once the server has opened the
 * interface and switched to raw mode; a server that refuses ({@code < error … >}) or never answers within the
 * connect timeout ends the attempt, and the reconnect policy decides on the next one. See {@link SocketcandCodec}
 * for the protocol and its source.
 *
 * <p>Counted: malformed elements and bytes outside elements as discarded bytes; extended, remote and CAN FD frames
 * (which {@link CanFrame} cannot hold) as dropped frames; {@code < error … >} in raw mode (bus error frames) as
 * errors.
 */
public final class SocketcandTransport extends NettyCanTransport {

    private enum Phase { AWAIT_HI, AWAIT_OPEN_OK, AWAIT_RAWMODE_OK, RAW }

    private final String iface;

    /** Made by {@link io.pylon4j.transport.netty.NettyTransportProvider}. */
    public SocketcandTransport(Endpoint endpoint, Endpoint.HostPort address, String iface, TransportOptions options,
                               SharedEventLoopGroup shared) {
        super(endpoint, address, options, shared);
        this.iface = iface;
    }

    @Override
    protected void initPipeline(Channel channel, ChannelPipeline pipeline) {
        pipeline.addLast("elements", new SocketcandElementDecoder(metrics()));
        pipeline.addLast("session", new Session());
    }

    @Override
    protected void channelConnected(Channel channel) {
        // the server speaks first (< hi >): the Session handler takes it from here
    }

    @Override
    protected ByteBuf encode(CanFrame frame, ByteBufAllocator allocator) {
        return ByteBufUtil.writeAscii(allocator, SocketcandCodec.send(frame));
    }

    /** One connection's handshake and traffic; a new one for every connection. */
    private final class Session extends SimpleChannelInboundHandler<SocketcandElementDecoder.Element> {

        private Phase phase = Phase.AWAIT_HI;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, SocketcandElementDecoder.Element element) {
            Channel ch = ctx.channel();
            SocketcandMessage message = SocketcandCodec.parse(element.text());
            if (phase == Phase.RAW) {
                // (Java 17: no pattern switch; the sealed interface keeps this list complete)
                if (message instanceof SocketcandMessage.Frame f) {
                    deliver(f.frame());
                } else if (message instanceof SocketcandMessage.Unsupported) {
                    metrics().droppedFrame();
                } else if (message instanceof SocketcandMessage.Error) {
                    metrics().error();
                } else if (!(message instanceof SocketcandMessage.Ok)) { // a late ok is harmless; the rest is not
                    metrics().discarded(element.wireLength());
                }
                return;
            }
            if (message instanceof SocketcandMessage.Error e) {
                fail(ch, new TransportIoException(endpoint() + ": socketcand refused: " + e.text()));
                return;
            }
            switch (phase) {
                case AWAIT_HI -> {
                    if (message instanceof SocketcandMessage.Hi) {
                        phase = Phase.AWAIT_OPEN_OK;
                        writeCounted(ch, ByteBufUtil.writeAscii(ch.alloc(), SocketcandCodec.open(iface)), false);
                    } else {
                        metrics().discarded(element.wireLength());
                    }
                }
                case AWAIT_OPEN_OK -> {
                    if (message instanceof SocketcandMessage.Ok) {
                        phase = Phase.AWAIT_RAWMODE_OK;
                        writeCounted(ch, ByteBufUtil.writeAscii(ch.alloc(), SocketcandCodec.rawMode()), false);
                    } else {
                        metrics().discarded(element.wireLength());
                    }
                }
                case AWAIT_RAWMODE_OK -> {
                    if (message instanceof SocketcandMessage.Ok) {
                        phase = Phase.RAW;
                        linkReady(ch);
                    } else {
                        metrics().discarded(element.wireLength()); // e.g. a BCM-mode frame before raw mode took
                    }
                }
                case RAW -> throw new IllegalStateException("handled above");
            }
        }
    }
}

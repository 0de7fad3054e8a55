package io.pylon4j.transport.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.pylon4j.transport.ByteListener;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.spi.ListenerFailureLog;
import io.pylon4j.transport.time.Scheduler;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code tcp:HOST:PORT}: RS485 through a raw TCP serial server (USR-TCP232, Elfin EW11 and the like, in their
 * transparent "TCP server" mode): the bytes of the serial line, unframed, both ways.
 */
public final class TcpByteStreamTransport extends NettyTransport implements ByteStreamTransport {

    private final List<ByteListener> listeners = new CopyOnWriteArrayList<>();
    /** A throwing listener is logged with its stack trace at most once a minute (System.Logger), always counted. */
    private final ListenerFailureLog listenerFailures;
    /** Reused for every read (listeners may use their buffer only during the call); event loop only. */
    private byte[] scratch = new byte[2048];

    /** Made by {@link io.pylon4j.transport.netty.NettyTransportProvider}. */
    public TcpByteStreamTransport(Endpoint endpoint, Endpoint.HostPort address, TransportOptions options,
                                  SharedEventLoopGroup shared) {
        super(endpoint, address, options, shared);
        this.listenerFailures = new ListenerFailureLog(System.getLogger("io.pylon4j.transport"),
                endpoint.text() + " byte");
    }

    @Override
    protected void initPipeline(Channel channel, ChannelPipeline pipeline) {
        pipeline.addLast("bytes", new SimpleChannelInboundHandler<ByteBuf>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, ByteBuf buf) {
                deliver(buf);
            }
        });
    }

    private void deliver(ByteBuf buf) {
        int length = buf.readableBytes();
        if (length == 0) {
            return;
        }
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, 2 * scratch.length)];
        }
        buf.getBytes(buf.readerIndex(), scratch, 0, length);
        long now = System.nanoTime();
        for (ByteListener listener : listeners) {
            try {
                listener.onBytes(scratch, 0, length, now);
            } catch (RuntimeException e) {
                metrics().error(); // a faulty listener must not break the link
                listenerFailures.failed(listener, e);
            }
        }
    }

    @Override
    public void write(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        send(Unpooled.copiedBuffer(data, offset, length), false);
    }

    /**
     * The event loop this link is read on, from {@link #open()} on (the loop is kept across reconnects).
     *
     * @return a scheduler on that loop; empty before {@link #open()}
     */
    @Override
    public Optional<Scheduler> ioScheduler() {
        return eventLoopScheduler();
    }

    @Override
    public void addByteListener(ByteListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeByteListener(ByteListener listener) {
        listeners.remove(listener);
    }
}

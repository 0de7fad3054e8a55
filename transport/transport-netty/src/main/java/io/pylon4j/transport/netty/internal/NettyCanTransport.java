package io.pylon4j.transport.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanFrameListener;
import io.pylon4j.transport.CanIdFilter;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.spi.CanFrameDispatcher;
import java.util.Objects;

/**
 * A CAN bridge over TCP: listener bookkeeping, the software receive filter and the frame counters, in the same
 * {@link CanFrameDispatcher} that {@link io.pylon4j.transport.spi.BlockingCanTransport} uses; subclasses encode
 * frames and decode the byte stream.
 */
abstract class NettyCanTransport extends NettyTransport implements CanTransport {

    private final CanFrameDispatcher dispatcher;

    NettyCanTransport(Endpoint endpoint, Endpoint.HostPort address, TransportOptions options,
                      SharedEventLoopGroup shared) {
        super(endpoint, address, options, shared);
        this.dispatcher = new CanFrameDispatcher(metrics());
    }

    /** The frame as the bridge expects it on the wire. */
    protected abstract ByteBuf encode(CanFrame frame, ByteBufAllocator allocator);

    @Override
    public final void send(CanFrame frame) {
        Objects.requireNonNull(frame, "frame");
        send(encode(frame, ByteBufAllocator.DEFAULT), true);
    }

    @Override
    public final void addFrameListener(CanFrameListener listener) {
        dispatcher.addListener(listener);
    }

    @Override
    public final void removeFrameListener(CanFrameListener listener) {
        dispatcher.removeListener(listener);
    }

    /** Neither bridge can filter on its side, so this filters in software, before the listeners. */
    @Override
    public final void setReceiveFilter(CanIdFilter filter) {
        dispatcher.setFilter(filter);
    }

    /** Hands a received frame to the listeners, if the filter accepts it. Call on the event loop. */
    final void deliver(CanFrame frame) {
        dispatcher.deliver(frame, System.nanoTime());
    }
}

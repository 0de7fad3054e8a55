package io.pylon4j.transport.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanFrameListener;
import io.pylon4j.transport.CanIdFilter;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportOptions;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A CAN bridge over TCP: listener bookkeeping, the software receive filter and the frame counters, as in
 * {@link io.pylon4j.transport.spi.BlockingCanTransport}; subclasses encode frames and decode the byte stream.
 */
abstract class NettyCanTransport extends NettyTransport implements CanTransport {

    private final List<CanFrameListener> listeners = new CopyOnWriteArrayList<>();
    private volatile CanIdFilter filter = CanIdFilter.ALL;

    NettyCanTransport(Endpoint endpoint, Endpoint.HostPort address, TransportOptions options,
                      SharedEventLoopGroup shared) {
        super(endpoint, address, options, shared);
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
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public final void removeFrameListener(CanFrameListener listener) {
        listeners.remove(listener);
    }

    /** Neither bridge can filter on its side, so this filters in software, before the listeners. */
    @Override
    public final void setReceiveFilter(CanIdFilter filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /** Hands a received frame to the listeners, if the filter accepts it. Call on the event loop. */
    final void deliver(CanFrame frame) {
        if (!filter.accepts(frame.id())) {
            return;
        }
        metrics().frameIn();
        long now = System.nanoTime();
        for (CanFrameListener listener : listeners) {
            try {
                listener.onFrame(frame, now);
            } catch (RuntimeException e) {
                metrics().error(); // a faulty listener must not break the link
            }
        }
    }
}

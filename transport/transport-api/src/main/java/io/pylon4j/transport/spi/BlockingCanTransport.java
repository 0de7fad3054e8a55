package io.pylon4j.transport.spi;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanFrameListener;
import io.pylon4j.transport.CanIdFilter;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportOptions;
import java.util.Objects;

/**
 * A {@link BlockingTransport} that carries CAN frames: listener bookkeeping, the software receive filter and the
 * counters, so that an implementation only opens, reads, writes and closes.
 *
 * <p>From {@link #readLoop()}, call {@link #deliver(CanFrame, long)} for every frame read; implement
 * {@link #write(CanFrame)} for sending. Implementations that can filter in the kernel or adapter override
 * {@link #applyFilter(CanIdFilter)}; the software filter stays on as a guard either way.
 */
public abstract class BlockingCanTransport extends BlockingTransport implements CanTransport {

    private final CanFrameDispatcher dispatcher;

    /**
     * A CAN transport in state {@code NEW}, receiving every id; {@link #open()} starts its thread.
     *
     * @param endpoint the parsed endpoint string, its scheme already matched by the provider
     * @param options  the reconnect policy, timeouts and thread-name prefix every transport takes
     */
    protected BlockingCanTransport(Endpoint endpoint, TransportOptions options) {
        super(endpoint, options);
        this.dispatcher = new CanFrameDispatcher(metrics());
    }

    /**
     * Writes one frame to the open link.
     *
     * @param frame the frame to send, not null
     * @throws Exception if the write fails; the frame is counted as dropped and the exception rethrown as a
     *                   {@link io.pylon4j.transport.TransportIoException}
     */
    protected abstract void write(CanFrame frame) throws Exception;

    /**
     * Installs a filter in the kernel or adapter, where the implementation can. Called on {@link #setReceiveFilter}
     * and should also be applied by {@link #connect()} to a new link. The default does nothing.
     *
     * @param filter the ids to let through, {@link CanIdFilter#ALL} to clear the filter
     * @throws Exception if the kernel or adapter refuses it; the software filter is in force anyway
     */
    protected void applyFilter(CanIdFilter filter) throws Exception {
        // software filtering only
    }

    /**
     * The filter in force.
     *
     * @return the filter last set, {@link CanIdFilter#ALL} before any
     */
    protected final CanIdFilter receiveFilter() {
        return dispatcher.filter();
    }

    @Override
    public final void send(CanFrame frame) {
        Objects.requireNonNull(frame, "frame");
        requireConnected();
        try {
            write(frame);
            metrics().frameOut();
        } catch (Exception e) {
            metrics().droppedFrame();
            metrics().error();
            throw new io.pylon4j.transport.TransportIoException(endpoint() + ": sending " + frame + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public final void addFrameListener(CanFrameListener listener) {
        dispatcher.addListener(listener);
    }

    @Override
    public final void removeFrameListener(CanFrameListener listener) {
        dispatcher.removeListener(listener);
    }

    @Override
    public final void setReceiveFilter(CanIdFilter filter) {
        dispatcher.setFilter(filter);
        try {
            applyFilter(filter);
        } catch (Exception e) {
            metrics().error(); // the software filter still applies
        }
    }

    /**
     * Hands a received frame to the listeners, if the filter accepts it. Call on the transport's thread.
     *
     * @param frame            the frame read
     * @param receivedNanoTime {@link System#nanoTime()} when it was read
     */
    protected final void deliver(CanFrame frame, long receivedNanoTime) {
        dispatcher.deliver(frame, receivedNanoTime);
    }
}

package io.pylon4j.testing;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanFrameListener;
import io.pylon4j.transport.CanIdFilter;
import io.pylon4j.transport.CanTransport;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link CanTransport} that wraps a real one (or an in-memory bus member) and injects faults into what it
 * receives, each on one explicit call, never by timing: {@link #dropNextFrame()}, {@link #corruptNextFrame()}
 * (the first data byte inverted; a frame with no data gains one byte {@code 0xFF}), {@link #hold()} and
 * {@link #release()}, {@link #killLink()} and {@link #restoreLink()}. Sent frames pass through unchanged (refused
 * while the link is killed). Hand this to the code under test in place of the wrapped transport.
 *
 * <p>Listeners run on the wrapped transport's thread, except for held frames, which {@link #release()} delivers on
 * its caller's thread. Thread-safe.
 */
public final class FaultInjectingCanTransport extends FaultInjector<FaultInjectingCanTransport.Received>
        implements CanTransport {

    /** One received frame and when it arrived. */
    record Received(CanFrame frame, long nanoTime) {
    }

    private final CanTransport delegate;
    private final List<CanFrameListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Wraps {@code delegate}; from now on its frames reach this transport's listeners through the faults.
     *
     * @param delegate the transport that really sends and receives
     * @throws NullPointerException if {@code delegate} is null
     */
    public FaultInjectingCanTransport(CanTransport delegate) {
        super(delegate);
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        delegate.addFrameListener((frame, nanoTime) -> received(new Received(frame, nanoTime)));
    }

    @Override
    void deliver(Received item) {
        listeners.forEach(l -> l.onFrame(item.frame(), item.nanoTime()));
    }

    @Override
    Received corrupt(Received item) {
        return new Received(corrupt(item.frame()), item.nanoTime());
    }

    /**
     * The damage {@link #corruptNextFrame()} does: the first data byte inverted, or one byte {@code 0xFF} added to
     * a frame with no data.
     *
     * @param frame a frame as received
     * @return the damaged frame, same id
     */
    public static CanFrame corrupt(CanFrame frame) {
        byte[] data = frame.data();
        if (data.length == 0) {
            return CanFrame.of(frame.id(), (byte) 0xFF);
        }
        data[0] = (byte) ~data[0];
        return CanFrame.of(frame.id(), data);
    }

    /**
     * Sends through the wrapped transport.
     *
     * @param frame the frame to send
     * @throws io.pylon4j.transport.NotConnectedException while the link is killed, or as the wrapped transport
     *                                                    throws
     */
    @Override
    public void send(CanFrame frame) {
        requireAlive();
        delegate.send(frame);
    }

    /**
     * Adds a frame listener; it hears what the wrapped transport receives, through the faults.
     *
     * @param listener the listener
     */
    @Override
    public void addFrameListener(CanFrameListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a frame listener.
     *
     * @param listener the listener
     */
    @Override
    public void removeFrameListener(CanFrameListener listener) {
        listeners.remove(listener);
    }

    /**
     * Sets the wrapped transport's receive filter.
     *
     * @param filter the filter
     */
    @Override
    public void setReceiveFilter(CanIdFilter filter) {
        delegate.setReceiveFilter(filter);
    }
}

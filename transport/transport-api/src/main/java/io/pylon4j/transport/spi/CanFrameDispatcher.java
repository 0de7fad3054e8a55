package io.pylon4j.transport.spi;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanFrameListener;
import io.pylon4j.transport.CanIdFilter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The receive side of a {@link io.pylon4j.transport.CanTransport}: its frame listeners, its software receive filter
 * and the delivery of a received frame to them.
 *
 * <p>Every CAN transport must deliver alike whatever its I/O model (a thread of its own as in
 * {@link BlockingCanTransport}, or an event loop): a frame the filter rejects is neither counted nor delivered; an
 * accepted one is counted as a frame in, then handed to each listener, and a listener that throws is counted as an
 * error and does not stop delivery to the others or break the link. This class is that one shared part. A
 * listener's exception is logged with its stack trace at most once a minute per listener ({@link ListenerFailureLog},
 * logger {@code io.pylon4j.transport}); every one is counted.
 *
 * <p>Thread-safe: listeners and filter may change from any thread while frames are delivered.
 */
public final class CanFrameDispatcher {

    private final TransportMetrics metrics;
    private final List<CanFrameListener> listeners = new CopyOnWriteArrayList<>();
    private volatile CanIdFilter filter = CanIdFilter.ALL;
    private final ListenerFailureLog listenerFailures =
            new ListenerFailureLog(ConnectionStateTracker.LOG, "CAN frame");

    /**
     * A dispatcher with no listeners and the filter {@link CanIdFilter#ALL}.
     *
     * @param metrics where accepted frames and faulty listeners are counted
     */
    public CanFrameDispatcher(TransportMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Adds a frame listener.
     *
     * @param listener called with each accepted frame, on the thread that delivers it
     * @throws NullPointerException if {@code listener} is null
     */
    public void addListener(CanFrameListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a frame listener; nothing happens if it was not added.
     *
     * @param listener the listener to stop calling
     */
    public void removeListener(CanFrameListener listener) {
        listeners.remove(listener);
    }

    /**
     * The software filter in force.
     *
     * @return the filter last set, {@link CanIdFilter#ALL} before any
     */
    public CanIdFilter filter() {
        return filter;
    }

    /**
     * Replaces the software filter; frames delivered from now on are checked against it.
     *
     * @param filter the ids to deliver from now on
     * @throws NullPointerException if {@code filter} is null
     */
    public void setFilter(CanIdFilter filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /**
     * Hands a received frame to the listeners, if the filter accepts it, and counts it as a frame in.
     *
     * @param frame            the frame received
     * @param receivedNanoTime when it was received, {@link System#nanoTime()}
     */
    public void deliver(CanFrame frame, long receivedNanoTime) {
        if (!filter.accepts(frame.id())) {
            return;
        }
        metrics.frameIn();
        for (CanFrameListener listener : listeners) {
            try {
                listener.onFrame(frame, receivedNanoTime);
            } catch (RuntimeException e) {
                metrics.error(); // a faulty listener must not kill the I/O thread or break the link
                listenerFailures.failed(listener, e);
            }
        }
    }
}

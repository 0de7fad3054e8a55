package io.pylon4j.driver;

import java.util.concurrent.Flow;

/**
 * A subscription to a driver's events: the {@link Flow.Subscription} a subscriber of {@link PylonDriver#events()}
 * receives (cast it to read the counters) and the handle {@link PylonDriver#addListener} returns. {@link #close()}
 * cancels.
 *
 * <p><b>Delivery.</b> Events arrive in order on the driver's event executor, never on a transport's I/O thread,
 * serially per subscriber. <b>Back-pressure:</b> each subscriber has a queue bounded for every type of event
 * ({@link DriverOptions#eventBuffer()}, 256 by default). While it has room every event is kept, in order; once it is
 * full, an arriving event supersedes the newest queued event about the same thing (the same kind of state of the
 * same bank, module, or alarm and level), counted in {@link #coalescedEvents()}: the newest limits, measurements,
 * flags, module details and supervision state always arrive, alarm and supervision changes keep their order, and a
 * flooding peer or a subscriber that stopped reading costs a fixed amount of memory. No event is dropped.
 * {@link Flow.Subscription#request(long)} is honoured. A subscriber whose {@code onNext} throws is cancelled; a
 * listener that throws is counted ({@link DriverCounters#listenerFailures()}) and keeps receiving.
 */
public interface EventSubscription extends Flow.Subscription, AutoCloseable {

    /**
     * Events this subscriber lost because its queue was full: always 0 since a full queue coalesces instead
     * ({@link #coalescedEvents()}); kept for callers that read it.
     * @return 0
     */
    long droppedEvents();

    /**
     * Events left out of this subscriber's full queue because a newer one about the same thing superseded them
     * ("Back-pressure" above).
     * @return the count since subscribing; it only grows
     */
    long coalescedEvents();

    /**
     * Events waiting for delivery to this subscriber now.
     *
     * @return the current queue length
     */
    int queuedEvents();

    /**
     * The largest number of events that ever waited for this subscriber.
     *
     * @return the queue's high-water mark
     */
    int maxQueuedEvents();

    /** Cancels; same as {@link #cancel()}. */
    @Override
    void close();
}

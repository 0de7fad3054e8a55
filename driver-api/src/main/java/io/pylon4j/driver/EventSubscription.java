package io.pylon4j.driver;

import io.pylon4j.driver.internal.EventPublisher;
import java.util.concurrent.Flow;

/**
 * A subscription to an {@link EventPublisher}: the {@link Flow.Subscription} a subscriber receives (cast it to read
 * the counters) and the handle {@link EventPublisher#addListener} returns. {@link #close()} cancels.
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
     * ({@link EventPublisher}, "Back-pressure").
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

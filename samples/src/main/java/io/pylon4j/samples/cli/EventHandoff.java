package io.pylon4j.samples.cli;

import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.internal.EventPublisher;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Hands a driver's events to one consuming thread (a command's main thread, which may block on its output) one at a
 * time: it asks the driver for the next event only after the consumer took the last one. So the only buffer between
 * the driver and a slow or blocked consumer is the driver's own bounded, coalescing queue for this subscriber
 * ({@link EventPublisher}, "Back-pressure"), never an unbounded queue of our own: a peer flooding changes against
 * {@code pylon monitor --json} with its output blocked costs a fixed amount of memory, and the consumer gets the
 * newest state when it reads again.
 */
final class EventHandoff implements Flow.Subscriber<BankEvent> {

    /** At most one event: one is requested at a time. */
    private final ArrayBlockingQueue<BankEvent> next = new ArrayBlockingQueue<>(1);
    private volatile Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(BankEvent event) {
        next.offer(event); // never full: the one slot is empty whenever an event is requested
    }

    @Override
    public void onError(Throwable throwable) {
    }

    @Override
    public void onComplete() {
    }

    /** The next event, waiting for it. */
    BankEvent take() throws InterruptedException {
        return taken(next.take());
    }

    /** The next event, or null if none came within {@code timeout}. */
    BankEvent poll(long timeout, TimeUnit unit) throws InterruptedException {
        return taken(next.poll(timeout, unit));
    }

    /** Forgets a waiting event (the text view only needs to know that something changed). */
    void clear() {
        taken(next.poll());
    }

    /** The subscription, for its counters; null before the driver subscribed us. */
    Flow.Subscription subscription() {
        return subscription;
    }

    private BankEvent taken(BankEvent event) {
        if (event != null) {
            subscription.request(1);
        }
        return event;
    }
}

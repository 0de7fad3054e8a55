package io.pylon4j.driver.internal;

import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.EventSubscription;
import io.pylon4j.transport.spi.ListenerFailureLog;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Delivers {@link BankEvent}s to subscribers and listeners, in order, on an {@link Executor} the caller chooses,
 * without ever blocking the thread that {@linkplain #submit submits} (a transport's I/O thread).
 *
 * <p><b>Threading.</b> The publisher owns no thread: each subscriber's events are delivered by tasks run on the
 * given executor, at most one task per subscriber at a time, so a subscriber sees its signals serially and in
 * submission order; different subscribers may run concurrently. One publisher (or one executor) can serve a
 * thousand banks. A task delivers at most {@code batchSize} events and then yields the executor by resubmitting
 * itself, so one busy subscriber does not starve others. Do not use a direct executor ({@code Runnable::run}) in
 * production: listeners would run on the I/O thread.
 *
 * <p><b>Back-pressure.</b> Each subscriber has a queue of {@code bufferSize} events, bounded for every type of
 * event, so that neither a peer flooding changes nor a subscriber that stops consuming (a blocked listener, a
 * {@link Flow.Subscriber} that never requests) can grow memory without end. While the queue has room every event
 * is kept, in order. When it is full, an arriving event supersedes the newest queued event about the same thing
 * ({@link EventCoalescing}: the same kind of state of the same bank, module, or alarm and level) in that event's
 * place: the newest limits, measurements, request flags, module count, module details, bank info and supervision
 * state win, a supervision change becomes one transition from the state the subscriber last saw, an alarm raised
 * and cleared again while queued vanishes. The newest state is never lost and alarm and supervision events keep
 * their order; only the superseded events are left out, and each is counted
 * ({@link EventSubscription#coalescedEvents()}, {@link #coalescedEvents()}). An event about something not queued
 * at all is appended beyond the bound, so a queue holds at most {@code bufferSize} plus the number of distinct
 * things a bank has (six singletons, one per alarm and level, one per module): a fixed amount, whatever the
 * traffic. No event is ever dropped ({@link #droppedEvents()} stays 0).
 * {@link Flow.Subscription#request(long)} is honoured: a subscriber gets no more events than it asked for.
 *
 * <p><b>Errors.</b> A {@link Flow.Subscriber} whose {@code onNext} throws is cancelled (Reactive Streams rule
 * 2.13). A {@linkplain #addListener listener} that throws is not: the exception is counted
 * ({@link #listenerFailures()}), logged with its stack trace at most once a minute per listener
 * ({@link System.Logger} {@code io.pylon4j.driver}, {@link ListenerFailureLog}), and delivery continues. If the executor rejects a task, the events stay queued and
 * delivery is retried on the next submit (counted in {@link #rejectedExecutions()}).
 *
 * <p>{@link #close()} completes every subscriber after the events already queued for it; later submits are
 * ignored. Thread-safe.
 */
public final class EventPublisher implements Flow.Publisher<BankEvent>, AutoCloseable {

    /** Default per-subscriber queue length from which events are coalesced. */
    public static final int DEFAULT_BUFFER_SIZE = 256;
    /** Default number of events one delivery task hands over before yielding the executor. */
    public static final int DEFAULT_BATCH_SIZE = 64;

    private final Executor executor;
    private final int bufferSize;
    private final int batchSize;
    private final CopyOnWriteArrayList<SubscriberQueue> subscribers = new CopyOnWriteArrayList<>();
    private final LongAdder coalesced = new LongAdder();
    private final LongAdder listenerFailures = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final ListenerFailureLog listenerFailureLog =
            new ListenerFailureLog(System.getLogger("io.pylon4j.driver"), "bank event");
    private volatile boolean closed;

    /**
     * A publisher with the default buffer and batch sizes.
     *
     * @param executor runs delivery tasks; never one of a transport's I/O threads
     */
    public EventPublisher(Executor executor) {
        this(executor, DEFAULT_BUFFER_SIZE, DEFAULT_BATCH_SIZE);
    }

    /**
     * A publisher.
     *
     * @param executor   runs delivery tasks; never one of a transport's I/O threads
     * @param bufferSize per-subscriber queue length from which events are coalesced, ≥ 1
     * @param batchSize  events one task delivers before resubmitting itself, ≥ 1
     */
    public EventPublisher(Executor executor, int bufferSize, int batchSize) {
        this.executor = Objects.requireNonNull(executor, "executor");
        if (bufferSize < 1 || batchSize < 1) {
            throw new IllegalArgumentException("bufferSize and batchSize must be ≥ 1: " + bufferSize + ", "
                    + batchSize);
        }
        this.bufferSize = bufferSize;
        this.batchSize = batchSize;
    }

    /**
     * Queues {@code event} for every current subscriber and returns at once; never blocks.
     *
     * @param event the event to deliver
     * @return false if the publisher is closed (the event is ignored)
     */
    public boolean submit(BankEvent event) {
        Objects.requireNonNull(event, "event");
        if (closed) {
            return false;
        }
        for (SubscriberQueue s : subscribers) {
            s.offer(event);
        }
        return true;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super BankEvent> subscriber) {
        subscribeInternal(subscriber);
    }

    /**
     * Calls {@code listener} for every event from now on, on the executor, in order, with unbounded demand. A
     * listener that throws keeps receiving events.
     *
     * @param listener called with each event, on the executor
     * @return the handle to read its drop counter and to remove it ({@link EventSubscription#close()})
     */
    public EventSubscription addListener(Consumer<? super BankEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        return subscribeInternal(new Flow.Subscriber<BankEvent>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(BankEvent item) {
                try {
                    listener.accept(item);
                } catch (RuntimeException e) {
                    listenerFailures.increment();
                    listenerFailureLog.failed(listener, e);
                }
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });
    }

    private SubscriberQueue subscribeInternal(Flow.Subscriber<? super BankEvent> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        SubscriberQueue sub = new SubscriberQueue(subscriber, executor, bufferSize, batchSize, coalesced, rejected,
                subscribers::remove);
        subscribers.add(sub);
        sub.start();
        if (closed) {
            sub.complete();
        }
        return sub;
    }

    /**
     * Number of current subscribers and listeners.
     *
     * @return how many subscribers and listeners are attached now
     */
    public int subscriberCount() {
        return subscribers.size();
    }

    /**
     * Events dropped over all subscribers since creation: always 0, since a full queue coalesces instead (see
     * {@link #coalescedEvents()}); kept for the monitoring built on it.
     * @return 0
     */
    public long droppedEvents() {
        return 0;
    }

    /**
     * Events left out of full subscriber queues because a newer one superseded them, over all subscribers.
     *
     * @return the count since creation; it only grows
     */
    public long coalescedEvents() {
        return coalesced.sum();
    }

    /**
     * Exceptions thrown by listeners added with {@link #addListener}.
     *
     * @return the count since creation; it only grows
     */
    public long listenerFailures() {
        return listenerFailures.sum();
    }

    /**
     * Delivery tasks the executor rejected.
     *
     * @return the count since creation; it only grows
     */
    public long rejectedExecutions() {
        return rejected.sum();
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return closed;
    }

    /** Completes every subscriber after its queued events; idempotent; never blocks. */
    @Override
    public void close() {
        closed = true;
        for (SubscriberQueue s : subscribers) {
            s.complete();
        }
    }
}

package io.pylon4j.driver.internal;

import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.EventSubscription;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * One subscriber's bounded queue, demand and delivery task, for {@link EventPublisher}: events are kept in order
 * until the queue is full, then coalesced by {@link EventCoalescing}; at most one delivery task runs at a time on the
 * publisher's executor and hands over at most {@code batchSize} events before yielding it.
 */
final class SubscriberQueue implements EventSubscription, Runnable {
    private final Flow.Subscriber<? super BankEvent> subscriber;
    private final ArrayDeque<Slot> queue = new ArrayDeque<>();
    /** The newest queued slot of each key in {@link #queue}. */
    private final HashMap<EventCoalescing.Key, Slot> newestByKey = new HashMap<>();
    // all guarded by this
    private long demand;
    private boolean scheduled;
    private boolean subscribeSignalled;
    private boolean cancelled;
    private boolean completePending;
    private boolean terminated;
    private Throwable errorPending;
    private long coalescedHere;
    private int maxQueued;

    private final Executor executor;
    private final int bufferSize;
    private final int batchSize;
    /** The publisher's totals, shared by its subscribers. */
    private final LongAdder coalesced;
    private final LongAdder rejected;
    /** Told when this subscriber ends (cancelled, completed, failed), to forget it. */
    private final Consumer<SubscriberQueue> ended;

    SubscriberQueue(Flow.Subscriber<? super BankEvent> subscriber, Executor executor, int bufferSize, int batchSize,
                    LongAdder coalesced, LongAdder rejected, Consumer<SubscriberQueue> ended) {
        this.subscriber = subscriber;
        this.executor = executor;
        this.bufferSize = bufferSize;
        this.batchSize = batchSize;
        this.coalesced = coalesced;
        this.rejected = rejected;
        this.ended = ended;
    }

    void start() {
        synchronized (this) {
            scheduled = true; // the first task signals onSubscribe
        }
        execute();
    }

    void offer(BankEvent event) {
        boolean schedule;
        synchronized (this) {
            if (cancelled || completePending || terminated) {
                return;
            }
            EventCoalescing.Key key = EventCoalescing.key(event);
            Slot older = queue.size() >= bufferSize ? newestByKey.get(key) : null;
            if (older != null) {
                coalesce(older, event);
            } else {
                Slot slot = new Slot(key, event);
                queue.addLast(slot);
                newestByKey.put(key, slot);
                maxQueued = Math.max(maxQueued, queue.size());
            }
            schedule = !scheduled && !queue.isEmpty() && (demand > 0 || !subscribeSignalled);
            if (schedule) {
                scheduled = true;
            }
        }
        if (schedule) {
            execute();
        }
    }

    /**
     * Folds {@code newer} into the queued {@code older} of the same key, in {@code older}'s place, or takes
     * both out when together they change nothing. Caller holds the lock.
     */
    private void coalesce(Slot older, BankEvent newer) {
        Optional<BankEvent> merged = EventCoalescing.merge(older.event, newer);
        if (merged.isPresent()) {
            older.event = merged.get();
            countCoalesced(1);
            return;
        }
        queue.removeLastOccurrence(older);
        newestByKey.remove(older.key);
        for (Iterator<Slot> it = queue.descendingIterator(); it.hasNext(); ) {
            Slot s = it.next();
            if (s.key.equals(older.key)) {
                newestByKey.put(s.key, s);
                break;
            }
        }
        countCoalesced(2);
    }

    private void countCoalesced(int n) {
        coalescedHere += n;
        coalesced.add(n);
    }

    void complete() {
        boolean schedule;
        synchronized (this) {
            if (completePending || cancelled || terminated) {
                return;
            }
            completePending = true;
            schedule = !scheduled;
            scheduled = true;
        }
        if (schedule) {
            execute();
        }
    }

    private void execute() {
        try {
            executor.execute(this);
        } catch (RejectedExecutionException e) {
            rejected.increment();
            synchronized (this) {
                scheduled = false;
            }
        }
    }

    @Override
    public void request(long n) {
        boolean schedule;
        synchronized (this) {
            if (cancelled || terminated) {
                return;
            }
            if (n <= 0) {
                errorPending = new IllegalArgumentException("request must be positive (rule 3.9): " + n);
                clearQueue();
            } else {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            }
            schedule = !scheduled && (errorPending != null || !queue.isEmpty() || completePending);
            if (schedule) {
                scheduled = true;
            }
        }
        if (schedule) {
            execute();
        }
    }

    @Override
    public void cancel() {
        synchronized (this) {
            cancelled = true;
            clearQueue();
        }
        ended.accept(this);
    }

    @Override
    public void close() {
        cancel();
    }

    private void clearQueue() {
        queue.clear();
        newestByKey.clear();
    }

    /** Always 0: a full queue coalesces instead of dropping. */
    @Override
    public long droppedEvents() {
        return 0;
    }

    @Override
    public synchronized long coalescedEvents() {
        return coalescedHere;
    }

    @Override
    public synchronized int queuedEvents() {
        return queue.size();
    }

    @Override
    public synchronized int maxQueuedEvents() {
        return maxQueued;
    }

    /** The delivery task: at most one runs at a time per subscriber (guarded by {@code scheduled}). */
    @Override
    public void run() {
        boolean signalSubscribe;
        synchronized (this) {
            signalSubscribe = !subscribeSignalled;
            subscribeSignalled = true;
        }
        if (signalSubscribe) {
            try {
                subscriber.onSubscribe(this);
            } catch (RuntimeException e) {
                cancel();
            }
        }
        int delivered = 0;
        while (true) {
            BankEvent next = null;
            Throwable error = null;
            boolean completeNow = false;
            synchronized (this) {
                if (cancelled || terminated) {
                    scheduled = false;
                    return;
                }
                if (errorPending != null) {
                    error = errorPending;
                    terminated = true;
                } else if (!queue.isEmpty() && demand > 0) {
                    if (delivered >= batchSize) {
                        break; // yield the executor; still scheduled
                    }
                    Slot slot = queue.pollFirst();
                    if (newestByKey.get(slot.key) == slot) {
                        newestByKey.remove(slot.key);
                    }
                    next = slot.event;
                    if (demand != Long.MAX_VALUE) {
                        demand--;
                    }
                } else if (queue.isEmpty() && completePending) {
                    completeNow = true;
                    terminated = true;
                } else {
                    scheduled = false;
                    return;
                }
            }
            if (error != null) {
                ended.accept(this);
                subscriber.onError(error);
                return;
            }
            if (completeNow) {
                ended.accept(this);
                subscriber.onComplete();
                return;
            }
            try {
                subscriber.onNext(next);
            } catch (RuntimeException e) {
                cancel(); // rule 2.13: a subscriber that throws is treated as cancelled
                return;
            }
            delivered++;
        }
        execute();
    }

    /** One queued event and what it is about; coalescing replaces the event in place. */
    private static final class Slot {
        final EventCoalescing.Key key;
        BankEvent event;

        Slot(EventCoalescing.Key key, BankEvent event) {
            this.key = key;
            this.event = event;
        }
    }
}

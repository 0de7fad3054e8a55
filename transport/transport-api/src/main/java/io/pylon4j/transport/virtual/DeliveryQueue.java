package io.pylon4j.transport.virtual;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One bus member's bounded receive queue, shared by the members of {@link VirtualCanBus} and {@link VirtualByteBus}:
 * senders {@link #offer} without blocking (a full queue refuses, and the member counts the loss in its own way), and
 * the queue delivers in order on a shared executor, drained by at most one task at a time, so that many members
 * need no thread each ({@link DeliveryThreads}). {@link #leave} ends delivery, also when called from the member's
 * own listener.
 *
 * <p>A drain task delivers at most {@value #BATCH} items and then makes way for other members' tasks, so that one
 * busy member cannot starve the others on the same threads.
 *
 * @param <T> what travels on the bus: a CAN frame, or a byte chunk that is never modified once queued
 */
final class DeliveryQueue<T> {

    /** What the member does with each item, on a delivery thread. */
    @FunctionalInterface
    interface Sink<T> {
        void deliver(T item, long nanoTime);
    }

    private record Received<T>(T item, long nanoTime) {
    }

    private static final int BATCH = 64;

    /** Linked rather than an array: an idle member's queue costs nothing until items wait in it. */
    private final BlockingQueue<Received<T>> queue;
    /** True while a drain task is submitted or running: at most one at a time keeps the order. */
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Object drainLock = new Object();
    private volatile Executor executor;
    private volatile Sink<? super T> sink;
    private volatile Runnable onRejected;
    private volatile Runnable first;
    private volatile boolean left;
    private Thread draining; // guarded by drainLock

    /** @throws IllegalArgumentException if {@code capacity} is less than 1 */
    DeliveryQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1: " + capacity);
        }
        this.queue = new LinkedBlockingQueue<>(capacity);
    }

    /**
     * Starts delivering on {@code executor}: runs {@code first} (the member's connect step) before anything else,
     * then hands each queued item to {@code sink}. Call once, before anything is offered.
     *
     * @param onRejected called when the executor refuses a task (it was shut down by its owner); what waited is
     *                   dropped
     */
    void start(Executor executor, Sink<? super T> sink, Runnable first, Runnable onRejected) {
        this.executor = executor;
        this.sink = sink;
        this.onRejected = onRejected;
        this.first = first;
        scheduled.set(true);
        submit();
    }

    /**
     * Queues {@code item}, sent at {@code nanoTime}; false, and nothing queued, if the queue is full. After
     * {@link #leave()} an item is ignored (the member is gone; this is not a loss to count).
     */
    boolean offer(T item, long nanoTime) {
        if (left) {
            return true;
        }
        if (!queue.offer(new Received<>(item, nanoTime))) {
            return false;
        }
        if (scheduled.compareAndSet(false, true)) {
            submit();
        }
        return true;
    }

    /**
     * Drops what waits and ends delivery; if a delivery is running on another thread, waits (at most
     * {@code timeoutMillis}) until it has returned, so that no listener runs after the member is closed.
     */
    void leave(long timeoutMillis) {
        left = true;
        queue.clear();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (drainLock) {
            while (draining != null && draining != Thread.currentThread()) {
                long waitMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (waitMillis <= 0) {
                    return;
                }
                try {
                    drainLock.wait(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void submit() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            queue.clear();
            scheduled.set(false);
            onRejected.run();
        }
    }

    private void drain() {
        synchronized (drainLock) {
            draining = Thread.currentThread();
        }
        try {
            Runnable start = first;
            if (start != null) {
                first = null;
                start.run();
            }
            for (int i = 0; i < BATCH && !left; i++) {
                Received<T> next = queue.poll();
                if (next == null) {
                    break;
                }
                sink.deliver(next.item(), next.nanoTime());
            }
        } finally {
            synchronized (drainLock) {
                draining = null;
                drainLock.notifyAll();
            }
            scheduled.set(false);
            // an item offered after the last poll but before the flag was cleared found it set and relied on us
            if (!left && !queue.isEmpty() && scheduled.compareAndSet(false, true)) {
                submit();
            }
        }
    }
}

package io.pylon4j.transport.virtual;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One bus member's bounded receive queue, shared by the members of {@link VirtualCanBus} and {@link VirtualByteBus}:
 * senders {@link #offer} without blocking (a full queue refuses, and the member counts the loss in its own way), the
 * member's thread {@link #deliverUntilLeft delivers} in order, and {@link #leave} ends that loop even when called
 * from a listener on the member's own thread.
 *
 * @param <T> what travels on the bus: a CAN frame, or a byte chunk that is never modified once queued
 */
final class DeliveryQueue<T> {

    /** What the member's thread does with each item it takes. */
    @FunctionalInterface
    interface Sink<T> {
        void deliver(T item, long nanoTime);
    }

    private record Received<T>(T item, long nanoTime) {
    }

    /** Queued by leave() to end the delivery loop; compared by identity. */
    private final Received<T> left = new Received<>(null, 0);
    private final BlockingQueue<Received<T>> queue;

    /** @throws IllegalArgumentException if {@code capacity} is less than 1 */
    DeliveryQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1: " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Queues {@code item}, sent at {@code nanoTime}; false, and nothing queued, if the queue is full. */
    boolean offer(T item, long nanoTime) {
        return queue.offer(new Received<>(item, nanoTime));
    }

    /** Hands each queued item to {@code sink}, in order, until {@link #leave()} is called. */
    void deliverUntilLeft(Sink<? super T> sink) throws InterruptedException {
        while (true) {
            Received<T> next = queue.take();
            if (next == left) {
                return;
            }
            sink.deliver(next.item(), next.nanoTime());
        }
    }

    /** Drops what waits and ends the delivery loop. */
    void leave() {
        queue.clear(); // nothing more will be delivered; make room for the marker
        queue.offer(left);
    }
}

package io.pylon4j.transport;

import io.pylon4j.can.CanFrame;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded queue of received frames for callers who prefer a blocking poll to a listener:
 * {@code transport.addFrameListener(queue); CanFrame f = queue.poll(Duration.ofSeconds(1));}.
 *
 * <p>When the queue is full the newest frame is dropped and {@linkplain #dropped() counted}: the transport's I/O
 * thread never blocks on a slow reader.
 */
public final class CanFrameQueue implements CanFrameListener {

    private final ArrayBlockingQueue<CanFrame> frames;
    private final AtomicLong dropped = new AtomicLong();

    /**
     * An empty queue, to be added as a frame listener.
     *
     * @param capacity how many frames to hold at most, at least 1
     * @throws IllegalArgumentException if {@code capacity} is below 1
     */
    public CanFrameQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.frames = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public void onFrame(CanFrame frame, long receivedNanoTime) {
        if (!frames.offer(frame)) {
            dropped.incrementAndGet();
        }
    }

    /**
     * The next frame, waiting up to {@code timeout} for one.
     *
     * @param timeout the longest wait, zero for none
     * @return the frame, or {@code null} if none arrived in time
     * @throws InterruptedException if interrupted while waiting
     */
    public CanFrame poll(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * How many frames are waiting.
     *
     * @return the frames queued and not yet polled
     */
    public int size() {
        return frames.size();
    }

    /**
     * How many frames were dropped because the queue was full.
     *
     * @return the count since the queue was made; a full queue drops the newest frame, keeping the oldest
     */
    public long dropped() {
        return dropped.get();
    }
}

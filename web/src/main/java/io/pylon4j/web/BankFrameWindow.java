package io.pylon4j.web;

import io.pylon4j.can.CanFrame;
import io.pylon4j.driver.commission.Observation;
import io.pylon4j.transport.CanFrameListener;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The last minute of the bank's cyclic CAN frames (0x351, 0x355, 0x356, 0x359), as the driver received them, for the
 * {@code single-can-master} check run from the page: CAN frames carry no sender address, so a second master shows
 * only in the order and rate of these frames. Fed by the driver's read-only {@code CanFrameTap} on the transport's
 * I/O thread, where it only appends.
 *
 * <p>Bounded whatever a peer sends: frames older than the window are let go, and at most {@link #CAPACITY} are kept
 * (one master sends four a second, two send eight: 480 a minute); past that the oldest is overwritten and counted
 * ({@link #overwritten()}), so a flooding device costs a fixed amount of memory and shortens the window instead.
 * Ages are on the transport's receive times ({@link System#nanoTime()} scale, monotonic).
 */
final class BankFrameWindow implements CanFrameListener {

    /** The most frames kept: twice two masters' minute of bank frames, rounded up. */
    static final int CAPACITY = 1024;

    private final long windowNanos;
    private final ArrayDeque<Observation.SeenFrame> frames = new ArrayDeque<>();
    private long overwritten;

    BankFrameWindow(Duration window) {
        this.windowNanos = window.toNanos();
    }

    @Override
    public void onFrame(CanFrame frame, long receivedNanoTime) {
        if (!Observation.isBankFrame(frame.id())) {
            return;
        }
        synchronized (frames) {
            letGoOlderThan(receivedNanoTime);
            if (frames.size() == CAPACITY) {
                frames.removeFirst();
                overwritten++;
            }
            frames.addLast(new Observation.SeenFrame(receivedNanoTime, frame));
        }
    }

    /**
     * The frames of the window ending at {@code nowNanos}, oldest first.
     *
     * @param nowNanos now, on the {@link System#nanoTime()} scale
     */
    List<Observation.SeenFrame> frames(long nowNanos) {
        synchronized (frames) {
            letGoOlderThan(nowNanos);
            return List.copyOf(frames);
        }
    }

    /** Frames let go before their minute was over because {@link #CAPACITY} were held (a flood). */
    long overwritten() {
        synchronized (frames) {
            return overwritten;
        }
    }

    private void letGoOlderThan(long nowNanos) {
        while (!frames.isEmpty() && nowNanos - frames.peekFirst().receivedNanoTime() > windowNanos) {
            frames.removeFirst();
        }
    }
}

package io.pylon4j.driver.commission;

import io.pylon4j.can.CanFrame;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.transport.CanFrameListener;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.time.TimeSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Watches a running {@link PylonDriver} for a commissioning run: {@link #sample()} takes the driver's snapshot (the
 * caller decides when: every second on its scheduler, or after each step of a test), and a frame listener of its
 * own on the CAN transport keeps the bank's cyclic frames (0x351, 0x355, 0x356, 0x359) as they arrive, because
 * the driver's model keeps only the newest values and cannot tell two senders apart. The driver is not changed.
 *
 * <p>Threads: the frame listener runs on the transport's I/O thread and only appends to a bounded buffer
 * ({@value #MAX_FRAMES} frames; more are counted as dropped). {@link #sample()} and {@link #observation()} may be
 * called from any thread. {@link #close()} removes the listener; it does not close the driver or the transport.
 */
public final class CommissioningRecorder implements AutoCloseable {

    /** The most bank frames kept (an hour of 1 s cycles, four frames each, with room to spare). */
    public static final int MAX_FRAMES = 20_000;

    private final PylonDriver driver;
    private final CanTransport can;
    private final boolean rs485;
    private final TimeSource time;
    private final CanFrameListener listener = this::onFrame;
    private final ArrayDeque<Observation.SeenFrame> frames = new ArrayDeque<>();
    private final List<BankStatus> samples = new ArrayList<>();
    private final long startedNanos;
    private long dropped;

    private CommissioningRecorder(PylonDriver driver, CanTransport can, boolean rs485, TimeSource time) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.can = can;
        this.rs485 = rs485;
        this.time = Objects.requireNonNull(time, "time");
        this.startedNanos = time.nanoTime();
        if (can != null) {
            can.addFrameListener(listener);
        }
    }

    /**
     * A recorder of {@code driver}, listening on {@code can} (the driver's CAN transport, or null when the driver
     * reads RS485 only) and noting whether RS485 is polled.
     *
     * @param driver the driver, started or not
     * @param can    the CAN transport the driver reads, or null
     * @param rs485  whether the driver polls RS485
     * @return the recorder, listening already; close it when the run is over
     */
    public static CommissioningRecorder watching(PylonDriver driver, CanTransport can, boolean rs485) {
        return new CommissioningRecorder(driver, can, rs485, driver.options().time());
    }

    private void onFrame(CanFrame frame, long receivedNanoTime) {
        if (!Observation.isBankFrame(frame.id())) {
            return;
        }
        synchronized (frames) {
            if (frames.size() >= MAX_FRAMES) {
                dropped++;
                return;
            }
            frames.add(new Observation.SeenFrame(receivedNanoTime, frame));
        }
    }

    /** Takes the driver's current snapshot into the observation. */
    public void sample() {
        BankStatus s = driver.status();
        synchronized (samples) {
            samples.add(s);
        }
    }

    /**
     * How many snapshots were taken so far.
     *
     * @return the number of {@link #sample()} calls so far
     */
    public int sampleCount() {
        synchronized (samples) {
            return samples.size();
        }
    }

    /**
     * Everything recorded so far, with the driver's counters now and the time since this recorder was made.
     *
     * @return an immutable observation of the samples and frames so far
     */
    public Observation observation() {
        List<BankStatus> s;
        synchronized (samples) {
            s = List.copyOf(samples);
        }
        List<Observation.SeenFrame> f;
        long d;
        synchronized (frames) {
            f = List.copyOf(frames);
            d = dropped;
        }
        Duration window = Duration.ofNanos(time.nanoTime() - startedNanos);
        return new Observation(s, f, d, driver.counters(), can != null, rs485,
                window.isNegative() ? Duration.ZERO : window);
    }

    /** Stops listening to the CAN transport. Idempotent. */
    @Override
    public void close() {
        if (can != null) {
            can.removeFrameListener(listener);
        }
    }
}

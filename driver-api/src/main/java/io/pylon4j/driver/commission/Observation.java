package io.pylon4j.driver.commission;

import io.pylon4j.can.CanFrame;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.DriverCounters;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What was seen of a bank over one observation window: the driver's snapshots, in time order, the bank's own CAN
 * frames as they arrived on the bus (0x351, 0x355, 0x356, 0x359; CAN has no source address, so only their payloads
 * and rates can tell two senders apart), and the driver's counters at the end. Immutable.
 *
 * @param samples       {@link BankStatus} snapshots over the window, oldest first
 * @param bankFrames    the bank frames seen on the CAN bus, in arrival order (empty when CAN was not observed)
 * @param framesDropped bank frames not kept because the recorder's buffer was full (counted, never silent)
 * @param counters      the driver's counters at the end of the window
 * @param canObserved   whether a CAN link was watched
 * @param rs485Observed whether an RS485 link was polled
 * @param window        how long the observation lasted
 */
public record Observation(List<BankStatus> samples, List<SeenFrame> bankFrames, long framesDropped,
                          DriverCounters counters, boolean canObserved, boolean rs485Observed, Duration window) {

    /**
     * Validates and copies.
     *
     * @param samples       snapshots over the window, oldest first
     * @param bankFrames    the bank frames seen on the CAN bus, in arrival order
     * @param framesDropped bank frames not kept because the buffer was full, ≥ 0
     * @param counters      the driver's counters at the end of the window
     * @param canObserved   whether a CAN link was watched
     * @param rs485Observed whether an RS485 link was polled
     * @param window        how long the observation lasted
     * @throws IllegalArgumentException if {@code framesDropped} is negative
     */
    public Observation {
        samples = List.copyOf(samples);
        bankFrames = List.copyOf(bankFrames);
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(window, "window");
        if (framesDropped < 0) {
            throw new IllegalArgumentException("framesDropped must be ≥ 0: " + framesDropped);
        }
    }

    /**
     * The newest snapshot, if any was taken.
     *
     * @return the last sample, or empty if none was taken
     */
    public Optional<BankStatus> last() {
        return samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(samples.size() - 1));
    }

    /**
     * Whether a CAN id is one of the bank's cyclic frames an observation keeps (0x351, 0x355, 0x356, 0x359: the
     * limits and the three frames a master sends once per cycle beside them, docs/protocol.md §1.5).
     *
     * @param canId the 11-bit CAN id
     * @return true for the ids {@link #bankFrames()} holds
     */
    public static boolean isBankFrame(int canId) {
        return canId == 0x351 || canId == 0x355 || canId == 0x356 || canId == 0x359;
    }

    /**
     * The bank frames with CAN id {@code id}, in arrival order.
     *
     * @param id the 11-bit CAN id, e.g. {@code 0x351}
     * @return those frames, in arrival order; empty if none was seen
     */
    public List<SeenFrame> frames(int id) {
        return bankFrames.stream().filter(f -> f.frame().id() == id).toList();
    }

    /**
     * One CAN frame as it arrived.
     *
     * @param receivedNanoTime the transport's receive time ({@link System#nanoTime()} scale)
     * @param frame            the frame
     */
    public record SeenFrame(long receivedNanoTime, CanFrame frame) {
        /**
         * Validates.
         *
         * @param receivedNanoTime the transport's receive time, ns ({@link System#nanoTime()} scale)
         * @param frame            the frame
         */
        public SeenFrame {
            Objects.requireNonNull(frame, "frame");
        }
    }
}

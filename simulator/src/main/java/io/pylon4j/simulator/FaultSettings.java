package io.pylon4j.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The bank-wide faults a test switches on and off at run time (issue 6 item 3), read by the protocol front ends
 * through {@link SimulatedBank#faults()}. Immutable; change them with {@link SimulatedBank#updateFaults}.
 *
 * <p>Module-level faults (a module offline, forced protection and alarm flags, a module's SOC) are state of the
 * modules and show in the {@link BankSnapshot}; see {@link SimulatedBank}.
 *
 * @param communicationLost  the front ends send nothing and answer nothing (communication lost)
 * @param valuesFrozen       the published snapshot stops changing while simulated time and physics go on (the
 *                           "static numbers" symptom of a bank without BMS communication); clearing it publishes
 *                           the current state at once
 * @param baudMismatch       the RS485 front end answers at the other baud rate (115200 ⇄ 9600: the DIP switch 1
 *                           mistake, docs/protocol.md §2.1)
 * @param corruptChecksums   the RS485 front end sends replies with a wrong CHKSUM
 * @param noiseBytes         bytes of noise the RS485 front end writes before each reply, 0 for none
 * @param replyDelay         how late the RS485 front end replies, {@link Duration#ZERO} for at once
 * @param secondMasterLimits when not null, a second CAN master (a slave's CAN port also wired to the inverter)
 *                           sends its own 0x351 with these limits besides the master's
 */
public record FaultSettings(boolean communicationLost, boolean valuesFrozen, boolean baudMismatch,
                            boolean corruptChecksums, int noiseBytes, Duration replyDelay,
                            ChargeLimits secondMasterLimits) {

    /** The most noise bytes before one reply. */
    public static final int MAX_NOISE_BYTES = 4096;

    /** No fault. */
    public static final FaultSettings NONE = new FaultSettings(false, false, false, false, 0, Duration.ZERO, null);

    /**
     * Checks the values.
     *
     * @param communicationLost  the front ends send nothing and answer nothing (communication lost)
     * @param valuesFrozen       the published snapshot stops changing while simulated time and physics go on (the
     *                           "static numbers" symptom of a bank without BMS communication); clearing it publishes
     *                           the current state at once
     * @param baudMismatch       the RS485 front end answers at the other baud rate (115200 ⇄ 9600: the DIP switch 1
     *                           mistake, docs/protocol.md §2.1)
     * @param corruptChecksums   the RS485 front end sends replies with a wrong CHKSUM
     * @param noiseBytes         bytes of noise the RS485 front end writes before each reply, 0 for none
     * @param replyDelay         how late the RS485 front end replies, {@link Duration#ZERO} for at once
     * @param secondMasterLimits when not null, a second CAN master (a slave's CAN port also wired to the inverter)
     *                           sends its own 0x351 with these limits besides the master's
     *
     * @throws IllegalArgumentException if the noise count is outside 0 to 4096 or the delay is negative
     */
    public FaultSettings {
        Objects.requireNonNull(replyDelay, "replyDelay");
        if (noiseBytes < 0 || noiseBytes > MAX_NOISE_BYTES) {
            throw new IllegalArgumentException("noiseBytes must be 0 to " + MAX_NOISE_BYTES + ": " + noiseBytes);
        }
        if (replyDelay.isNegative()) {
            throw new IllegalArgumentException("replyDelay must not be negative: " + replyDelay);
        }
    }

    /** {@return the second CAN master's limits, if that fault is on} */
    public Optional<ChargeLimits> secondMaster() {
        return Optional.ofNullable(secondMasterLimits);
    }

    /** {@return whether no fault is on} */
    public boolean isNone() {
        return equals(NONE);
    }

    /**
     * These settings with communication lost or back.
     *
     * @param on true for silence on both buses
     * @return new settings, the others unchanged
     */
    public FaultSettings withCommunicationLost(boolean on) {
        return new FaultSettings(on, valuesFrozen, baudMismatch, corruptChecksums, noiseBytes, replyDelay,
                secondMasterLimits);
    }

    /**
     * These settings with values frozen or live.
     *
     * @param on true to freeze the published snapshot
     * @return new settings, the others unchanged
     */
    public FaultSettings withValuesFrozen(boolean on) {
        return new FaultSettings(communicationLost, on, baudMismatch, corruptChecksums, noiseBytes, replyDelay,
                secondMasterLimits);
    }

    /**
     * These settings with or without the baud rate mismatch.
     *
     * @param on true to answer RS485 at the other baud rate
     * @return new settings, the others unchanged
     */
    public FaultSettings withBaudMismatch(boolean on) {
        return new FaultSettings(communicationLost, valuesFrozen, on, corruptChecksums, noiseBytes, replyDelay,
                secondMasterLimits);
    }

    /**
     * These settings with or without corrupted checksums.
     *
     * @param on true to send RS485 replies with a wrong CHKSUM
     * @return new settings, the others unchanged
     */
    public FaultSettings withCorruptChecksums(boolean on) {
        return new FaultSettings(communicationLost, valuesFrozen, baudMismatch, on, noiseBytes, replyDelay,
                secondMasterLimits);
    }

    /**
     * These settings with {@code count} noise bytes before each reply (0 = off).
     *
     * @param count noise bytes before each RS485 reply, 0 to {@value #MAX_NOISE_BYTES}
     * @return new settings, the others unchanged
     * @throws IllegalArgumentException if {@code count} is out of range
     */
    public FaultSettings withNoiseBytes(int count) {
        return new FaultSettings(communicationLost, valuesFrozen, baudMismatch, corruptChecksums, count, replyDelay,
                secondMasterLimits);
    }

    /**
     * These settings with replies delayed by {@code delay} ({@link Duration#ZERO} = off).
     *
     * @param delay how late each RS485 reply goes out, not negative
     * @return new settings, the others unchanged
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public FaultSettings withReplyDelay(Duration delay) {
        return new FaultSettings(communicationLost, valuesFrozen, baudMismatch, corruptChecksums, noiseBytes, delay,
                secondMasterLimits);
    }

    /**
     * These settings with a second CAN master sending {@code limits}, or without one if {@code limits} is null.
     *
     * @param limits the second master's 0x351 limits, or null for no second master
     * @return new settings, the others unchanged
     */
    public FaultSettings withSecondMaster(ChargeLimits limits) {
        return new FaultSettings(communicationLost, valuesFrozen, baudMismatch, corruptChecksums, noiseBytes,
                replyDelay, limits);
    }
}

package io.pylon4j.simulator.frontend;


/**
 * Which CAN frames the simulated master sends every second (docs/protocol.md §1.2–1.9).
 */
public enum CanFrameSet {
    /** Pylontech protocol V1.2: 0x351, 0x355 (4 bytes), 0x356, 0x359, 0x35C, 0x35E ("PYLON   "). */
    PYLON_V12,
    /** Pylontech V1.3 firmware: 0x351, 0x355 (6 bytes), 0x356, 0x359, 0x35A (all zero), 0x35E, 0x35F. */
    PYLON_V13,
    /**
     * Victron-flavoured: 0x351, 0x355, 0x356, 0x359, 0x35A (the flags, SMA polarity), 0x35C, 0x35E, 0x35F, 0x372,
     * 0x373, 0x374–0x377 (cell ids as text), 0x379.
     */
    VICTRON;

    /**
     * {@return the frame set named {@code pylon-v12}, {@code pylon-v13} or {@code victron} (case-insensitive, {@code _}
     * for {@code -} accepted)}
     *
     * @param name a frame set's name, as {@code pylon simulate --can-frames} takes it
     * @throws IllegalArgumentException for any other name
     */
    public static CanFrameSet named(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT).replace('_', '-')) {
            case "pylon-v12", "v12", "pylon" -> PYLON_V12;
            case "pylon-v13", "v13" -> PYLON_V13;
            case "victron" -> VICTRON;
            default -> throw new IllegalArgumentException(
                    "unknown CAN frame set '" + name + "': use pylon-v12, pylon-v13 or victron");
        };
    }
}

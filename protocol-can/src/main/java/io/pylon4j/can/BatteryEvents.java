package io.pylon4j.can;

/**
 * 0x35B, battery to inverter: SMA's "events" frame, eight bytes ([SMA]; docs/protocol.md §1.8).
 *
 * <p>No public source defines its bits for these batteries; BYD always sends eight zero bytes ([DFCH]).
 *
 * <p>Layout: the data bytes are kept as sent, whatever they are, so that the frame encodes back exactly. Any DLC,
 * 0 to 8, is accepted.
 *
 * @param length the number of data bytes, 0 to 8
 * @param data   the data bytes, byte 0 in the least significant eight bits
 */
public record BatteryEvents(int length, long data) implements BatteryMessage {

    /** The CAN id, 0x35B. */
    public static final int ID = 0x35B;
    /** The smallest DLC accepted: none. */
    public static final int MIN_LENGTH = 0;

    /**
     * Checks the components.
     *
     * @param length the number of data bytes, 0 to 8
     * @param data   the data bytes, byte 0 in the least significant eight bits
     * @throws IllegalArgumentException if {@code length} is not 0 to 8 or {@code data} has bits beyond it
     */
    public BatteryEvents {
        Wire.checkLength(length, MIN_LENGTH, "BatteryEvents");
        Wire.checkBytesWithin(data, 0, length, "BatteryEvents", "data");
    }

    @Override
    public int canId() {
        return ID;
    }

    static BatteryEvents decode(CanFrame frame) {
        return new BatteryEvents(frame.length(), frame.payload());
    }

    CanFrame encode() {
        return new CanFrame(ID, length, data);
    }
}

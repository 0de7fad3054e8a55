package io.pylon4j.can;

/**
 * 0x00F, to an SMA Sunny Island: remote quick stop ([SMA] §5.2, [BE-SMA]; docs/protocol.md §1.4).
 *
 * <p>Has no data ({@link #INSTANCE}); the Sunny Island goes to standby until it is restarted. A frame with data bytes
 * is still a quick stop, and its bytes are kept.
 *
 * <p>Layout: the data bytes are kept as sent, whatever they are, so that the frame encodes back exactly. Any DLC,
 * 0 to 8, is accepted.
 *
 * @param length the number of data bytes, 0 to 8
 * @param data   the data bytes, byte 0 in the least significant eight bits
 */
public record SmaQuickStop(int length, long data) implements InverterMessage {

    /** The CAN id, 0x00F. */
    public static final int ID = 0x00F;
    /** The smallest DLC accepted: none. */
    public static final int MIN_LENGTH = 0;

    /** The quick stop as SMA defines it: no data bytes. */
    public static final SmaQuickStop INSTANCE = new SmaQuickStop(0, 0);

    /**
     * Checks the components.
     *
     * @param length the number of data bytes, 0 to 8
     * @param data   the data bytes, byte 0 in the least significant eight bits
     * @throws IllegalArgumentException if {@code length} is not 0 to 8 or {@code data} has bits beyond it
     */
    public SmaQuickStop {
        Wire.checkLength(length, MIN_LENGTH, "SmaQuickStop");
        Wire.checkBytesWithin(data, 0, length, "SmaQuickStop", "data");
    }

    @Override
    public int canId() {
        return ID;
    }

    static SmaQuickStop decode(CanFrame frame) {
        return new SmaQuickStop(frame.length(), frame.payload());
    }

    CanFrame encode() {
        return new CanFrame(ID, length, data);
    }
}

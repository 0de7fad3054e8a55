package io.pylon4j.can;

/**
 * 0x306, inverter to battery: sent periodically by a Victron GX, eight zero bytes ({@link #ZEROS}) ([DFCH]; docs/protocol.md §1.4).
 *
 * <p>SMA Sunny Island sends its status on this id instead ({@link SmaStatus}); which record 0x306 decodes to is chosen
 * by {@link CanProfile#inverterFrames()}.
 *
 * <p>Layout: the data bytes are kept as sent, whatever they are, so that the frame encodes back exactly. Any DLC,
 * 0 to 8, is accepted.
 *
 * @param length the number of data bytes, 0 to 8
 * @param data   the data bytes, byte 0 in the least significant eight bits
 */
public record VictronKeepAlive(int length, long data) implements InverterMessage {

    /** The CAN id, 0x306. */
    public static final int ID = 0x306;
    /** The smallest DLC accepted: none. */
    public static final int MIN_LENGTH = 0;

    /** Eight zero bytes: what a Victron GX sends. */
    public static final VictronKeepAlive ZEROS = new VictronKeepAlive(8, 0);

    /**
     * Checks the components.
     *
     * @param length the number of data bytes, 0 to 8
     * @param data   the data bytes, byte 0 in the least significant eight bits
     * @throws IllegalArgumentException if {@code length} is not 0 to 8 or {@code data} has bits beyond it
     */
    public VictronKeepAlive {
        Wire.checkLength(length, MIN_LENGTH, "VictronKeepAlive");
        Wire.checkBytesWithin(data, 0, length, "VictronKeepAlive", "data");
    }

    @Override
    public int canId() {
        return ID;
    }

    static VictronKeepAlive decode(CanFrame frame) {
        return new VictronKeepAlive(frame.length(), frame.payload());
    }

    CanFrame encode() {
        return new CanFrame(ID, length, data);
    }
}

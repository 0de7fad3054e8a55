package io.pylon4j.can;

/**
 * 0x377, battery to inverter: the id (a short text) of the cell or module with the highest temperature (docs/protocol.md §1.8).
 *
 * <p>Sources: [BROG], [ODTU], [DIY], [DFCH]. See {@link MinCellVoltageId}.
 *
 * <p>Layout: bytes 0 to {@code length - 1} are ASCII text, one character a byte, padded with spaces or NULs (kept as
 * sent; {@link #text()} removes trailing padding). DLC 1 to 8.
 *
 * @param length the number of data bytes, 1 to 8
 * @param data   the data bytes, byte 0 in the least significant eight bits
 */
public record MaxCellTemperatureId(int length, long data) implements TextMessage {

    /** The CAN id, 0x377. */
    public static final int ID = 0x377;

    /**
     * Checks the components.
     *
     * @param length the number of data bytes, 1 to 8
     * @param data   the data bytes, byte 0 in the least significant eight bits
     * @throws IllegalArgumentException if {@code length} is not 1 to 8 or {@code data} has bits beyond it
     */
    public MaxCellTemperatureId {
        Text.check(length, data, "MaxCellTemperatureId");
    }

    /**
     * The message carrying exactly these characters, one byte each, with no padding added.
     *
     * @param text 1 to 8 ISO-8859-1 characters, sent as they are
     * @return a message whose DLC is the length of {@code text}
     * @throws IllegalArgumentException if the text is empty, longer than eight characters or not ISO-8859-1
     */
    public static MaxCellTemperatureId of(String text) {
        return new MaxCellTemperatureId(text.length(), Text.encode(text, "MaxCellTemperatureId"));
    }

    @Override
    public int canId() {
        return ID;
    }

    static MaxCellTemperatureId decode(CanFrame frame) {
        return new MaxCellTemperatureId(frame.length(), frame.payload());
    }

    CanFrame encode() {
        return new CanFrame(ID, length, data);
    }
}

package io.pylon4j.can;

/**
 * 0x374, battery to inverter: the id (a short text) of the cell or module with the lowest cell voltage (docs/protocol.md §1.8).
 *
 * <p>Sources: [BROG], [ODTU], [DIY] ({@code "b0 m3"} style), [DFCH] ({@code "2"}), a Victron capture
 * ({@code "Pack-01#"}). The value is the sender's own naming.
 *
 * <p>Layout: bytes 0 to {@code length - 1} are ASCII text, one character a byte, padded with spaces or NULs (kept as
 * sent; {@link #text()} removes trailing padding). DLC 1 to 8.
 *
 * @param length the number of data bytes, 1 to 8
 * @param data   the data bytes, byte 0 in the least significant eight bits
 */
public record MinCellVoltageId(int length, long data) implements TextMessage {

    /** The CAN id, 0x374. */
    public static final int ID = 0x374;

    /**
     * Checks the components.
     *
     * @param length the number of data bytes, 1 to 8
     * @param data   the data bytes, byte 0 in the least significant eight bits
     * @throws IllegalArgumentException if {@code length} is not 1 to 8 or {@code data} has bits beyond it
     */
    public MinCellVoltageId {
        Text.check(length, data, "MinCellVoltageId");
    }

    /**
     * The message carrying exactly these characters, one byte each, with no padding added.
     *
     * @param text 1 to 8 ISO-8859-1 characters, sent as they are
     * @return a message whose DLC is the length of {@code text}
     * @throws IllegalArgumentException if the text is empty, longer than eight characters or not ISO-8859-1
     */
    public static MinCellVoltageId of(String text) {
        return new MinCellVoltageId(text.length(), Text.encode(text, "MinCellVoltageId"));
    }

    @Override
    public int canId() {
        return ID;
    }

    static MinCellVoltageId decode(CanFrame frame) {
        return new MinCellVoltageId(frame.length(), frame.payload());
    }

    CanFrame encode() {
        return new CanFrame(ID, length, data);
    }
}

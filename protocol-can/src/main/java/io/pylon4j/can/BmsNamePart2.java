package io.pylon4j.can;

/**
 * 0x371, battery to inverter: characters 9 to 16 of the BMS or product name, Victron style (docs/protocol.md §1.8).
 *
 * <p>The second half of {@link BmsNamePart1}; decoded to this record only under
 * {@link CanProfile.Frames370And371#ASCII_NAME} (the "PYLON+" set sends {@link PylonPlusCellExtremeIds} here).
 *
 * <p>Layout: bytes 0 to {@code length - 1} are ASCII text, one character a byte, padded with spaces or NULs (kept as
 * sent; {@link #text()} removes trailing padding). DLC 1 to 8.
 *
 * @param length the number of data bytes, 1 to 8
 * @param data   the data bytes, byte 0 in the least significant eight bits
 */
public record BmsNamePart2(int length, long data) implements TextMessage {

    /** The CAN id, 0x371. */
    public static final int ID = 0x371;

    /**
     * Checks the components.
     *
     * @param length the number of data bytes, 1 to 8
     * @param data   the data bytes, byte 0 in the least significant eight bits
     * @throws IllegalArgumentException if {@code length} is not 1 to 8 or {@code data} has bits beyond it
     */
    public BmsNamePart2 {
        Text.check(length, data, "BmsNamePart2");
    }

    /**
     * The message carrying exactly these characters, one byte each, with no padding added.
     *
     * @param text 1 to 8 ISO-8859-1 characters, sent as they are
     * @return a message whose DLC is the length of {@code text}
     * @throws IllegalArgumentException if the text is empty, longer than eight characters or not ISO-8859-1
     */
    public static BmsNamePart2 of(String text) {
        return new BmsNamePart2(text.length(), Text.encode(text, "BmsNamePart2"));
    }

    @Override
    public int canId() {
        return ID;
    }

    static BmsNamePart2 decode(CanFrame frame) {
        return new BmsNamePart2(frame.length(), frame.payload());
    }

    CanFrame encode() {
        return new CanFrame(ID, length, data);
    }
}

package io.pylon4j.can;

/**
 * 0x370, battery to inverter: the first eight characters of the BMS or product name, Victron style (docs/protocol.md §1.8).
 *
 * <p>Sent by [DIY] (host name) and seen as "CAN-SMAR" + "TBMS-BAT" in a Victron capture and "Discover" + " AES" from
 * Discover. The same id carries numbers in the "PYLON+" set ({@link PylonPlusCellExtremes}); the codec decodes it
 * to this record only under {@link CanProfile.Frames370And371#ASCII_NAME}. Join the name with
 * {@code part1.rawText() + part2.rawText()}: {@link #text()} of the first part drops a trailing space that belongs
 * to the name.
 *
 * <p>Layout: bytes 0 to {@code length - 1} are ASCII text, one character a byte, padded with spaces or NULs (kept as
 * sent; {@link #text()} removes trailing padding). DLC 1 to 8.
 *
 * @param length the number of data bytes, 1 to 8
 * @param data   the data bytes, byte 0 in the least significant eight bits
 */
public record BmsNamePart1(int length, long data) implements TextMessage {

    /** The CAN id, 0x370. */
    public static final int ID = 0x370;

    /**
     * Checks the components.
     *
     * @param length the number of data bytes, 1 to 8
     * @param data   the data bytes, byte 0 in the least significant eight bits
     * @throws IllegalArgumentException if {@code length} is not 1 to 8 or {@code data} has bits beyond it
     */
    public BmsNamePart1 {
        Text.check(length, data, "BmsNamePart1");
    }

    /**
     * The message carrying exactly these characters, one byte each, with no padding added.
     *
     * @param text 1 to 8 ISO-8859-1 characters, sent as they are
     * @return a message whose DLC is the length of {@code text}
     * @throws IllegalArgumentException if the text is empty, longer than eight characters or not ISO-8859-1
     */
    public static BmsNamePart1 of(String text) {
        return new BmsNamePart1(text.length(), Text.encode(text, "BmsNamePart1"));
    }

    @Override
    public int canId() {
        return ID;
    }

    static BmsNamePart1 decode(CanFrame frame) {
        return new BmsNamePart1(frame.length(), frame.payload());
    }

    CanFrame encode() {
        return new CanFrame(ID, length, data);
    }
}

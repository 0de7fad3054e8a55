package io.pylon4j.can;

/**
 * 0x381, battery to inverter: the last eight characters of the BMS serial number (docs/protocol.md §1.8).
 *
 * <p>Sources: [MGLV], [ODTU], [OSE]. The second half of {@link SerialNumberPart1}.
 *
 * <p>Layout: bytes 0 to {@code length - 1} are ASCII text, one character a byte, padded with spaces or NULs (kept as
 * sent; {@link #text()} removes trailing padding). DLC 1 to 8.
 *
 * @param length the number of data bytes, 1 to 8
 * @param data   the data bytes, byte 0 in the least significant eight bits
 */
public record SerialNumberPart2(int length, long data) implements TextMessage {

    /** The CAN id, 0x381. */
    public static final int ID = 0x381;

    /**
     * Checks the components.
     *
     * @param length the number of data bytes, 1 to 8
     * @param data   the data bytes, byte 0 in the least significant eight bits
     * @throws IllegalArgumentException if {@code length} is not 1 to 8 or {@code data} has bits beyond it
     */
    public SerialNumberPart2 {
        Text.check(length, data, "SerialNumberPart2");
    }

    /**
     * The message carrying exactly these characters, one byte each, with no padding added.
     *
     * @param text 1 to 8 ISO-8859-1 characters, sent as they are
     * @return a message whose DLC is the length of {@code text}
     * @throws IllegalArgumentException if the text is empty, longer than eight characters or not ISO-8859-1
     */
    public static SerialNumberPart2 of(String text) {
        return new SerialNumberPart2(text.length(), Text.encode(text, "SerialNumberPart2"));
    }

    @Override
    public int canId() {
        return ID;
    }

    static SerialNumberPart2 decode(CanFrame frame) {
        return new SerialNumberPart2(frame.length(), frame.payload());
    }

    CanFrame encode() {
        return new CanFrame(ID, length, data);
    }
}

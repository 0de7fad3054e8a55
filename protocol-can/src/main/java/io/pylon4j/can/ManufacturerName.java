package io.pylon4j.can;

/**
 * 0x35E, battery to inverter: the manufacturer name, ASCII ([CAN12]; docs/protocol.md §1.2).
 *
 * <p>Pylontech sends {@code "PYLON"} and three spaces ({@link #PYLON}); Deye inverters seem to accept a name that
 * starts with "PYLON" ([ARMIN]: "PYLONDIY" works, "DIYPYLON" does not). Other senders: "PYLON" + three NULs
 * ([JUAM]), "PYLON" + two spaces with DLC 7 ([DIY]), the five bytes "PYTES" (Pytes), "BYD" + five NULs ([DFCH]).
 *
 * <p>Layout: bytes 0 to {@code length - 1} are ASCII text, one character a byte, padded with spaces or NULs (kept as
 * sent; {@link #text()} removes trailing padding). DLC 1 to 8.
 *
 * @param length the number of data bytes, 1 to 8
 * @param data   the data bytes, byte 0 in the least significant eight bits
 */
public record ManufacturerName(int length, long data) implements TextMessage {

    /** The CAN id, 0x35E. */
    public static final int ID = 0x35E;

    /** What Pylontech batteries send: {@code "PYLON"} and three spaces, DLC 8. */
    public static final ManufacturerName PYLON = of("PYLON   ");

    /**
     * Checks the components.
     *
     * @param length the number of data bytes, 1 to 8
     * @param data   the data bytes, byte 0 in the least significant eight bits
     * @throws IllegalArgumentException if {@code length} is not 1 to 8 or {@code data} has bits beyond it
     */
    public ManufacturerName {
        Text.check(length, data, "ManufacturerName");
    }

    /**
     * The message carrying exactly these characters, one byte each, with no padding added.
     *
     * @param text 1 to 8 ISO-8859-1 characters, sent as they are
     * @return a message whose DLC is the length of {@code text}
     * @throws IllegalArgumentException if the text is empty, longer than eight characters or not ISO-8859-1
     */
    public static ManufacturerName of(String text) {
        return new ManufacturerName(text.length(), Text.encode(text, "ManufacturerName"));
    }

    @Override
    public int canId() {
        return ID;
    }

    static ManufacturerName decode(CanFrame frame) {
        return new ManufacturerName(frame.length(), frame.payload());
    }

    CanFrame encode() {
        return new CanFrame(ID, length, data);
    }
}

package io.pylon4j.can;

/**
 * 0x305, inverter to battery: the inverter's keep-alive, sent once a second (docs/protocol.md §1.4).
 *
 * <p>Pylontech [CAN12], Deye [DEYE12], Sol-Ark [SOLARK] and Victron [DFCH] inverters send eight zero bytes
 * ({@link #ZEROS}). Other senders put content in it, which this record keeps: ArminJo's converter sends
 * {@code 21 00 00 00 00 00 00 00} [ARMIN], Afore inverters their brand in bytes 0-4 and a status in byte 7
 * [BE-AFORE], juamiso's emulator a counter [JUAM]. SMA Sunny Island sends battery process values on this id
 * instead ({@link SmaMeasurements}); which record 0x305 decodes to is chosen by
 * {@link CanProfile#inverterFrames()}.
 *
 * <p>Layout: the data bytes are kept as sent, whatever they are, so that the frame encodes back exactly. Any DLC,
 * 0 to 8, is accepted.
 *
 * @param length the number of data bytes, 0 to 8
 * @param data   the data bytes, byte 0 in the least significant eight bits
 */
public record InverterKeepAlive(int length, long data) implements InverterMessage {

    /** The CAN id, 0x305. */
    public static final int ID = 0x305;
    /** The smallest DLC accepted: none. */
    public static final int MIN_LENGTH = 0;

    /** Eight zero bytes: what a Pylontech-compatible inverter sends. */
    public static final InverterKeepAlive ZEROS = new InverterKeepAlive(8, 0);

    /**
     * Checks the components.
     *
     * @param length the number of data bytes, 0 to 8
     * @param data   the data bytes, byte 0 in the least significant eight bits
     * @throws IllegalArgumentException if {@code length} is not 0 to 8 or {@code data} has bits beyond it
     */
    public InverterKeepAlive {
        Wire.checkLength(length, MIN_LENGTH, "InverterKeepAlive");
        Wire.checkBytesWithin(data, 0, length, "InverterKeepAlive", "data");
    }

    @Override
    public int canId() {
        return ID;
    }

    static InverterKeepAlive decode(CanFrame frame) {
        return new InverterKeepAlive(frame.length(), frame.payload());
    }

    CanFrame encode() {
        return new CanFrame(ID, length, data);
    }
}

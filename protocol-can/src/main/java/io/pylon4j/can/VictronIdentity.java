package io.pylon4j.can;

/**
 * 0x307, inverter to battery: a Victron GX identifies itself with {@code 12 34 56 78 56 49 43 00}, that is 0x12 0x34
 * 0x56 0x78, {@code "VIC"} and a reserved byte ([VWIKI], [DFCH], [BROG]; docs/protocol.md §1.4).
 *
 * <p>The bytes are kept as sent, whatever they are, so that the frame encodes back exactly; {@link #isVictron()} says
 * whether they are Victron's signature. SMA Sunny Island sends its relay state on this id instead
 * ({@link SmaRelayState}); which record 0x307 decodes to is chosen by {@link CanProfile#inverterFrames()}.
 *
 * <p>Layout: bytes 0-3 {@code 12 34 56 78}, bytes 4-6 ASCII {@code "VIC"}, byte 7 reserved ({@code 00}). Any DLC,
 * 0 to 8, is accepted.
 *
 * @param length the number of data bytes, 0 to 8
 * @param data   the data bytes, byte 0 in the least significant eight bits
 */
public record VictronIdentity(int length, long data) implements InverterMessage {

    /** The CAN id, 0x307. */
    public static final int ID = 0x307;
    /** The smallest DLC accepted: none. */
    public static final int MIN_LENGTH = 0;
    /** What a Victron GX sends: {@code 12 34 56 78 56 49 43 00}. */
    public static final VictronIdentity VICTRON = new VictronIdentity(8, 0x0043_4956_7856_3412L);

    private static final long SIGNATURE = 0x0043_4956_7856_3412L;
    private static final long SIGNATURE_MASK = 0x00FF_FFFF_FFFF_FFFFL;

    /**
     * Checks the components.
     *
     * @param length the number of data bytes, 0 to 8
     * @param data   the data bytes, byte 0 in the least significant eight bits
     * @throws IllegalArgumentException if {@code length} is not 0 to 8 or {@code data} has bits beyond it
     */
    public VictronIdentity {
        Wire.checkLength(length, MIN_LENGTH, "VictronIdentity");
        Wire.checkBytesWithin(data, 0, length, "VictronIdentity", "data");
    }

    /**
     * Whether bytes 0-6 are Victron's signature {@code 12 34 56 78 'V' 'I' 'C'} (byte 7 is not looked at).
     *
     * @return true if the frame carries Victron's signature
     */
    public boolean isVictron() {
        return length >= 7 && (data & SIGNATURE_MASK) == SIGNATURE;
    }

    @Override
    public int canId() {
        return ID;
    }

    static VictronIdentity decode(CanFrame frame) {
        return new VictronIdentity(frame.length(), frame.payload());
    }

    CanFrame encode() {
        return new CanFrame(ID, length, data);
    }
}

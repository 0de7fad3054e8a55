package io.pylon4j.can;

/**
 * 0x307 from an SMA Sunny Island, inverter to battery: the state of its relays, bit-coded ([SMA] §6; docs/protocol.md §1.4).
 *
 * <p>Layout: bytes 0-1 relay state, u16, one bit a relay; further bytes are kept in {@link #reserved()}. A Victron GX
 * identifies itself on 0x307 ({@link VictronIdentity}); the codec decodes 0x307 to this record only under
 * {@link CanProfile.InverterFrames#SMA}.
 *
 * <p>DLC: at least 2 ({@link #MIN_LENGTH}).
 *
 * @param relayState the relay bits, 0 to 65535
 * @param length     the DLC, 2 to 8
 * @param reserved   bytes 2 to {@code length - 1}, in their wire positions
 */
public record SmaRelayState(int relayState, int length, long reserved) implements InverterMessage {

    /** The CAN id, 0x307. */
    public static final int ID = 0x307;
    /** The smallest DLC accepted: the relay bits. */
    public static final int MIN_LENGTH = 2;

    /**
     * Checks every component against its wire range.
     *
     * @param relayState the relay bits, 0 to 65535
     * @param length     the DLC, 2 to 8
     * @param reserved   bytes 2 to {@code length - 1}, in their wire positions
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public SmaRelayState {
        String type = "SmaRelayState";
        Wire.checkLength(length, MIN_LENGTH, type);
        Wire.checkU16(relayState, type, "relayState");
        Wire.checkBytesWithin(reserved, MIN_LENGTH, length, type, "reserved");
    }

    /**
     * Whether relay bit {@code bit} (0 to 15) is set.
     *
     * @param bit the relay bit, 0 (least significant) to 15
     * @return true if that bit of the relay state is 1
     * @throws IllegalArgumentException if {@code bit} is not 0 to 15
     */
    public boolean isSet(int bit) {
        if (bit < 0 || bit > 15) {
            throw new IllegalArgumentException("relay bit must be 0 to 15, was " + bit);
        }
        return (relayState >>> bit & 1) != 0;
    }

    @Override
    public int canId() {
        return ID;
    }

    static SmaRelayState decode(CanFrame frame) {
        long p = frame.payload();
        return new SmaRelayState(Wire.u16(p, 0), frame.length(), Wire.from(p, MIN_LENGTH));
    }

    CanFrame encode() {
        return new CanFrame(ID, length, Wire.put16(relayState, 0) | reserved);
    }
}

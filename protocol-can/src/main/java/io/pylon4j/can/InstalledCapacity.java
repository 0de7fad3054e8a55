package io.pylon4j.can;

/**
 * 0x379, battery to inverter: the installed capacity in Ah (docs/protocol.md §1.8). Sol-Ark expects it [SOLARK]; [ARMIN] sends
 * it for Luxpower inverters.
 *
 * <p>Layout: bytes 0-1 installed capacity, u16, 1 Ah; bytes 2-7 reserved. Sources: [SOLARK], [BROG], [ODTU], [DFCH]
 * (BYD: {@code 9C 00 ...} = 156 Ah).
 *
 * <p>DLC: at least 2 ({@link #MIN_LENGTH}; diyBMS sends 2), usually 8; bytes 2-7 are kept in {@link #reserved()}.
 *
 * @param installedCapacityAh the installed capacity in Ah, 0 to 65535
 * @param length              the DLC, 2 to 8
 * @param reserved            bytes 2 to {@code length - 1}, in their wire positions
 */
public record InstalledCapacity(int installedCapacityAh, int length, long reserved) implements BatteryMessage {

    /** The CAN id, 0x379. */
    public static final int ID = 0x379;
    /** The smallest DLC accepted: the capacity. */
    public static final int MIN_LENGTH = 2;

    /**
     * Checks every component against its wire range.
     *
     * @param installedCapacityAh the installed capacity in Ah, 0 to 65535
     * @param length              the DLC, 2 to 8
     * @param reserved            bytes 2 to {@code length - 1}, in their wire positions
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public InstalledCapacity {
        String type = "InstalledCapacity";
        Wire.checkLength(length, MIN_LENGTH, type);
        Wire.checkU16(installedCapacityAh, type, "installedCapacityAh");
        Wire.checkBytesWithin(reserved, MIN_LENGTH, length, type, "reserved");
    }

    /**
     * The capacity as an 8-byte frame (bytes 2-7 zero), as Sol-Ark requires.
     *
     * @param installedCapacityAh the installed capacity in Ah, 0 to 65535
     */
    public InstalledCapacity(int installedCapacityAh) {
        this(installedCapacityAh, 8, 0);
    }

    @Override
    public int canId() {
        return ID;
    }

    static InstalledCapacity decode(CanFrame frame) {
        long p = frame.payload();
        return new InstalledCapacity(Wire.u16(p, 0), frame.length(), Wire.from(p, MIN_LENGTH));
    }

    CanFrame encode() {
        return new CanFrame(ID, length, Wire.put16(installedCapacityAh, 0) | reserved);
    }
}

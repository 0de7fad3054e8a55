package io.pylon4j.can;

import java.util.OptionalInt;

/**
 * 0x372, battery to inverter (Victron style): how many modules of the bank are online, blocking charge, blocking
 * discharge and offline (docs/protocol.md §1.6, §1.8).
 *
 * <table>
 *   <caption>0x372 layout, little-endian u16 counts</caption>
 *   <tr><th>bytes</th><th>field</th></tr>
 *   <tr><td>0-1</td><td>modules online</td></tr>
 *   <tr><td>2-3</td><td>modules blocking charge, optional</td></tr>
 *   <tr><td>4-5</td><td>modules blocking discharge, optional</td></tr>
 *   <tr><td>6-7</td><td>modules offline, optional</td></tr>
 * </table>
 *
 * <p>Sources: [BROG], [ODTU], [DIY], [OSE]. BYD sends {@code 02 00 00 00 00 00 00 00} in steady state and
 * {@code 02 00 02 00 01 00 00 00} just after power-up, for which [DFCH] guesses another order; this record reads
 * both with the order above.
 *
 * <p>DLC: at least 2 ({@link #MIN_LENGTH}). Counts the DLC does not hold read {@link #NOT_SENT}; the last byte of an
 * odd DLC is kept in {@link #reserved()}.
 *
 * @param modulesOnline            modules online, 0 to 65535
 * @param modulesBlockingCharge    modules blocking charge, 0 to 65535, or {@link #NOT_SENT} below DLC 4
 * @param modulesBlockingDischarge modules blocking discharge, 0 to 65535, or {@link #NOT_SENT} below DLC 6
 * @param modulesOffline           modules offline, 0 to 65535, or {@link #NOT_SENT} below DLC 8
 * @param length                   the DLC, 2 to 8
 * @param reserved                 the last byte of an odd DLC, in its wire position
 */
public record ModuleCounts(int modulesOnline, int modulesBlockingCharge, int modulesBlockingDischarge,
        int modulesOffline, int length, long reserved) implements BatteryMessage {

    /** The CAN id, 0x372. */
    public static final int ID = 0x372;
    /** The smallest DLC accepted: the number of modules online. */
    public static final int MIN_LENGTH = 2;

    /**
     * Checks every component against its wire range.
     *
     * @param modulesOnline            modules online, 0 to 65535
     * @param modulesBlockingCharge    modules blocking charge, 0 to 65535, or {@link #NOT_SENT} below DLC 4
     * @param modulesBlockingDischarge modules blocking discharge, 0 to 65535, or {@link #NOT_SENT} below DLC 6
     * @param modulesOffline           modules offline, 0 to 65535, or {@link #NOT_SENT} below DLC 8
     * @param length                   the DLC, 2 to 8
     * @param reserved                 the last byte of an odd DLC, in its wire position
     * @throws IllegalArgumentException if a value does not fit its wire field, or an optional count's presence does
     *                                  not match {@code length}
     */
    public ModuleCounts {
        String type = "ModuleCounts";
        Wire.checkLength(length, MIN_LENGTH, type);
        Wire.checkU16(modulesOnline, type, "modulesOnline");
        Wire.checkOptionalU16(modulesBlockingCharge, length >= 4, type, "modulesBlockingCharge", 4);
        Wire.checkOptionalU16(modulesBlockingDischarge, length >= 6, type, "modulesBlockingDischarge", 6);
        Wire.checkOptionalU16(modulesOffline, length >= 8, type, "modulesOffline", 8);
        Wire.checkBytesWithin(reserved, length & ~1, length, type, "reserved");
    }

    /**
     * The counts as a frame of DLC 8, or shorter when the last counts are {@link #NOT_SENT} ([DIY] sends only the
     * first).
     *
     * @param modulesOnline            modules online, 0 to 65535
     * @param modulesBlockingCharge    modules blocking charge, 0 to 65535, or {@link #NOT_SENT} below DLC 4
     * @param modulesBlockingDischarge modules blocking discharge, 0 to 65535, or {@link #NOT_SENT} below DLC 6
     * @param modulesOffline           modules offline, 0 to 65535, or {@link #NOT_SENT} below DLC 8
     * @throws IllegalArgumentException if a count does not fit a u16, or a count is given after one not sent
     */
    public ModuleCounts(int modulesOnline, int modulesBlockingCharge, int modulesBlockingDischarge,
            int modulesOffline) {
        this(modulesOnline, modulesBlockingCharge, modulesBlockingDischarge, modulesOffline,
                modulesOffline != NOT_SENT ? 8 : modulesBlockingDischarge != NOT_SENT ? 6
                        : modulesBlockingCharge != NOT_SENT ? 4 : 2, 0);
    }

    /**
     * The number of modules blocking charge, or empty when the frame did not carry it.
     *
     * @return the count of modules that refuse charge, or empty when the frame did not carry it (never a made-up 0)
     */
    public OptionalInt blockingCharge() {
        return optional(modulesBlockingCharge);
    }

    /**
     * The number of modules blocking discharge, or empty when the frame did not carry it.
     *
     * @return the count of modules that refuse discharge, or empty when the frame did not carry it (never a made-up 0)
     */
    public OptionalInt blockingDischarge() {
        return optional(modulesBlockingDischarge);
    }

    /**
     * The number of modules offline, or empty when the frame did not carry it.
     *
     * @return the count of modules not answering, or empty when the frame did not carry it (never a made-up 0)
     */
    public OptionalInt offline() {
        return optional(modulesOffline);
    }

    @Override
    public int canId() {
        return ID;
    }

    private static OptionalInt optional(int value) {
        return value == NOT_SENT ? OptionalInt.empty() : OptionalInt.of(value);
    }

    static ModuleCounts decode(CanFrame frame) {
        long p = frame.payload();
        int n = frame.length();
        return new ModuleCounts(Wire.u16(p, 0), n >= 4 ? Wire.u16(p, 2) : NOT_SENT,
                n >= 6 ? Wire.u16(p, 4) : NOT_SENT, n >= 8 ? Wire.u16(p, 6) : NOT_SENT, n, Wire.from(p, n & ~1));
    }

    CanFrame encode() {
        long p = Wire.put16(modulesOnline, 0) | reserved;
        if (length >= 4) {
            p |= Wire.put16(modulesBlockingCharge, 2);
        }
        if (length >= 6) {
            p |= Wire.put16(modulesBlockingDischarge, 4);
        }
        if (length >= 8) {
            p |= Wire.put16(modulesOffline, 6);
        }
        return new CanFrame(ID, length, p);
    }
}

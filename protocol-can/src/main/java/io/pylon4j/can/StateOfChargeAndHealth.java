package io.pylon4j.can;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * 0x355, battery to inverter: state of charge and state of health, of one module or the stack average (docs/protocol.md §1.2,
 * §1.7).
 *
 * <table>
 *   <caption>0x355 layout, little-endian</caption>
 *   <tr><th>bytes</th><th>field</th><th>type</th><th>unit</th><th>source</th></tr>
 *   <tr><td>0-1</td><td>SOC</td><td>u16</td><td>1 %</td><td>[CAN12]</td></tr>
 *   <tr><td>2-3</td><td>SOH, optional</td><td>u16</td><td>1 %</td><td>[CAN12]</td></tr>
 *   <tr><td>4-5</td><td>high-resolution SOC, optional</td><td>u16</td><td>0.01 %</td>
 *       <td>[SMA]; V1.3 firmware sends {@code 00 00} [SFL13]</td></tr>
 * </table>
 *
 * <p>DLC: at least 2 ({@link #MIN_LENGTH}). Pylontech V1.2 firmware sends 4 ({@code 58 00 5E 00} = SOC 88 %, SOH 94 %
 * [SFL13]), V1.3 firmware 6, BYD 8 ({@code 43 00 64 00 00 00 00 00} [DFCH]); diyBMS in Victron mode sends only the
 * SOC, DLC 2 (diyBMSv4ESP32 {@code victron_canbus.cpp}). Fields the DLC does not hold read {@link #NOT_SENT}; bytes
 * beyond the layout (bytes 6-7 of an 8-byte frame, byte 2 or 4 of an odd one) are kept in {@link #reserved()}.
 *
 * @param socPercent                    SOC in %, 0 to 65535 as on the wire
 * @param sohPercent                    SOH in %, 0 to 65535, or {@link #NOT_SENT} exactly when {@code length} is below 4
 * @param highResolutionSocCentiPercent SOC in 0.01 %, 0 to 65535, or {@link #NOT_SENT} exactly when {@code length} is
 *                                      below 6
 * @param length                        the DLC, 2 to 8
 * @param reserved                      data bytes this layout leaves undefined, in their wire positions
 */
public record StateOfChargeAndHealth(int socPercent, int sohPercent, int highResolutionSocCentiPercent, int length,
        long reserved) implements BatteryMessage {

    /** The CAN id, 0x355. */
    public static final int ID = 0x355;
    /** The smallest DLC accepted: the SOC alone. */
    public static final int MIN_LENGTH = 2;

    /**
     * Checks every component against its wire range.
     *
     * @param socPercent                    SOC in %, 0 to 65535 as on the wire
     * @param sohPercent                    SOH in %, 0 to 65535, or {@link #NOT_SENT} exactly when {@code length} is
     *                                      below 4
     * @param highResolutionSocCentiPercent SOC in 0.01 %, 0 to 65535, or {@link #NOT_SENT} exactly when {@code length}
     *                                      is below 6
     * @param length                        the DLC, 2 to 8
     * @param reserved                      data bytes this layout leaves undefined, in their wire positions
     * @throws IllegalArgumentException if a value does not fit its wire field, or an optional field's presence does
     *                                  not match {@code length}
     */
    public StateOfChargeAndHealth {
        String type = "StateOfChargeAndHealth";
        Wire.checkLength(length, MIN_LENGTH, type);
        Wire.checkU16(socPercent, type, "socPercent");
        Wire.checkOptionalU16(sohPercent, length >= 4, type, "sohPercent", 4);
        Wire.checkOptionalU16(highResolutionSocCentiPercent, length >= 6, type, "highResolutionSocCentiPercent", 6);
        Wire.checkBytesWithin(reserved, layoutEnd(length), length, type, "reserved");
    }

    /**
     * SOC and SOH as Pylontech V1.2 firmware sends them, DLC 4 (DLC 2 when {@code sohPercent} is {@link #NOT_SENT}).
     *
     * @param socPercent SOC in %, 0 to 65535 as on the wire
     * @param sohPercent SOH in %, 0 to 65535, or {@link #NOT_SENT} for the shorter frame
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public StateOfChargeAndHealth(int socPercent, int sohPercent) {
        this(socPercent, sohPercent, NOT_SENT);
    }

    /**
     * SOC, SOH and the high-resolution SOC, DLC 6, as V1.3 firmware and SMA-style batteries send them; the DLC
     * shrinks to 4 or 2 when the last fields are {@link #NOT_SENT}.
     *
     * @param socPercent                    SOC in %, 0 to 65535 as on the wire
     * @param sohPercent                    SOH in %, 0 to 65535, or {@link #NOT_SENT} for the shorter frame
     * @param highResolutionSocCentiPercent SOC in 0.01 %, 0 to 65535, or {@link #NOT_SENT} for the shorter frame
     * @throws IllegalArgumentException if a value does not fit its wire field, or the high-resolution SOC is given
     *                                  without the SOH
     */
    public StateOfChargeAndHealth(int socPercent, int sohPercent, int highResolutionSocCentiPercent) {
        this(socPercent, sohPercent, highResolutionSocCentiPercent,
                highResolutionSocCentiPercent != NOT_SENT ? 6 : sohPercent != NOT_SENT ? 4 : 2, 0);
    }

    /**
     * Whether the frame carried the SOH (bytes 2-3).
     *
     * @return true if the DLC reaches bytes 2-3
     */
    public boolean hasSoh() {
        return sohPercent != NOT_SENT;
    }

    /**
     * The SOH in %, or empty when the frame did not carry it.
     *
     * @return the SOH in %, or empty when the frame did not carry it (never a made-up 0)
     */
    public OptionalInt soh() {
        return hasSoh() ? OptionalInt.of(sohPercent) : OptionalInt.empty();
    }

    /**
     * Whether the frame carried the high-resolution SOC (bytes 4-5).
     *
     * @return true if the DLC reaches bytes 4-5
     */
    public boolean hasHighResolutionSoc() {
        return highResolutionSocCentiPercent != NOT_SENT;
    }

    /**
     * The high-resolution SOC in % (88.25), or empty when the frame did not carry it.
     *
     * @return the SOC in %, from the wire's 0.01 %, or empty when the frame did not carry it (never a made-up 0)
     */
    public OptionalDouble highResolutionSocPercent() {
        return hasHighResolutionSoc() ? OptionalDouble.of(highResolutionSocCentiPercent / 100.0)
                : OptionalDouble.empty();
    }

    @Override
    public int canId() {
        return ID;
    }

    private static int layoutEnd(int length) {
        return length >= 6 ? 6 : length >= 4 ? 4 : 2;
    }

    static StateOfChargeAndHealth decode(CanFrame frame) {
        long p = frame.payload();
        int n = frame.length();
        return new StateOfChargeAndHealth(Wire.u16(p, 0), n >= 4 ? Wire.u16(p, 2) : NOT_SENT,
                n >= 6 ? Wire.u16(p, 4) : NOT_SENT, n, Wire.from(p, layoutEnd(n)));
    }

    CanFrame encode() {
        long p = Wire.put16(socPercent, 0) | reserved;
        if (length >= 4) {
            p |= Wire.put16(sohPercent, 2);
        }
        if (length >= 6) {
            p |= Wire.put16(highResolutionSocCentiPercent, 4);
        }
        return new CanFrame(ID, length, p);
    }
}

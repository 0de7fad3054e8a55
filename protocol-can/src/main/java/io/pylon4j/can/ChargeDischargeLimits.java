package io.pylon4j.can;

import java.util.OptionalDouble;

/**
 * 0x351, battery to inverter: the charge voltage limit and the charge and discharge current limits the inverter must
 * respect, and on real batteries the discharge (cut-off) voltage (docs/protocol.md §1.2; disagreements §1.11 items 1 and 2).
 *
 * <table>
 *   <caption>0x351 layout, little-endian</caption>
 *   <tr><th>bytes</th><th>field</th><th>type</th><th>unit</th><th>source</th></tr>
 *   <tr><td>0-1</td><td>charge voltage limit (CVL)</td><td>u16</td><td>0.1 V</td><td>[CAN12]</td></tr>
 *   <tr><td>2-3</td><td>charge current limit (CCL)</td><td>s16</td><td>0.1 A</td><td>[CAN12]</td></tr>
 *   <tr><td>4-5</td><td>discharge current limit (DCL)</td><td>s16</td><td>0.1 A</td><td>[CAN12]</td></tr>
 *   <tr><td>6-7</td><td>discharge voltage limit (DVL), optional</td><td>u16</td><td>0.1 V</td>
 *       <td>[SFL13], [SEPLOS], [SOLARK], [SMA]; blank in [CAN12]</td></tr>
 * </table>
 *
 * <p>DLC: at least 6 ({@link #MIN_LENGTH}). Real Pylontech batteries send 8 ({@code 14 02 C0 12 C0 12 C2 01} = 53.2 V,
 * 480.0 A, 480.0 A, 45.0 V [SFL13]); Battery-Emulator sends 6, without the discharge voltage [BE-LVCAN], which then
 * reads {@link #NOT_SENT}. A 7-byte frame has no discharge voltage either; its byte 6 is kept in {@link #reserved()}.
 *
 * <p>Signs are kept as on the wire. Real Pylontech batteries send both current limits as positive magnitudes; some
 * emulators send a negative discharge limit (diyBMS 2022, [JUAM]), which decodes negative here.
 *
 * @param chargeVoltageLimitDeciVolts    CVL in 0.1 V, 0 to 65535
 * @param chargeCurrentLimitDeciAmps     CCL in 0.1 A, -32768 to 32767
 * @param dischargeCurrentLimitDeciAmps  DCL in 0.1 A, -32768 to 32767
 * @param dischargeVoltageLimitDeciVolts DVL in 0.1 V, 0 to 65535, or {@link #NOT_SENT} exactly when {@code length} is
 *                                       below 8
 * @param length                         the DLC, 6 to 8
 * @param reserved                       data bytes this layout leaves undefined (byte 6 of a 7-byte frame), in their
 *                                       wire positions; 0 otherwise
 */
public record ChargeDischargeLimits(int chargeVoltageLimitDeciVolts, int chargeCurrentLimitDeciAmps,
        int dischargeCurrentLimitDeciAmps, int dischargeVoltageLimitDeciVolts, int length, long reserved)
        implements BatteryMessage {

    /** The CAN id, 0x351. */
    public static final int ID = 0x351;
    /** The smallest DLC accepted: CVL, CCL and DCL. */
    public static final int MIN_LENGTH = 6;

    /**
     * Checks every component against its wire range.
     *
     * @param chargeVoltageLimitDeciVolts    CVL in 0.1 V, 0 to 65535
     * @param chargeCurrentLimitDeciAmps     CCL in 0.1 A, -32768 to 32767
     * @param dischargeCurrentLimitDeciAmps  DCL in 0.1 A, -32768 to 32767
     * @param dischargeVoltageLimitDeciVolts DVL in 0.1 V, 0 to 65535, or {@link #NOT_SENT} exactly when {@code length}
     *                                       is below 8
     * @param length                         the DLC, 6 to 8
     * @param reserved                       data bytes this layout leaves undefined (byte 6 of a 7-byte frame), in
     *                                       their wire positions; 0 otherwise
     * @throws IllegalArgumentException if a value does not fit its wire field, or the discharge voltage's presence
     *                                  does not match {@code length}
     */
    public ChargeDischargeLimits {
        String type = "ChargeDischargeLimits";
        Wire.checkLength(length, MIN_LENGTH, type);
        Wire.checkU16(chargeVoltageLimitDeciVolts, type, "chargeVoltageLimitDeciVolts");
        Wire.checkS16(chargeCurrentLimitDeciAmps, type, "chargeCurrentLimitDeciAmps");
        Wire.checkS16(dischargeCurrentLimitDeciAmps, type, "dischargeCurrentLimitDeciAmps");
        Wire.checkOptionalU16(dischargeVoltageLimitDeciVolts, length >= 8, type, "dischargeVoltageLimitDeciVolts", 8);
        Wire.checkBytesWithin(reserved, layoutEnd(length), length, type, "reserved");
    }

    /**
     * The limits as a frame of 8 bytes, or of 6 when {@code dischargeVoltageLimitDeciVolts} is {@link #NOT_SENT}.
     *
     * @param chargeVoltageLimitDeciVolts    CVL in 0.1 V, 0 to 65535
     * @param chargeCurrentLimitDeciAmps     CCL in 0.1 A, -32768 to 32767
     * @param dischargeCurrentLimitDeciAmps  DCL in 0.1 A, -32768 to 32767
     * @param dischargeVoltageLimitDeciVolts DVL in 0.1 V, 0 to 65535, or {@link #NOT_SENT} for the shorter frame
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public ChargeDischargeLimits(int chargeVoltageLimitDeciVolts, int chargeCurrentLimitDeciAmps,
            int dischargeCurrentLimitDeciAmps, int dischargeVoltageLimitDeciVolts) {
        this(chargeVoltageLimitDeciVolts, chargeCurrentLimitDeciAmps, dischargeCurrentLimitDeciAmps,
                dischargeVoltageLimitDeciVolts, dischargeVoltageLimitDeciVolts == NOT_SENT ? 6 : 8, 0);
    }

    /**
     * The charge voltage limit in volts (53.2).
     *
     * @return CVL in V, from the wire's 0.1 V (docs/protocol.md §1.2)
     */
    public double chargeVoltageLimitVolts() {
        return chargeVoltageLimitDeciVolts / 10.0;
    }

    /**
     * The charge current limit in amperes, signed as on the wire (480.0).
     *
     * @return CCL in A, from the wire's 0.1 A; a negative value is passed on, not corrected
     */
    public double chargeCurrentLimitAmps() {
        return chargeCurrentLimitDeciAmps / 10.0;
    }

    /**
     * The discharge current limit in amperes, signed as on the wire (480.0 from real Pylontech batteries).
     *
     * @return DCL in A, from the wire's 0.1 A; a negative value is passed on, not corrected
     */
    public double dischargeCurrentLimitAmps() {
        return dischargeCurrentLimitDeciAmps / 10.0;
    }

    /**
     * Whether the frame carried the discharge voltage limit (bytes 6-7).
     *
     * @return true if the DLC is 8
     */
    public boolean hasDischargeVoltageLimit() {
        return dischargeVoltageLimitDeciVolts != NOT_SENT;
    }

    /**
     * The discharge voltage limit in volts (45.0), or empty when the frame did not carry it.
     *
     * @return DVL in V, from the wire's 0.1 V, or empty when the frame did not carry it (never a made-up 0)
     */
    public OptionalDouble dischargeVoltageLimitVolts() {
        return hasDischargeVoltageLimit() ? OptionalDouble.of(dischargeVoltageLimitDeciVolts / 10.0)
                : OptionalDouble.empty();
    }

    @Override
    public int canId() {
        return ID;
    }

    private static int layoutEnd(int length) {
        return length >= 8 ? 8 : 6;
    }

    static ChargeDischargeLimits decode(CanFrame frame) {
        long p = frame.payload();
        int n = frame.length();
        return new ChargeDischargeLimits(Wire.u16(p, 0), Wire.s16(p, 2), Wire.s16(p, 4),
                n >= 8 ? Wire.u16(p, 6) : NOT_SENT, n, Wire.from(p, layoutEnd(n)));
    }

    CanFrame encode() {
        long p = Wire.put16(chargeVoltageLimitDeciVolts, 0) | Wire.put16(chargeCurrentLimitDeciAmps, 2)
                | Wire.put16(dischargeCurrentLimitDeciAmps, 4) | reserved;
        if (length >= 8) {
            p |= Wire.put16(dischargeVoltageLimitDeciVolts, 6);
        }
        return new CanFrame(ID, length, p);
    }
}

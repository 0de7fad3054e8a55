package io.pylon4j.can;

/**
 * 0x306 from an SMA Sunny Island, inverter to battery: its view of the battery's health, its charging procedure and
 * operating state, its active error and its charge-voltage set-point ([SMA] §6; docs/protocol.md §1.4).
 *
 * <table>
 *   <caption>0x306 SMA layout, little-endian</caption>
 *   <tr><th>bytes</th><th>field</th><th>type</th><th>unit / values</th></tr>
 *   <tr><td>0-1</td><td>SOH</td><td>u16</td><td>1 %</td></tr>
 *   <tr><td>2</td><td>charging procedure</td><td>u8</td><td>10 when an external BMS controls charging</td></tr>
 *   <tr><td>3</td><td>operating state</td><td>u8</td><td>0 none, 1 operating, 3 warning, 4 failure</td></tr>
 *   <tr><td>4-5</td><td>active error number</td><td>u16</td><td></td></tr>
 *   <tr><td>6-7</td><td>charge-voltage set-point</td><td>u16</td><td>0.1 V</td></tr>
 * </table>
 *
 * <p>A Victron GX sends eight zero bytes on 0x306 ({@link VictronKeepAlive}); the codec decodes 0x306 to this record
 * only under {@link CanProfile.InverterFrames#SMA}.
 *
 * <p>DLC: 8 ({@link #MIN_LENGTH}).
 *
 * @param sohPercent                      the SOH in %, 0 to 65535
 * @param chargingProcedure               the charging procedure, 0 to 255
 * @param operatingState                  the operating state, 0 to 255
 * @param activeErrorNumber               the active error number, 0 to 65535
 * @param chargeVoltageSetpointDeciVolts  the charge-voltage set-point in 0.1 V, 0 to 65535
 */
public record SmaStatus(int sohPercent, int chargingProcedure, int operatingState, int activeErrorNumber,
        int chargeVoltageSetpointDeciVolts) implements InverterMessage {

    /** The CAN id, 0x306. */
    public static final int ID = 0x306;
    /** The smallest DLC accepted: all five values. */
    public static final int MIN_LENGTH = 8;
    /** {@link #chargingProcedure()} when an external BMS controls charging. */
    public static final int CHARGING_PROCEDURE_EXTERNAL_BMS = 10;
    /** {@link #operatingState()}: operating. */
    public static final int OPERATING_STATE_OPERATING = 1;
    /** {@link #operatingState()}: warning. */
    public static final int OPERATING_STATE_WARNING = 3;
    /** {@link #operatingState()}: failure. */
    public static final int OPERATING_STATE_FAILURE = 4;

    /**
     * Checks every component against its wire range.
     *
     * @param sohPercent                     the SOH in %, 0 to 65535
     * @param chargingProcedure              the charging procedure, 0 to 255
     * @param operatingState                 the operating state, 0 to 255
     * @param activeErrorNumber              the active error number, 0 to 65535
     * @param chargeVoltageSetpointDeciVolts the charge-voltage set-point in 0.1 V, 0 to 65535
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public SmaStatus {
        String type = "SmaStatus";
        Wire.checkU16(sohPercent, type, "sohPercent");
        Wire.checkU8(chargingProcedure, type, "chargingProcedure");
        Wire.checkU8(operatingState, type, "operatingState");
        Wire.checkU16(activeErrorNumber, type, "activeErrorNumber");
        Wire.checkU16(chargeVoltageSetpointDeciVolts, type, "chargeVoltageSetpointDeciVolts");
    }

    /**
     * The charge-voltage set-point in volts.
     *
     * @return the set-point in V, from the wire's 0.1 V
     */
    public double chargeVoltageSetpointVolts() {
        return chargeVoltageSetpointDeciVolts / 10.0;
    }

    @Override
    public int canId() {
        return ID;
    }

    static SmaStatus decode(CanFrame frame) {
        long p = frame.payload();
        return new SmaStatus(Wire.u16(p, 0), Wire.u8(p, 2), Wire.u8(p, 3), Wire.u16(p, 4), Wire.u16(p, 6));
    }

    CanFrame encode() {
        long p = Wire.put16(sohPercent, 0) | Wire.put8(chargingProcedure, 2) | Wire.put8(operatingState, 3)
                | Wire.put16(activeErrorNumber, 4) | Wire.put16(chargeVoltageSetpointDeciVolts, 6);
        return new CanFrame(ID, MIN_LENGTH, p);
    }
}

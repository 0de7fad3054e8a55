package io.pylon4j.can;

/**
 * 0x305 from an SMA Sunny Island, inverter to battery: the battery's voltage, current, temperature and SOC as the
 * Sunny Island measures them, read-only process values sent every second ([SMA] §6; docs/protocol.md §1.4).
 *
 * <table>
 *   <caption>0x305 SMA layout, little-endian</caption>
 *   <tr><th>bytes</th><th>field</th><th>type</th><th>unit</th></tr>
 *   <tr><td>0-1</td><td>battery voltage</td><td>u16</td><td>0.1 V</td></tr>
 *   <tr><td>2-3</td><td>battery current, <b>negative while charging</b> (SMA's sign, the opposite of 0x356)</td>
 *       <td>s16</td><td>0.1 A</td></tr>
 *   <tr><td>4-5</td><td>battery temperature</td><td>s16</td><td>0.1 °C</td></tr>
 *   <tr><td>6-7</td><td>SOC</td><td>s16</td><td>0.1 %</td></tr>
 * </table>
 *
 * <p>Other inverters send eight zero bytes on 0x305 ({@link InverterKeepAlive}); the codec decodes 0x305 to this
 * record only under {@link CanProfile.InverterFrames#SMA}.
 *
 * <p>DLC: 8 ({@link #MIN_LENGTH}).
 *
 * @param voltageDeciVolts       the battery voltage in 0.1 V, 0 to 65535
 * @param currentDeciAmps        the battery current in 0.1 A, -32768 to 32767, negative while charging
 * @param temperatureDeciCelsius the battery temperature in 0.1 °C, -32768 to 32767
 * @param socDeciPercent         the SOC in 0.1 %, -32768 to 32767
 */
public record SmaMeasurements(int voltageDeciVolts, int currentDeciAmps, int temperatureDeciCelsius,
        int socDeciPercent) implements InverterMessage {

    /** The CAN id, 0x305. */
    public static final int ID = 0x305;
    /** The smallest DLC accepted: all four values. */
    public static final int MIN_LENGTH = 8;

    /**
     * Checks every component against its wire range.
     *
     * @param voltageDeciVolts       the battery voltage in 0.1 V, 0 to 65535
     * @param currentDeciAmps        the battery current in 0.1 A, -32768 to 32767, negative while charging
     * @param temperatureDeciCelsius the battery temperature in 0.1 °C, -32768 to 32767
     * @param socDeciPercent         the SOC in 0.1 %, -32768 to 32767
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public SmaMeasurements {
        String type = "SmaMeasurements";
        Wire.checkU16(voltageDeciVolts, type, "voltageDeciVolts");
        Wire.checkS16(currentDeciAmps, type, "currentDeciAmps");
        Wire.checkS16(temperatureDeciCelsius, type, "temperatureDeciCelsius");
        Wire.checkS16(socDeciPercent, type, "socDeciPercent");
    }

    /**
     * The battery voltage in volts.
     *
     * @return the voltage in V, from the wire's 0.1 V
     */
    public double voltageVolts() {
        return voltageDeciVolts / 10.0;
    }

    /**
     * The battery current in amperes, negative while charging.
     *
     * @return the current in A, from the wire's 0.1 A, in SMA's sign (the opposite of 0x356)
     */
    public double currentAmps() {
        return currentDeciAmps / 10.0;
    }

    /**
     * The battery temperature in °C.
     *
     * @return the temperature in °C, from the wire's 0.1 °C
     */
    public double temperatureCelsius() {
        return temperatureDeciCelsius / 10.0;
    }

    /**
     * The SOC in %.
     *
     * @return the SOC in %, from the wire's 0.1 %
     */
    public double socPercent() {
        return socDeciPercent / 10.0;
    }

    @Override
    public int canId() {
        return ID;
    }

    static SmaMeasurements decode(CanFrame frame) {
        long p = frame.payload();
        return new SmaMeasurements(Wire.u16(p, 0), Wire.s16(p, 2), Wire.s16(p, 4), Wire.s16(p, 6));
    }

    CanFrame encode() {
        long p = Wire.put16(voltageDeciVolts, 0) | Wire.put16(currentDeciAmps, 2)
                | Wire.put16(temperatureDeciCelsius, 4) | Wire.put16(socDeciPercent, 6);
        return new CanFrame(ID, MIN_LENGTH, p);
    }
}

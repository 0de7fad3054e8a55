package io.pylon4j.can;

/**
 * 0x370 in the "PYLON+" set, battery to inverter: the extreme cell temperatures and voltages (docs/protocol.md §1.8;
 * disagreement §1.11 item 8).
 *
 * <table>
 *   <caption>0x370 "PYLON+" layout, little-endian</caption>
 *   <tr><th>bytes</th><th>field</th><th>type</th><th>unit</th></tr>
 *   <tr><td>0-1</td><td>highest cell temperature</td><td>s16</td><td>0.1 °C</td></tr>
 *   <tr><td>2-3</td><td>lowest cell temperature</td><td>s16</td><td>0.1 °C</td></tr>
 *   <tr><td>4-5</td><td>highest cell voltage</td><td>u16</td><td>mV</td></tr>
 *   <tr><td>6-7</td><td>lowest cell voltage</td><td>u16</td><td>mV</td></tr>
 * </table>
 *
 * <p>Sources: [SEPLOS] (which labels the voltages "0.1degC", evidently a copy error: observed values are mV), [OSE],
 * [AIR-BMS-CAN], an Eco-Worthy capture. Victron-style batteries send a text name on the same id instead
 * ({@link BmsNamePart1}); the codec decodes 0x370 to this record under
 * {@link CanProfile.Frames370And371#PYLON_PLUS_NUMERIC}, the default.
 *
 * <p>DLC: 8 ({@link #MIN_LENGTH}).
 *
 * @param maxCellTemperatureDeciCelsius the highest cell temperature in 0.1 °C, -32768 to 32767
 * @param minCellTemperatureDeciCelsius the lowest cell temperature in 0.1 °C, -32768 to 32767
 * @param maxCellVoltageMilliVolts      the highest cell voltage in mV, 0 to 65535
 * @param minCellVoltageMilliVolts      the lowest cell voltage in mV, 0 to 65535
 */
public record PylonPlusCellExtremes(int maxCellTemperatureDeciCelsius, int minCellTemperatureDeciCelsius,
        int maxCellVoltageMilliVolts, int minCellVoltageMilliVolts) implements BatteryMessage {

    /** The CAN id, 0x370. */
    public static final int ID = 0x370;
    /** The smallest DLC accepted: all four fields. */
    public static final int MIN_LENGTH = 8;

    /**
     * Checks every component against its wire range.
     *
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public PylonPlusCellExtremes {
        String type = "PylonPlusCellExtremes";
        Wire.checkS16(maxCellTemperatureDeciCelsius, type, "maxCellTemperatureDeciCelsius");
        Wire.checkS16(minCellTemperatureDeciCelsius, type, "minCellTemperatureDeciCelsius");
        Wire.checkU16(maxCellVoltageMilliVolts, type, "maxCellVoltageMilliVolts");
        Wire.checkU16(minCellVoltageMilliVolts, type, "minCellVoltageMilliVolts");
    }

    /** The highest cell temperature in °C. */
    public double maxCellTemperatureCelsius() {
        return maxCellTemperatureDeciCelsius / 10.0;
    }

    /** The lowest cell temperature in °C. */
    public double minCellTemperatureCelsius() {
        return minCellTemperatureDeciCelsius / 10.0;
    }

    /** The highest cell voltage in volts. */
    public double maxCellVoltageVolts() {
        return maxCellVoltageMilliVolts / 1000.0;
    }

    /** The lowest cell voltage in volts. */
    public double minCellVoltageVolts() {
        return minCellVoltageMilliVolts / 1000.0;
    }

    @Override
    public int canId() {
        return ID;
    }

    static PylonPlusCellExtremes decode(CanFrame frame) {
        Wire.requireLength(frame, MIN_LENGTH, "PylonPlusCellExtremes");
        long p = frame.payload();
        return new PylonPlusCellExtremes(Wire.s16(p, 0), Wire.s16(p, 2), Wire.u16(p, 4), Wire.u16(p, 6));
    }

    CanFrame encode() {
        long p = Wire.put16(maxCellTemperatureDeciCelsius, 0) | Wire.put16(minCellTemperatureDeciCelsius, 2)
                | Wire.put16(maxCellVoltageMilliVolts, 4) | Wire.put16(minCellVoltageMilliVolts, 6);
        return new CanFrame(ID, MIN_LENGTH, p);
    }
}

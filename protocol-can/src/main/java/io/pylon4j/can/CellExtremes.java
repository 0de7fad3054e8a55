package io.pylon4j.can;

/**
 * 0x373, battery to inverter (Victron style): the lowest and highest cell voltage and cell temperature (docs/protocol.md §1.8).
 *
 * <table>
 *   <caption>0x373 layout, little-endian u16</caption>
 *   <tr><th>bytes</th><th>field</th><th>unit</th></tr>
 *   <tr><td>0-1</td><td>lowest cell voltage</td><td>mV</td></tr>
 *   <tr><td>2-3</td><td>highest cell voltage</td><td>mV</td></tr>
 *   <tr><td>4-5</td><td>lowest cell temperature</td><td>K</td></tr>
 *   <tr><td>6-7</td><td>highest cell temperature</td><td>K</td></tr>
 * </table>
 *
 * <p>Sources: [MGLV] (1 K), [BROG] (K - 273.15), [ODTU] (K - 273), [ARMIN] (+273), [DFCH]. Temperatures are whole
 * kelvins on the wire; {@link #minCellTemperatureCelsius()} subtracts 273.15. BYD's {@code EA 0C 01 0D 1F 01 22 01}
 * is 3.306 V, 3.329 V, 287 K (13.85 °C) and 290 K (16.85 °C); the source's own "15 / 18 degC" do not follow from
 * its raw values by any offset its neighbours use.
 *
 * <p>DLC: 8 ({@link #MIN_LENGTH}).
 *
 * @param minCellVoltageMilliVolts   the lowest cell voltage in mV, 0 to 65535
 * @param maxCellVoltageMilliVolts   the highest cell voltage in mV, 0 to 65535
 * @param minCellTemperatureKelvin   the lowest cell temperature in K, 0 to 65535
 * @param maxCellTemperatureKelvin   the highest cell temperature in K, 0 to 65535
 */
public record CellExtremes(int minCellVoltageMilliVolts, int maxCellVoltageMilliVolts, int minCellTemperatureKelvin,
        int maxCellTemperatureKelvin) implements BatteryMessage {

    /** The CAN id, 0x373. */
    public static final int ID = 0x373;
    /** The smallest DLC accepted: all four fields. */
    public static final int MIN_LENGTH = 8;

    /**
     * Checks every component against its wire range.
     *
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public CellExtremes {
        String type = "CellExtremes";
        Wire.checkU16(minCellVoltageMilliVolts, type, "minCellVoltageMilliVolts");
        Wire.checkU16(maxCellVoltageMilliVolts, type, "maxCellVoltageMilliVolts");
        Wire.checkU16(minCellTemperatureKelvin, type, "minCellTemperatureKelvin");
        Wire.checkU16(maxCellTemperatureKelvin, type, "maxCellTemperatureKelvin");
    }

    /** The lowest cell voltage in volts (3.306). */
    public double minCellVoltageVolts() {
        return minCellVoltageMilliVolts / 1000.0;
    }

    /** The highest cell voltage in volts (3.329). */
    public double maxCellVoltageVolts() {
        return maxCellVoltageMilliVolts / 1000.0;
    }

    /** The lowest cell temperature in °C: kelvins minus 273.15 (13.85). */
    public double minCellTemperatureCelsius() {
        return (minCellTemperatureKelvin * 100 - 27315) / 100.0;
    }

    /** The highest cell temperature in °C: kelvins minus 273.15 (16.85). */
    public double maxCellTemperatureCelsius() {
        return (maxCellTemperatureKelvin * 100 - 27315) / 100.0;
    }

    @Override
    public int canId() {
        return ID;
    }

    static CellExtremes decode(CanFrame frame) {
        Wire.requireLength(frame, MIN_LENGTH, "CellExtremes");
        long p = frame.payload();
        return new CellExtremes(Wire.u16(p, 0), Wire.u16(p, 2), Wire.u16(p, 4), Wire.u16(p, 6));
    }

    CanFrame encode() {
        long p = Wire.put16(minCellVoltageMilliVolts, 0) | Wire.put16(maxCellVoltageMilliVolts, 2)
                | Wire.put16(minCellTemperatureKelvin, 4) | Wire.put16(maxCellTemperatureKelvin, 6);
        return new CanFrame(ID, MIN_LENGTH, p);
    }
}

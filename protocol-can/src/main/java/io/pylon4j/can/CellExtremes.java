package io.pylon4j.can;

import java.util.OptionalDouble;

/**
 * 0x373, battery to inverter (Victron style): the lowest and highest cell voltage and cell temperature (docs/protocol.md §1.8).
 *
 * <table>
 *   <caption>0x373 layout, little-endian u16</caption>
 *   <tr><th>bytes</th><th>field</th><th>unit</th></tr>
 *   <tr><td>0-1</td><td>lowest cell voltage</td><td>mV</td></tr>
 *   <tr><td>2-3</td><td>highest cell voltage, optional</td><td>mV</td></tr>
 *   <tr><td>4-5</td><td>lowest cell temperature, optional</td><td>K</td></tr>
 *   <tr><td>6-7</td><td>highest cell temperature, optional</td><td>K</td></tr>
 * </table>
 *
 * <p>Sources: [MGLV] (1 K), [BROG] (K - 273.15), [ODTU] (K - 273), [ARMIN] (+273), [DFCH]. Temperatures are whole
 * kelvins on the wire; {@link #minCellTemperatureCelsius()} subtracts 273.15. BYD's {@code EA 0C 01 0D 1F 01 22 01}
 * is 3.306 V, 3.329 V, 287 K (13.85 °C) and 290 K (16.85 °C); the source's own "15 / 18 degC" do not follow from
 * its raw values by any offset its neighbours use.
 *
 * <p>DLC: at least 2 ({@link #MIN_LENGTH}). Every source draws 8 bytes, but each field is a whole u16 that needs none
 * of the others, so a shorter frame decodes (docs/protocol.md §4: "never require bytes beyond the DLC"): the fields it
 * leaves out read {@link #NOT_SENT} and their {@code Optional} accessors are empty; the last byte of an odd DLC is kept
 * in {@link #reserved()}.
 *
 * @param minCellVoltageMilliVolts the lowest cell voltage in mV, 0 to 65535
 * @param maxCellVoltageMilliVolts the highest cell voltage in mV, 0 to 65535, or {@link #NOT_SENT} below DLC 4
 * @param minCellTemperatureKelvin the lowest cell temperature in K, 0 to 65535, or {@link #NOT_SENT} below DLC 6
 * @param maxCellTemperatureKelvin the highest cell temperature in K, 0 to 65535, or {@link #NOT_SENT} below DLC 8
 * @param length                   the DLC, 2 to 8
 * @param reserved                 the last byte of an odd DLC, in its wire position
 */
public record CellExtremes(int minCellVoltageMilliVolts, int maxCellVoltageMilliVolts, int minCellTemperatureKelvin,
        int maxCellTemperatureKelvin, int length, long reserved) implements BatteryMessage {

    /** The CAN id, 0x373. */
    public static final int ID = 0x373;
    /** The smallest DLC accepted: the lowest cell voltage. */
    public static final int MIN_LENGTH = 2;

    /**
     * Checks every component against its wire range.
     *
     * @param minCellVoltageMilliVolts the lowest cell voltage in mV, 0 to 65535
     * @param maxCellVoltageMilliVolts the highest cell voltage in mV, 0 to 65535, or {@link #NOT_SENT} below DLC 4
     * @param minCellTemperatureKelvin the lowest cell temperature in K, 0 to 65535, or {@link #NOT_SENT} below DLC 6
     * @param maxCellTemperatureKelvin the highest cell temperature in K, 0 to 65535, or {@link #NOT_SENT} below DLC 8
     * @param length                   the DLC, 2 to 8
     * @param reserved                 the last byte of an odd DLC, in its wire position
     * @throws IllegalArgumentException if a value does not fit its wire field, or an optional field's presence does
     *                                  not match {@code length}
     */
    public CellExtremes {
        String type = "CellExtremes";
        Wire.checkLength(length, MIN_LENGTH, type);
        Wire.checkU16(minCellVoltageMilliVolts, type, "minCellVoltageMilliVolts");
        Wire.checkOptionalU16(maxCellVoltageMilliVolts, length >= 4, type, "maxCellVoltageMilliVolts", 4);
        Wire.checkOptionalU16(minCellTemperatureKelvin, length >= 6, type, "minCellTemperatureKelvin", 6);
        Wire.checkOptionalU16(maxCellTemperatureKelvin, length >= 8, type, "maxCellTemperatureKelvin", 8);
        Wire.checkBytesWithin(reserved, length & ~1, length, type, "reserved");
    }

    /**
     * All four fields, a frame of 8 bytes.
     *
     * @param minCellVoltageMilliVolts the lowest cell voltage in mV, 0 to 65535
     * @param maxCellVoltageMilliVolts the highest cell voltage in mV, 0 to 65535, or {@link #NOT_SENT} below DLC 4
     * @param minCellTemperatureKelvin the lowest cell temperature in K, 0 to 65535, or {@link #NOT_SENT} below DLC 6
     * @param maxCellTemperatureKelvin the highest cell temperature in K, 0 to 65535, or {@link #NOT_SENT} below DLC 8
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public CellExtremes(int minCellVoltageMilliVolts, int maxCellVoltageMilliVolts, int minCellTemperatureKelvin,
            int maxCellTemperatureKelvin) {
        this(minCellVoltageMilliVolts, maxCellVoltageMilliVolts, minCellTemperatureKelvin, maxCellTemperatureKelvin,
                8, 0);
    }

    /**
     * The lowest cell voltage in volts (3.306).
     *
     * @return the voltage in V, from the wire's 1 mV
     */
    public double minCellVoltageVolts() {
        return minCellVoltageMilliVolts / 1000.0;
    }

    /**
     * The highest cell voltage in volts (3.329), or empty when the frame did not carry it.
     *
     * @return the voltage in V, from the wire's 1 mV, or empty when the frame did not carry it (never a made-up 0)
     */
    public OptionalDouble maxCellVoltageVolts() {
        return maxCellVoltageMilliVolts == NOT_SENT ? OptionalDouble.empty()
                : OptionalDouble.of(maxCellVoltageMilliVolts / 1000.0);
    }

    /**
     * The lowest cell temperature in °C: kelvins minus 273.15 (13.85), or empty when the frame did not carry it.
     *
     * @return the temperature in °C, or empty when the frame did not carry it (never a made-up 0)
     */
    public OptionalDouble minCellTemperatureCelsius() {
        return celsius(minCellTemperatureKelvin);
    }

    /**
     * The highest cell temperature in °C: kelvins minus 273.15 (16.85), or empty when the frame did not carry it.
     *
     * @return the temperature in °C, or empty when the frame did not carry it (never a made-up 0)
     */
    public OptionalDouble maxCellTemperatureCelsius() {
        return celsius(maxCellTemperatureKelvin);
    }

    @Override
    public int canId() {
        return ID;
    }

    private static OptionalDouble celsius(int kelvin) {
        return kelvin == NOT_SENT ? OptionalDouble.empty() : OptionalDouble.of((kelvin * 100 - 27315) / 100.0);
    }

    static CellExtremes decode(CanFrame frame) {
        long p = frame.payload();
        int n = frame.length();
        return new CellExtremes(Wire.u16(p, 0), n >= 4 ? Wire.u16(p, 2) : NOT_SENT,
                n >= 6 ? Wire.u16(p, 4) : NOT_SENT, n >= 8 ? Wire.u16(p, 6) : NOT_SENT, n, Wire.from(p, n & ~1));
    }

    CanFrame encode() {
        long p = Wire.put16(minCellVoltageMilliVolts, 0) | reserved;
        if (length >= 4) {
            p |= Wire.put16(maxCellVoltageMilliVolts, 2);
        }
        if (length >= 6) {
            p |= Wire.put16(minCellTemperatureKelvin, 4);
        }
        if (length >= 8) {
            p |= Wire.put16(maxCellTemperatureKelvin, 6);
        }
        return new CanFrame(ID, length, p);
    }
}

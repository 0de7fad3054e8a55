package io.pylon4j.can;

import java.util.OptionalDouble;

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
 * <p>DLC: at least 2 ({@link #MIN_LENGTH}). The sources draw 8 bytes, but each field is a whole 16-bit value that
 * needs none of the others (docs/protocol.md §4: "never require bytes beyond the DLC"): the fields a shorter frame
 * leaves out read {@link #NOT_SENT} and their {@code Optional} accessors are empty; the last byte of an odd DLC is
 * kept in {@link #reserved()}.
 *
 * @param maxCellTemperatureDeciCelsius the highest cell temperature in 0.1 °C, -32768 to 32767
 * @param minCellTemperatureDeciCelsius the lowest cell temperature in 0.1 °C, -32768 to 32767, or {@link #NOT_SENT}
 *                                      below DLC 4
 * @param maxCellVoltageMilliVolts      the highest cell voltage in mV, 0 to 65535, or {@link #NOT_SENT} below DLC 6
 * @param minCellVoltageMilliVolts      the lowest cell voltage in mV, 0 to 65535, or {@link #NOT_SENT} below DLC 8
 * @param length                        the DLC, 2 to 8
 * @param reserved                      the last byte of an odd DLC, in its wire position
 */
public record PylonPlusCellExtremes(int maxCellTemperatureDeciCelsius, int minCellTemperatureDeciCelsius,
        int maxCellVoltageMilliVolts, int minCellVoltageMilliVolts, int length, long reserved)
        implements BatteryMessage {

    /** The CAN id, 0x370. */
    public static final int ID = 0x370;
    /** The smallest DLC accepted: the highest cell temperature. */
    public static final int MIN_LENGTH = 2;

    /**
     * Checks every component against its wire range.
     *
     * @param maxCellTemperatureDeciCelsius the highest cell temperature in 0.1 °C, -32768 to 32767
     * @param minCellTemperatureDeciCelsius the lowest cell temperature in 0.1 °C, -32768 to 32767, or {@link #NOT_SENT}
     *                                      below DLC 4
     * @param maxCellVoltageMilliVolts      the highest cell voltage in mV, 0 to 65535, or {@link #NOT_SENT} below DLC 6
     * @param minCellVoltageMilliVolts      the lowest cell voltage in mV, 0 to 65535, or {@link #NOT_SENT} below DLC 8
     * @param length                        the DLC, 2 to 8
     * @param reserved                      the last byte of an odd DLC, in its wire position
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public PylonPlusCellExtremes {
        String type = "PylonPlusCellExtremes";
        Wire.checkLength(length, MIN_LENGTH, type);
        Wire.checkS16(maxCellTemperatureDeciCelsius, type, "maxCellTemperatureDeciCelsius");
        Wire.checkOptionalS16(minCellTemperatureDeciCelsius, length >= 4, type, "minCellTemperatureDeciCelsius", 4);
        Wire.checkOptionalU16(maxCellVoltageMilliVolts, length >= 6, type, "maxCellVoltageMilliVolts", 6);
        Wire.checkOptionalU16(minCellVoltageMilliVolts, length >= 8, type, "minCellVoltageMilliVolts", 8);
        Wire.checkBytesWithin(reserved, length & ~1, length, type, "reserved");
    }

    /**
     * All four fields, a frame of 8 bytes.
     *
     * @param maxCellTemperatureDeciCelsius the highest cell temperature in 0.1 °C, -32768 to 32767
     * @param minCellTemperatureDeciCelsius the lowest cell temperature in 0.1 °C, -32768 to 32767, or {@link #NOT_SENT}
     *                                      below DLC 4
     * @param maxCellVoltageMilliVolts      the highest cell voltage in mV, 0 to 65535, or {@link #NOT_SENT} below DLC 6
     * @param minCellVoltageMilliVolts      the lowest cell voltage in mV, 0 to 65535, or {@link #NOT_SENT} below DLC 8
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public PylonPlusCellExtremes(int maxCellTemperatureDeciCelsius, int minCellTemperatureDeciCelsius,
            int maxCellVoltageMilliVolts, int minCellVoltageMilliVolts) {
        this(maxCellTemperatureDeciCelsius, minCellTemperatureDeciCelsius, maxCellVoltageMilliVolts,
                minCellVoltageMilliVolts, 8, 0);
    }

    /**
     * The highest cell temperature in °C.
     *
     * @return the temperature in °C, from the wire's 0.1 °C
     */
    public double maxCellTemperatureCelsius() {
        return maxCellTemperatureDeciCelsius / 10.0;
    }

    /**
     * The lowest cell temperature in °C, or empty when the frame did not carry it.
     *
     * @return the temperature in °C, from the wire's 0.1 °C, or empty when the frame did not carry it (never a
     *         made-up 0)
     */
    public OptionalDouble minCellTemperatureCelsius() {
        return scaled(minCellTemperatureDeciCelsius, 10.0);
    }

    /**
     * The highest cell voltage in volts, or empty when the frame did not carry it.
     *
     * @return the voltage in V, from the wire's 1 mV, or empty when the frame did not carry it (never a made-up 0)
     */
    public OptionalDouble maxCellVoltageVolts() {
        return scaled(maxCellVoltageMilliVolts, 1000.0);
    }

    /**
     * The lowest cell voltage in volts, or empty when the frame did not carry it.
     *
     * @return the voltage in V, from the wire's 1 mV, or empty when the frame did not carry it (never a made-up 0)
     */
    public OptionalDouble minCellVoltageVolts() {
        return scaled(minCellVoltageMilliVolts, 1000.0);
    }

    private static OptionalDouble scaled(int wire, double divisor) {
        return wire == NOT_SENT ? OptionalDouble.empty() : OptionalDouble.of(wire / divisor);
    }

    @Override
    public int canId() {
        return ID;
    }

    static PylonPlusCellExtremes decode(CanFrame frame) {
        long p = frame.payload();
        int n = frame.length();
        return new PylonPlusCellExtremes(Wire.s16(p, 0), n >= 4 ? Wire.s16(p, 2) : NOT_SENT,
                n >= 6 ? Wire.u16(p, 4) : NOT_SENT, n >= 8 ? Wire.u16(p, 6) : NOT_SENT, n, Wire.from(p, n & ~1));
    }

    CanFrame encode() {
        long p = Wire.put16(maxCellTemperatureDeciCelsius, 0) | reserved;
        if (length >= 4) {
            p |= Wire.put16(minCellTemperatureDeciCelsius, 2);
        }
        if (length >= 6) {
            p |= Wire.put16(maxCellVoltageMilliVolts, 4);
        }
        if (length >= 8) {
            p |= Wire.put16(minCellVoltageMilliVolts, 6);
        }
        return new CanFrame(ID, length, p);
    }
}

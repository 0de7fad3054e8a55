package io.pylon4j.can;

import java.util.OptionalDouble;

/**
 * 0x356, battery to inverter: voltage, current and temperature, of one module or of the stack (docs/protocol.md §1.2;
 * disagreement §1.11 item 3).
 *
 * <table>
 *   <caption>0x356 layout, little-endian</caption>
 *   <tr><th>bytes</th><th>field</th><th>type</th><th>unit</th><th>source</th></tr>
 *   <tr><td>0-1</td><td>voltage (module, or average module voltage of the stack)</td><td>s16</td>
 *       <td>0.01 V; 0.1 V under {@link CanProfile.VoltageResolution#DECIVOLT}</td><td>[CAN12]; [SOLARK]</td></tr>
 *   <tr><td>2-3</td><td>current, positive = charging, negative = discharging</td><td>s16</td><td>0.1 A</td>
 *       <td>[CAN12], [R485-33], [DFCH]</td></tr>
 *   <tr><td>4-5</td><td>average cell temperature, optional</td><td>s16</td><td>0.1 °C</td><td>[CAN12]</td></tr>
 * </table>
 *
 * <p>The voltage is always held in 0.01 V, whatever the wire's unit: Pylontech, SMA and SEPLOS send 0.01 V (the
 * default); Sol-Ark's document and the Discover AES capture use 0.1 V, which the codec multiplies by 10 on decode
 * and divides by 10 on encode (rounding half up) under {@link CanProfile.VoltageResolution#DECIVOLT}. The record
 * therefore accepts -327680 to 327670 (0.1 V wire values times 10); the 0.01 V encoding takes -32768 to 32767.
 *
 * <p>DLC: at least 4 ({@link #MIN_LENGTH}): voltage and current define the frame (docs/protocol.md §4: "never
 * require bytes beyond the DLC"). Pylontech sends 6 ({@code 7A 13 F2 FE 6B 01} = 49.86 V, -27.0 A, 36.3 °C [SFL13]),
 * BYD 8 [DFCH], whose bytes 6-7 are kept in {@link #reserved()}. Below 6 the temperature is absent: it reads
 * {@link #NOT_SENT} and {@link #temperatureCelsius()} is empty, never a made-up 0 °C; byte 4 of a 5-byte frame is kept
 * in {@link #reserved()}.
 *
 * @param voltageCentiVolts      the voltage in 0.01 V, -327680 to 327670
 * @param currentDeciAmps        the current in 0.1 A, -32768 to 32767, positive when charging
 * @param temperatureDeciCelsius the temperature in 0.1 °C, -32768 to 32767, or {@link #NOT_SENT} exactly when
 *                               {@code length} is below 6
 * @param length                 the DLC, 4 to 8
 * @param reserved               data bytes the layout leaves undefined at this DLC (byte 4 of a 5-byte frame, bytes
 *                               6-7), in their wire positions
 */
public record BatteryMeasurements(int voltageCentiVolts, int currentDeciAmps, int temperatureDeciCelsius, int length,
        long reserved) implements BatteryMessage {

    /** The CAN id, 0x356. */
    public static final int ID = 0x356;
    /** The smallest DLC accepted: voltage and current; the temperature (bytes 4-5) is optional. */
    public static final int MIN_LENGTH = 4;
    /** The smallest voltage the record holds: the smallest 0.1 V wire value, in 0.01 V. */
    public static final int MIN_VOLTAGE_CENTI_VOLTS = Short.MIN_VALUE * 10;
    /** The largest voltage the record holds: the largest 0.1 V wire value, in 0.01 V. */
    public static final int MAX_VOLTAGE_CENTI_VOLTS = Short.MAX_VALUE * 10;

    /**
     * Checks every component against its wire range.
     *
     * @param voltageCentiVolts      the voltage in 0.01 V, -327680 to 327670
     * @param currentDeciAmps        the current in 0.1 A, -32768 to 32767, positive when charging
     * @param temperatureDeciCelsius the temperature in 0.1 °C, -32768 to 32767, or {@link #NOT_SENT} exactly when
     *                               {@code length} is below 6
     * @param length                 the DLC, 4 to 8
     * @param reserved               data bytes the layout leaves undefined at this DLC (byte 4 of a 5-byte frame, bytes
     *                               6-7), in their wire positions
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public BatteryMeasurements {
        String type = "BatteryMeasurements";
        Wire.checkLength(length, MIN_LENGTH, type);
        if (voltageCentiVolts < MIN_VOLTAGE_CENTI_VOLTS || voltageCentiVolts > MAX_VOLTAGE_CENTI_VOLTS) {
            throw new IllegalArgumentException("BatteryMeasurements.voltageCentiVolts must be -327680 to 327670 "
                    + "(s16 at 0.1 V, in 0.01 V), was " + voltageCentiVolts);
        }
        Wire.checkS16(currentDeciAmps, type, "currentDeciAmps");
        Wire.checkOptionalS16(temperatureDeciCelsius, length >= 6, type, "temperatureDeciCelsius", 6);
        Wire.checkBytesWithin(reserved, layoutEnd(length), length, type, "reserved");
    }

    /**
     * The measurements as a 6-byte frame, as Pylontech sends them, or as a 4-byte one when
     * {@code temperatureDeciCelsius} is {@link #NOT_SENT}.
     *
     * @param voltageCentiVolts      the voltage in 0.01 V, -327680 to 327670
     * @param currentDeciAmps        the current in 0.1 A, -32768 to 32767, positive when charging
     * @param temperatureDeciCelsius the temperature in 0.1 °C, -32768 to 32767, or {@link #NOT_SENT} for the shorter
     *                               frame
     */
    public BatteryMeasurements(int voltageCentiVolts, int currentDeciAmps, int temperatureDeciCelsius) {
        this(voltageCentiVolts, currentDeciAmps, temperatureDeciCelsius,
                temperatureDeciCelsius == NOT_SENT ? MIN_LENGTH : 6, 0);
    }

    /**
     * The voltage in volts (49.86).
     *
     * @return the voltage in V, from the record's 0.01 V (the codec has scaled a 0.1 V profile's value)
     */
    public double voltageVolts() {
        return voltageCentiVolts / 100.0;
    }

    /**
     * The current in amperes, positive when charging (-27.0).
     *
     * @return the current in A, from the wire's 0.1 A; negative while discharging
     */
    public double currentAmps() {
        return currentDeciAmps / 10.0;
    }

    /**
     * Whether the frame carried the temperature (bytes 4-5).
     *
     * @return true if the DLC reaches bytes 4-5
     */
    public boolean hasTemperature() {
        return temperatureDeciCelsius != NOT_SENT;
    }

    /**
     * The temperature in degrees Celsius (36.3), or empty when the frame did not carry it.
     *
     * @return the temperature in °C, from the wire's 0.1 °C, or empty when the frame did not carry it (never a
     *         made-up 0)
     */
    public OptionalDouble temperatureCelsius() {
        return hasTemperature() ? OptionalDouble.of(temperatureDeciCelsius / 10.0) : OptionalDouble.empty();
    }

    @Override
    public int canId() {
        return ID;
    }

    private static int layoutEnd(int length) {
        return length >= 6 ? 6 : MIN_LENGTH;
    }

    static BatteryMeasurements decode(CanFrame frame, boolean deciVolts) {
        long p = frame.payload();
        int n = frame.length();
        int voltage = Wire.s16(p, 0);
        return new BatteryMeasurements(deciVolts ? voltage * 10 : voltage, Wire.s16(p, 2),
                n >= 6 ? Wire.s16(p, 4) : NOT_SENT, n, Wire.from(p, layoutEnd(n)));
    }

    CanFrame encode(boolean deciVolts) {
        int voltage = deciVolts ? Math.floorDiv(voltageCentiVolts + 5, 10) : voltageCentiVolts;
        if (voltage < Short.MIN_VALUE || voltage > Short.MAX_VALUE) {
            throw new IllegalArgumentException(String.format(
                    "BatteryMeasurements.voltageCentiVolts %d does not fit 0x356 at 0.01 V (s16: -327.68 to 327.67 V); "
                            + "only a 0.1 V profile carries it", voltageCentiVolts));
        }
        long p = Wire.put16(voltage, 0) | Wire.put16(currentDeciAmps, 2) | reserved;
        if (length >= 6) {
            p |= Wire.put16(temperatureDeciCelsius, 4);
        }
        return new CanFrame(ID, length, p);
    }
}

package io.pylon4j.driver;

import io.pylon4j.can.SmaMeasurements;

/**
 * The inverter's own measurement of the battery, which an SMA Sunny Island style keep-alive carries in 0x305 (docs/protocol.md
 * §1.4, [SMA] §6): voltage, current, temperature and SOC as the inverter sees them. Supply it through
 * {@link InverterMeasurementSource} in {@link DriverOptions.Builder#inverterMeasurements}; only profiles with
 * {@link InverterProfile#keepAliveCarriesValues()} ({@link InverterProfile#SMA}) send it.
 *
 * <p><b>Sign.</b> {@code currentAmps} is positive while charging, as everywhere else in the driver
 * ({@link Measurements}, CAN 0x356). SMA's 0x305 has the opposite sign (negative while charging); the driver negates
 * it when it encodes the frame ({@link #toSmaMeasurements()}), so callers never deal with two conventions.
 *
 * <p>Every value must fit its wire field at 0.1 resolution (rounded half up): voltage 0 to 6553.5 V, current and
 * temperature within ±3276.7, SOC 0 to 100 %.
 *
 * @param voltageVolts       battery voltage, V
 * @param currentAmps        battery current, A, positive while charging
 * @param temperatureCelsius battery temperature, °C
 * @param socPercent         state of charge, %
 */
public record InverterMeasurement(double voltageVolts, double currentAmps, double temperatureCelsius,
                                  double socPercent) {

    /**
     * Checks every value against its wire range.
     *
     * @param voltageVolts       battery voltage, V, 0 to 6553.5
     * @param currentAmps        battery current, A, positive while charging, -3276.7 to 3276.7
     * @param temperatureCelsius battery temperature, °C, -3276.8 to 3276.7
     * @param socPercent         state of charge, %, 0 to 100
     * @throws IllegalArgumentException if a value is not finite or does not fit its 0x305 field
     */
    public InverterMeasurement {
        check("voltageVolts", voltageVolts, 0, 6553.5);
        check("currentAmps", currentAmps, -3276.7, 3276.7);
        check("temperatureCelsius", temperatureCelsius, -3276.8, 3276.7);
        check("socPercent", socPercent, 0, 100);
    }

    /**
     * The SMA 0x305 record of these values, in 0.1 units, with the current negated to SMA's sign (negative while
     * charging).
     *
     * @return the values in 0.1 V, 0.1 A (SMA's sign), 0.1 °C and 0.1 %
     */
    public SmaMeasurements toSmaMeasurements() {
        return new SmaMeasurements(deci(voltageVolts), -deci(currentAmps), deci(temperatureCelsius),
                deci(socPercent));
    }

    private static int deci(double value) {
        return (int) Math.round(value * 10);
    }

    private static void check(String name, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + ": " + value);
        }
    }
}

package io.pylon4j.simulator;

/**
 * This simulator's derating of the per-module current limits: factors from 0 to 1 by which the preset's per-module
 * figures are multiplied. A model chosen to give tests clear, predictable numbers; not a claim about Pylontech
 * firmware.
 *
 * <ul>
 *   <li>Near full: the charge limit falls linearly from 100 % at {@value #CHARGE_TAPER_SOC_PERCENT} % SOC to 0 at
 *       100 % SOC, and from 100 % at a highest cell of {@value #CHARGE_TAPER_CELL_MILLIVOLTS} mV to 0 at the CVL's
 *       share per cell (CVL ÷ cells: 3.55 V on the presets).</li>
 *   <li>Near empty: the discharge limit falls linearly from 100 % at {@value #DISCHARGE_TAPER_SOC_PERCENT} % SOC to 0
 *       at 0 %.</li>
 *   <li>Cold: no charging at or below 0 °C (the LFP rule; stricter than the 0x47 charge low-temperature limit),
 *       rising linearly to 100 % at {@value #TEMPERATURE_TAPER_CELSIUS} °C. Discharging: 0 at or below the 0x47
 *       discharge low-temperature limit, 100 % {@value #TEMPERATURE_TAPER_CELSIUS} °C above it.</li>
 *   <li>Hot: 100 % up to {@value #TEMPERATURE_TAPER_CELSIUS} °C below the 0x47 charge (discharge) high-temperature
 *       limit, falling linearly to 0 at the limit.</li>
 * </ul>
 * The lowest cell-group temperature reading decides the cold factor, the highest the hot factor; the smallest factor
 * applies.
 */
final class Derating {

    static final double CHARGE_TAPER_SOC_PERCENT = 95;
    static final double CHARGE_TAPER_CELL_MILLIVOLTS = 3450;
    static final double DISCHARGE_TAPER_SOC_PERCENT = 10;
    static final double TEMPERATURE_TAPER_CELSIUS = 10;

    private Derating() {
    }

    /** The charge factor for the SOC (exact, in %). */
    static double chargeBySoc(double socPercent) {
        return ramp(socPercent, 100, CHARGE_TAPER_SOC_PERCENT);
    }

    /** The charge factor for the highest cell voltage, tapering to 0 at {@code fullCellMillivolts}. */
    static double chargeByCellVoltage(int maxCellMillivolts, double fullCellMillivolts) {
        return ramp(maxCellMillivolts, fullCellMillivolts, CHARGE_TAPER_CELL_MILLIVOLTS);
    }

    /** The discharge factor for the SOC (exact, in %). */
    static double dischargeBySoc(double socPercent) {
        return ramp(socPercent, 0, DISCHARGE_TAPER_SOC_PERCENT);
    }

    /** The charge factor for the lowest and highest cell temperatures (°C). */
    static double chargeByTemperature(double minCelsius, double maxCelsius, SystemParameters p) {
        double cold = ramp(minCelsius, 0, TEMPERATURE_TAPER_CELSIUS);
        double high = p.chargeHighTemperatureDeciCelsius() / 10.0;
        double hot = ramp(maxCelsius, high, high - TEMPERATURE_TAPER_CELSIUS);
        return Math.min(cold, hot);
    }

    /** The discharge factor for the lowest and highest cell temperatures (°C). */
    static double dischargeByTemperature(double minCelsius, double maxCelsius, SystemParameters p) {
        double low = p.dischargeLowTemperatureDeciCelsius() / 10.0;
        double cold = ramp(minCelsius, low, low + TEMPERATURE_TAPER_CELSIUS);
        double high = p.dischargeHighTemperatureDeciCelsius() / 10.0;
        double hot = ramp(maxCelsius, high, high - TEMPERATURE_TAPER_CELSIUS);
        return Math.min(cold, hot);
    }

    /**
     * 0 at or beyond {@code zeroAt}, 1 at or before {@code fullAt}, linear between; works whichever way round the two
     * points are.
     */
    static double ramp(double x, double zeroAt, double fullAt) {
        double f = (x - zeroAt) / (fullAt - zeroAt);
        return Math.max(0.0, Math.min(1.0, f));
    }
}

package io.pylon4j.simulator;

/**
 * A module's fixed limits, as RS485 command 0x47 ("get system parameters") reports them (docs/protocol.md §2.5.5), in the
 * model's units. The RS485 front end converts: temperatures go on the wire in 0.1 K with offset 2731
 * ({@code raw = deciCelsius + 2731}), the discharge current limit as a negative number.
 *
 * <p>The simulator also uses these values as its protection and alarm thresholds and for its temperature derating
 * (see {@link SimulatedBank}).
 *
 * @param cellHighVoltageMillivolts            cell high-voltage limit
 * @param cellLowVoltageMillivolts             cell low-voltage (alarm) limit
 * @param cellUnderVoltageMillivolts           cell under-voltage (protection) limit
 * @param chargeHighTemperatureDeciCelsius     charge high-temperature limit, 0.1 °C
 * @param chargeLowTemperatureDeciCelsius      charge low-temperature limit, 0.1 °C
 * @param chargeCurrentLimitDeciAmps           the module's maximum charge current, 0.1 A
 * @param moduleHighVoltageMillivolts          module high-voltage limit
 * @param moduleLowVoltageMillivolts           module low-voltage (alarm) limit
 * @param moduleUnderVoltageMillivolts         module under-voltage (protection) limit
 * @param dischargeHighTemperatureDeciCelsius  discharge high-temperature limit, 0.1 °C
 * @param dischargeLowTemperatureDeciCelsius   discharge low-temperature limit, 0.1 °C
 * @param dischargeCurrentLimitDeciAmps        the module's maximum discharge current, 0.1 A, a <b>magnitude</b>
 *                                             (positive; RS485 sends it negative)
 */
public record SystemParameters(int cellHighVoltageMillivolts, int cellLowVoltageMillivolts,
                               int cellUnderVoltageMillivolts, int chargeHighTemperatureDeciCelsius,
                               int chargeLowTemperatureDeciCelsius, int chargeCurrentLimitDeciAmps,
                               int moduleHighVoltageMillivolts, int moduleLowVoltageMillivolts,
                               int moduleUnderVoltageMillivolts, int dischargeHighTemperatureDeciCelsius,
                               int dischargeLowTemperatureDeciCelsius, int dischargeCurrentLimitDeciAmps) {

    /**
     * US3000C and US5000 as observed (docs/protocol.md §2.5.5): cell 3.65 / 3.05 / 2.80 V, 60.0 / −10.0 °C, module 54.0 / 46.0 /
     * 43.0 V. docs/protocol.md gives one temperature pair per model; this simulator uses it for charge and discharge
     * alike. Currents are those of the US3000C (90.0 A / −90.0 A).
     */
    public static final SystemParameters US3000C =
            new SystemParameters(3650, 3050, 2800, 600, -100, 900, 54000, 46000, 43000, 600, -100, 900);

    /** US5000 as observed (docs/protocol.md §2.5.5): as {@link #US3000C} but ±100.0 A (python-pylontech issue #31). */
    public static final SystemParameters US5000 =
            new SystemParameters(3650, 3050, 2800, 600, -100, 1000, 54000, 46000, 43000, 600, -100, 1000);

    /**
     * US2000B-Plus as observed in a real 0x47 reply (docs/protocol.md §2.5.5, capture {@code rs485-tomcat42-lowlevel-us2000b}):
     * 3.65 / 3.05 / 2.90 V, 61.0 / −11.0 °C, 102.0 A, 54.0 / 46.0 / 44.5 V, 61.0 / −11.0 °C, −100.0 A.
     */
    public static final SystemParameters US2000B_PLUS =
            new SystemParameters(3650, 3050, 2900, 610, -110, 1020, 54000, 46000, 44500, 610, -110, 1000);

    /**
     * Checks the values for consistency.
     *
     * @param cellHighVoltageMillivolts           cell high-voltage limit
     * @param cellLowVoltageMillivolts            cell low-voltage (alarm) limit
     * @param cellUnderVoltageMillivolts          cell under-voltage (protection) limit
     * @param chargeHighTemperatureDeciCelsius    charge high-temperature limit, 0.1 °C
     * @param chargeLowTemperatureDeciCelsius     charge low-temperature limit, 0.1 °C
     * @param chargeCurrentLimitDeciAmps          the module's maximum charge current, 0.1 A
     * @param moduleHighVoltageMillivolts         module high-voltage limit
     * @param moduleLowVoltageMillivolts          module low-voltage (alarm) limit
     * @param moduleUnderVoltageMillivolts        module under-voltage (protection) limit
     * @param dischargeHighTemperatureDeciCelsius discharge high-temperature limit, 0.1 °C
     * @param dischargeLowTemperatureDeciCelsius  discharge low-temperature limit, 0.1 °C
     * @param dischargeCurrentLimitDeciAmps       the module's maximum discharge current, 0.1 A, a <b>magnitude</b>
     *                                            (positive; RS485 sends it negative)
     *
     * @throws IllegalArgumentException if a low limit is not below its high limit or a current limit is not positive
     */
    public SystemParameters {
        if (!(cellUnderVoltageMillivolts <= cellLowVoltageMillivolts
                && cellLowVoltageMillivolts < cellHighVoltageMillivolts && cellUnderVoltageMillivolts > 0)) {
            throw new IllegalArgumentException(String.format(
                    "cell voltage limits must be 0 < under (%d) <= low (%d) < high (%d) mV",
                    cellUnderVoltageMillivolts, cellLowVoltageMillivolts, cellHighVoltageMillivolts));
        }
        if (!(moduleUnderVoltageMillivolts <= moduleLowVoltageMillivolts
                && moduleLowVoltageMillivolts < moduleHighVoltageMillivolts && moduleUnderVoltageMillivolts > 0)) {
            throw new IllegalArgumentException(String.format(
                    "module voltage limits must be 0 < under (%d) <= low (%d) < high (%d) mV",
                    moduleUnderVoltageMillivolts, moduleLowVoltageMillivolts, moduleHighVoltageMillivolts));
        }
        if (chargeLowTemperatureDeciCelsius >= chargeHighTemperatureDeciCelsius) {
            throw new IllegalArgumentException(String.format(
                    "charge low temperature %d must be below charge high temperature %d (0.1 °C)",
                    chargeLowTemperatureDeciCelsius, chargeHighTemperatureDeciCelsius));
        }
        if (dischargeLowTemperatureDeciCelsius >= dischargeHighTemperatureDeciCelsius) {
            throw new IllegalArgumentException(String.format(
                    "discharge low temperature %d must be below discharge high temperature %d (0.1 °C)",
                    dischargeLowTemperatureDeciCelsius, dischargeHighTemperatureDeciCelsius));
        }
        if (chargeCurrentLimitDeciAmps <= 0 || dischargeCurrentLimitDeciAmps <= 0) {
            throw new IllegalArgumentException(String.format(
                    "current limits are positive magnitudes in 0.1 A: charge %d, discharge %d",
                    chargeCurrentLimitDeciAmps, dischargeCurrentLimitDeciAmps));
        }
    }

    /**
     * {@return the same cell limits, temperatures and currents with module voltages scaled for {@code cellCount} cells
     * from a 15-cell original ({@code module × cellCount / 15}, rounded to 0.1 V)} This simulator's assumption for
     * modules whose 0x47 reply docs/protocol.md has not seen (UP2500, custom presets).
     *
     * @param cellCount cells in series in the target module, 1 to 16
     */
    public SystemParameters scaledToCells(int cellCount) {
        return new SystemParameters(cellHighVoltageMillivolts, cellLowVoltageMillivolts, cellUnderVoltageMillivolts,
                chargeHighTemperatureDeciCelsius, chargeLowTemperatureDeciCelsius, chargeCurrentLimitDeciAmps,
                scale(moduleHighVoltageMillivolts, cellCount), scale(moduleLowVoltageMillivolts, cellCount),
                scale(moduleUnderVoltageMillivolts, cellCount), dischargeHighTemperatureDeciCelsius,
                dischargeLowTemperatureDeciCelsius, dischargeCurrentLimitDeciAmps);
    }

    /**
     * {@return the same values with other maximum charge and discharge currents (0.1 A, magnitudes)}
     *
     * @param chargeDeciAmps    the maximum charge current, 0.1 A, a magnitude
     * @param dischargeDeciAmps the maximum discharge current, 0.1 A, a magnitude
     */
    public SystemParameters withCurrentLimits(int chargeDeciAmps, int dischargeDeciAmps) {
        return new SystemParameters(cellHighVoltageMillivolts, cellLowVoltageMillivolts, cellUnderVoltageMillivolts,
                chargeHighTemperatureDeciCelsius, chargeLowTemperatureDeciCelsius, chargeDeciAmps,
                moduleHighVoltageMillivolts, moduleLowVoltageMillivolts, moduleUnderVoltageMillivolts,
                dischargeHighTemperatureDeciCelsius, dischargeLowTemperatureDeciCelsius, dischargeDeciAmps);
    }

    private static int scale(int fifteenCellMillivolts, int cellCount) {
        return (int) Math.round(fifteenCellMillivolts * (double) cellCount / 15.0 / 100.0) * 100;
    }
}

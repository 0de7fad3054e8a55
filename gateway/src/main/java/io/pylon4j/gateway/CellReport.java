package io.pylon4j.gateway;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The bank's cell extremes, as a Victron GX reads them from 0x373 and the names of the cells holding them from
 * 0x374 to 0x377 (docs/protocol.md §1.8). A value the source does not know stays empty, and the frame carrying it is
 * then left out (a temperature pair missing shortens 0x373 to four bytes), never sent as a made-up zero.
 *
 * @param minCellVolts          the lowest cell voltage, V, 0 to 65.535
 * @param maxCellVolts          the highest cell voltage, V, at least {@code minCellVolts}
 * @param minCellCelsius        the lowest cell temperature, °C, present together with {@code maxCellCelsius}
 * @param maxCellCelsius        the highest cell temperature, °C
 * @param minVoltageCell        which cell or module has the lowest voltage (0x374), 1 to 8 ISO-8859-1 characters
 * @param maxVoltageCell        which has the highest voltage (0x375)
 * @param minTemperatureCell    which has the lowest temperature (0x376)
 * @param maxTemperatureCell    which has the highest temperature (0x377)
 */
public record CellReport(double minCellVolts, double maxCellVolts, OptionalDouble minCellCelsius,
                         OptionalDouble maxCellCelsius, Optional<String> minVoltageCell,
                         Optional<String> maxVoltageCell, Optional<String> minTemperatureCell,
                         Optional<String> maxTemperatureCell) {

    /**
     * Checks the values.
     *
     * @param minCellVolts       the lowest cell voltage, V
     * @param maxCellVolts       the highest cell voltage, V
     * @param minCellCelsius     the lowest cell temperature, °C
     * @param maxCellCelsius     the highest cell temperature, °C
     * @param minVoltageCell     which cell has the lowest voltage
     * @param maxVoltageCell     which has the highest voltage
     * @param minTemperatureCell which has the lowest temperature
     * @param maxTemperatureCell which has the highest temperature
     * @throws IllegalArgumentException if a voltage is outside 0–65.535 V or the minimum above the maximum, only one
     *                                  temperature is given, or a temperature is not finite or below absolute zero
     * @throws NullPointerException     if a reference is null
     */
    public CellReport {
        if (!(minCellVolts >= 0 && minCellVolts <= maxCellVolts && maxCellVolts <= 65.535)) {
            throw new IllegalArgumentException("cell voltages must satisfy 0 ≤ min ≤ max ≤ 65.535 V: "
                    + minCellVolts + ", " + maxCellVolts);
        }
        if (minCellCelsius.isPresent() != maxCellCelsius.isPresent()) {
            throw new IllegalArgumentException("give both cell temperatures or neither");
        }
        if (minCellCelsius.isPresent() && !(plausibleCelsius(minCellCelsius.getAsDouble())
                && plausibleCelsius(maxCellCelsius.getAsDouble()))) {
            throw new IllegalArgumentException("cell temperatures must be finite and above absolute zero");
        }
        Objects.requireNonNull(minVoltageCell, "minVoltageCell");
        Objects.requireNonNull(maxVoltageCell, "maxVoltageCell");
        Objects.requireNonNull(minTemperatureCell, "minTemperatureCell");
        Objects.requireNonNull(maxTemperatureCell, "maxTemperatureCell");
    }

    /**
     * Voltages only: no temperatures, no cell names.
     *
     * @param minCellVolts the lowest cell voltage, V
     * @param maxCellVolts the highest cell voltage, V
     * @return the report
     */
    public static CellReport voltages(double minCellVolts, double maxCellVolts) {
        return new CellReport(minCellVolts, maxCellVolts, OptionalDouble.empty(), OptionalDouble.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static boolean plausibleCelsius(double celsius) {
        return celsius > -273.15 && celsius < 1000;
    }
}

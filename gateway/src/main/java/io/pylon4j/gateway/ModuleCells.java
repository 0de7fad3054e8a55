package io.pylon4j.gateway;

import io.pylon4j.driver.ModuleDetails;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The bank's cell extremes ({@link CellReport}) and serial number from per-module details, as a driver source
 * knows them from RS485 0x42 and 0x93: nothing is derived that the details do not hold. A module without cell
 * voltages adds nothing; temperatures count only when the module reports its cell-group sensors (0x42's order is
 * BMS board, four cell groups, then a MOSFET sensor on some models, docs/protocol.md §2.5.3: the board and MOSFET
 * sensors are not cell temperatures and are left out).
 *
 * <p>Cells and modules are named as {@code M<address>C<cell>} for voltages and {@code M<address>T<group>} for
 * temperatures, address in hex, one-based cell and group ({@code "M02C7"}, {@code "M03T2"}): at most eight
 * characters, as 0x374–0x377 carry.
 */
final class ModuleCells {

    /** Index of the first cell-group sensor in 0x42's temperatures (0 is the BMS board). */
    private static final int FIRST_CELL_SENSOR = 1;
    /** Cell-group sensors in 0x42's temperatures: four (cells 1–4, 5–8, 9–12, 13–16). */
    private static final int CELL_SENSORS = 4;

    private ModuleCells() {
    }

    /**
     * {@return the cell extremes over {@code modules}, empty when none reports a cell voltage}
     *
     * @param modules the modules' details
     */
    static Optional<CellReport> extremes(Collection<ModuleDetails> modules) {
        double minV = Double.MAX_VALUE;
        double maxV = -Double.MAX_VALUE;
        String minVName = null;
        String maxVName = null;
        double minT = Double.MAX_VALUE;
        double maxT = -Double.MAX_VALUE;
        String minTName = null;
        String maxTName = null;
        for (ModuleDetails m : modules) {
            List<Double> cells = m.cellVoltagesVolts();
            for (int c = 0; c < cells.size(); c++) {
                double v = cells.get(c);
                if (v < minV) {
                    minV = v;
                    minVName = name(m, 'C', c);
                }
                if (v > maxV) {
                    maxV = v;
                    maxVName = name(m, 'C', c);
                }
            }
            List<Double> temps = m.temperaturesCelsius();
            int end = Math.min(temps.size(), FIRST_CELL_SENSOR + CELL_SENSORS);
            if (cells.isEmpty()) {
                continue; // a temperature without the module's cells would name a module the voltages do not
            }
            for (int t = FIRST_CELL_SENSOR; t < end; t++) {
                double celsius = temps.get(t);
                if (celsius < minT) {
                    minT = celsius;
                    minTName = name(m, 'T', t - FIRST_CELL_SENSOR);
                }
                if (celsius > maxT) {
                    maxT = celsius;
                    maxTName = name(m, 'T', t - FIRST_CELL_SENSOR);
                }
            }
        }
        if (minVName == null || !(minV >= 0) || maxV > 65.535) {
            return Optional.empty();
        }
        boolean temperatures = minTName != null;
        return Optional.of(new CellReport(minV, maxV,
                temperatures ? OptionalDouble.of(minT) : OptionalDouble.empty(),
                temperatures ? OptionalDouble.of(maxT) : OptionalDouble.empty(),
                Optional.of(minVName), Optional.of(maxVName), Optional.ofNullable(minTName),
                Optional.ofNullable(maxTName)));
    }

    /**
     * {@return the serial number of the lowest-addressed module that reports one (the master's), trimmed of NUL
     * padding and blanks, if it has 1 to 16 characters}
     *
     * @param modules the modules' details, ascending by address
     */
    static Optional<String> serialNumber(Collection<ModuleDetails> modules) {
        for (ModuleDetails m : modules) {
            if (m.serialNumber().isPresent()) {
                String s = m.serialNumber().get().replace('\0', ' ').strip();
                return s.isEmpty() || s.length() > 16 ? Optional.empty() : Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static String name(ModuleDetails m, char kind, int zeroBased) {
        return String.format(java.util.Locale.ROOT, "M%02X%c%d", m.address(), kind, zeroBased + 1);
    }
}

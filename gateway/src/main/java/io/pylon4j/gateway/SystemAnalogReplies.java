package io.pylon4j.gateway;

import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.rs485.Rs485Response;
import io.pylon4j.rs485.SystemAnalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The RS485 responder's 0x61 (system analog, the emulator layout of docs/protocol.md §2.5.12, unverified), answered
 * only when every field is justified. Derived from the modules' 0x42 details, in address order (group by group, as
 * an LV-Hub counts): voltage (the modules' average: they are in parallel), total current, SOC (remaining over total
 * capacity), average and maximum cycles, the cell voltage extremes and the cell-temperature average and extremes
 * (the four cell-group sensors, 0x42's temperatures 2 to 5, docs/protocol.md §2.5.3). From the source's
 * {@link SystemAnalogExtras}: SOH and the MOSFET and BMS temperatures, which 0x42 does not carry for every model.
 * Locations are the module's number in address order from 1 and the cell or cell group from 1, as the simulator
 * answers.
 *
 * <p>Empty, so refused, unless the source supplied the extras (the responder refuses with RTN 0x04 without them:
 * such a source never has them), the view is fresh, every module the view counts online has fresh details with
 * cells, at least the board and four cell-group temperatures, current, voltage, capacities and cycles, and every
 * value fits its field (a clamped total would be made up). Pure.
 */
final class SystemAnalogReplies {

    private static final int KELVIN_OFFSET_DECI = 2731;
    /** Index of the first cell-group sensor in 0x42's temperatures (0 is the BMS board). */
    private static final int FIRST_CELL_SENSOR = 1;
    /** The board sensor and the four cell-group sensors every observed model reports. */
    private static final int NEEDED_TEMPERATURES = 5;

    private SystemAnalogReplies() {
    }

    /**
     * {@return the 0x61 reply at {@code address}, or empty to refuse}
     *
     * @param address the request's ADR
     * @param v       the view the gate lets the gateway answer from
     */
    static Optional<Rs485Response> answer(int address, BankView v) {
        Optional<SystemAnalogExtras> extras = v.details().systemAnalog();
        int count = v.modules();
        if (extras.isEmpty() || v.state() != SourceState.FRESH || count == 0 || count > 255
                || v.details().modules().size() != count) {
            return Optional.empty();
        }
        List<ModuleDetails> modules = new ArrayList<>(v.details().modules().values());
        double voltageSum = 0;
        double currentSum = 0;
        double remainingSum = 0;
        double totalSum = 0;
        long cyclesSum = 0;
        int maxCycles = 0;
        long tempSum = 0;
        int tempCount = 0;
        SystemAnalog.Extreme maxV = null;
        SystemAnalog.Extreme minV = null;
        SystemAnalog.Extreme maxT = null;
        SystemAnalog.Extreme minT = null;
        for (int i = 0; i < modules.size(); i++) {
            ModuleDetails m = modules.get(i);
            if (!complete(m)) {
                return Optional.empty();
            }
            int number = i + 1;
            voltageSum += m.voltageVolts().getAsDouble();
            currentSum += m.currentAmps().getAsDouble();
            remainingSum += m.remainingCapacityAh().getAsDouble();
            totalSum += m.totalCapacityAh().getAsDouble();
            cyclesSum += m.cycles().getAsInt();
            maxCycles = Math.max(maxCycles, m.cycles().getAsInt());
            List<Double> cells = m.cellVoltagesVolts();
            for (int c = 0; c < cells.size(); c++) {
                int mv = (int) Math.round(cells.get(c) * 1000);
                if (!u16(mv)) {
                    return Optional.empty();
                }
                maxV = maxV == null || mv > maxV.value() ? new SystemAnalog.Extreme(mv, number, c + 1) : maxV;
                minV = minV == null || mv < minV.value() ? new SystemAnalog.Extreme(mv, number, c + 1) : minV;
            }
            List<Double> temps = m.temperaturesCelsius();
            for (int t = FIRST_CELL_SENSOR; t < NEEDED_TEMPERATURES; t++) {
                int dk = deciKelvin(temps.get(t));
                if (!u16(dk)) {
                    return Optional.empty();
                }
                tempSum += dk;
                tempCount++;
                int group = t - FIRST_CELL_SENSOR + 1;
                maxT = maxT == null || dk > maxT.value() ? new SystemAnalog.Extreme(dk, number, group) : maxT;
                minT = minT == null || dk < minT.value() ? new SystemAnalog.Extreme(dk, number, group) : minT;
            }
        }
        int voltageMv = (int) Math.round(voltageSum / count * 1000);
        long currentCentiAmps = Math.round(currentSum * 100);
        int averageCycles = (int) (cyclesSum / count);
        if (!u16(voltageMv) || currentCentiAmps < Short.MIN_VALUE || currentCentiAmps > Short.MAX_VALUE
                || !(totalSum > 0) || remainingSum > totalSum || !u16(maxCycles)) {
            return Optional.empty();
        }
        int soc = (int) Math.round(remainingSum / totalSum * 100);
        SystemAnalogExtras x = extras.get();
        return Optional.of(new SystemAnalog(address, voltageMv, (int) currentCentiAmps, soc, averageCycles,
                maxCycles, x.averageStateOfHealthPercent(), x.minimumStateOfHealthPercent(), maxV, minV,
                (int) Math.round((double) tempSum / tempCount), maxT, minT, deciKelvin(x.averageMosfetCelsius()),
                extreme(x.maximumMosfet()), extreme(x.minimumMosfet()), deciKelvin(x.averageBmsCelsius()),
                extreme(x.maximumBms()), extreme(x.minimumBms())));
    }

    /** Whether the module has every 0x42 field 0x61 is derived from. */
    private static boolean complete(ModuleDetails m) {
        return !m.cellVoltagesVolts().isEmpty() && m.cellVoltagesVolts().size() <= 255
                && m.temperaturesCelsius().size() >= NEEDED_TEMPERATURES && m.voltageVolts().isPresent()
                && m.currentAmps().isPresent() && m.remainingCapacityAh().isPresent()
                && m.totalCapacityAh().isPresent() && m.cycles().isPresent() && m.cycles().getAsInt() >= 0;
    }

    private static SystemAnalog.Extreme extreme(SystemAnalogExtras.Sensor s) {
        return new SystemAnalog.Extreme(deciKelvin(s.celsius()), s.module(), s.position());
    }

    private static int deciKelvin(double celsius) {
        return (int) Math.round(celsius * 10) + KELVIN_OFFSET_DECI;
    }

    private static boolean u16(int value) {
        return value >= 0 && value <= 0xFFFF;
    }
}

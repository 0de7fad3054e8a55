package io.pylon4j.simulator;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One simulated module at one instant: what RS485 0x42, 0x44 and 0x92 report for it (docs/protocol.md §2.5.3, §2.5.4,
 * §2.5.6). Immutable; the lists and sets are unmodifiable copies.
 *
 * <p>Units are the wire's where the wire is integral: mV, mAh, 0.1 A (positive = charge), 0.1 °C (RS485 adds 2731
 * to get 0.1 K). An offline module keeps its last values with {@code online = false}, current 0, no limits; it is
 * left out of every bank aggregate and should not answer on RS485.
 *
 * @param id                              where the module sits
 * @param online                          whether the module takes part in the bank
 * @param cellVoltagesMillivolts          one voltage per cell
 * @param temperaturesDeciCelsius         five temperatures, in RS485 0x42 order: BMS board, cells 1–4, cells 5–8,
 *                                        cells 9–12, cells 13–15/16
 * @param currentDeciAmps                 the module's current, 0.1 A, positive = charge
 * @param voltageMillivolts               module voltage (the sum of the cell voltages)
 * @param remainingCapacityMilliampHours  remaining capacity
 * @param totalCapacityMilliampHours      full capacity (nominal × SOH)
 * @param stateOfChargePercent            SOC, 0 to 100, rounded
 * @param stateOfHealthPercent            SOH, 0 to 100
 * @param cycles                          full equivalent discharge cycles
 * @param limits                          the module's own (derated) limits, for RS485 0x92
 * @param requests                        the module's own request flags, for the RS485 0x92 status byte
 * @param protections                     active protections, forced ones included
 * @param alarms                          active alarms, forced ones included
 * @param limitStates                     the RS485 0x44 state bytes
 * @param chargeMosfetOn                  RS485 0x44 Status2 bit 1: charging possible
 * @param dischargeMosfetOn               RS485 0x44 Status2 bit 2: discharging possible
 */
public record ModuleSnapshot(ModuleId id, boolean online, List<Integer> cellVoltagesMillivolts,
                             List<Integer> temperaturesDeciCelsius, int currentDeciAmps, int voltageMillivolts,
                             int remainingCapacityMilliampHours, int totalCapacityMilliampHours,
                             int stateOfChargePercent, int stateOfHealthPercent, int cycles, ChargeLimits limits,
                             RequestFlags requests, Set<Protection> protections, Set<Alarm> alarms,
                             LimitStates limitStates, boolean chargeMosfetOn, boolean dischargeMosfetOn) {

    /** The number of temperatures a module reports (five observed on every model, docs/protocol.md §2.5.3). */
    public static final int TEMPERATURE_COUNT = 5;
    /** The current above which RS485 0x44 Status3 reports an "effective" charge or discharge current: 0.1 A. */
    public static final int EFFECTIVE_CURRENT_DECI_AMPS = 1;

    /**
     * Copies the collections and checks the values.
     *
     * @param id                             where the module sits
     * @param online                         whether the module takes part in the bank
     * @param cellVoltagesMillivolts         one voltage per cell
     * @param temperaturesDeciCelsius        five temperatures, in RS485 0x42 order: BMS board, cells 1–4, cells 5–8,
     *                                       cells 9–12, cells 13–15/16
     * @param currentDeciAmps                the module's current, 0.1 A, positive = charge
     * @param voltageMillivolts              module voltage (the sum of the cell voltages)
     * @param remainingCapacityMilliampHours remaining capacity
     * @param totalCapacityMilliampHours     full capacity (nominal × SOH)
     * @param stateOfChargePercent           SOC, 0 to 100, rounded
     * @param stateOfHealthPercent           SOH, 0 to 100
     * @param cycles                         full equivalent discharge cycles
     * @param limits                         the module's own (derated) limits, for RS485 0x92
     * @param requests                       the module's own request flags, for the RS485 0x92 status byte
     * @param protections                    active protections, forced ones included
     * @param alarms                         active alarms, forced ones included
     * @param limitStates                    the RS485 0x44 state bytes
     * @param chargeMosfetOn                 RS485 0x44 Status2 bit 1: charging possible
     * @param dischargeMosfetOn              RS485 0x44 Status2 bit 2: discharging possible
     *
     * @throws IllegalArgumentException if the counts or ranges do not fit a module
     */
    public ModuleSnapshot {
        Objects.requireNonNull(id, "id");
        cellVoltagesMillivolts = Immutables.list(cellVoltagesMillivolts, "cellVoltagesMillivolts");
        temperaturesDeciCelsius = Immutables.list(temperaturesDeciCelsius, "temperaturesDeciCelsius");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(requests, "requests");
        protections = Immutables.enumSet(protections, Protection.class, "protections");
        alarms = Immutables.enumSet(alarms, Alarm.class, "alarms");
        Objects.requireNonNull(limitStates, "limitStates");
        if (cellVoltagesMillivolts.isEmpty() || cellVoltagesMillivolts.size() > ModulePreset.MAX_CELLS) {
            throw new IllegalArgumentException(
                    id + ": a module has 1 to 16 cells, not " + cellVoltagesMillivolts.size());
        }
        if (temperaturesDeciCelsius.size() != TEMPERATURE_COUNT) {
            throw new IllegalArgumentException(
                    id + ": a module reports 5 temperatures, not " + temperaturesDeciCelsius.size());
        }
        if (limitStates.cellVoltages().size() != cellVoltagesMillivolts.size()
                || limitStates.temperatures().size() != TEMPERATURE_COUNT) {
            throw new IllegalArgumentException(id + ": limit states do not match the cell and temperature counts");
        }
        if (stateOfChargePercent < 0 || stateOfChargePercent > 100 || stateOfHealthPercent < 0
                || stateOfHealthPercent > 100) {
            throw new IllegalArgumentException(String.format(
                    "%s: SOC %d %% and SOH %d %% must be 0 to 100", id, stateOfChargePercent, stateOfHealthPercent));
        }
        if (remainingCapacityMilliampHours < 0 || remainingCapacityMilliampHours > totalCapacityMilliampHours) {
            throw new IllegalArgumentException(String.format("%s: remaining capacity %d mAh outside 0..%d mAh", id,
                    remainingCapacityMilliampHours, totalCapacityMilliampHours));
        }
        if (cycles < 0) {
            throw new IllegalArgumentException(id + ": cycles must not be negative: " + cycles);
        }
    }

    /** {@return the lowest cell voltage, mV} */
    public int minCellVoltageMillivolts() {
        return Collections.min(cellVoltagesMillivolts);
    }

    /** {@return the highest cell voltage, mV} */
    public int maxCellVoltageMillivolts() {
        return Collections.max(cellVoltagesMillivolts);
    }

    /** {@return the BMS board temperature (the first of the five), 0.1 °C} */
    public int bmsTemperatureDeciCelsius() {
        return temperaturesDeciCelsius.get(0);
    }

    /** {@return the four cell-group temperatures (the last four of the five), 0.1 °C} */
    public List<Integer> cellTemperaturesDeciCelsius() {
        return temperaturesDeciCelsius.subList(1, TEMPERATURE_COUNT);
    }

    /**
     * RS485 0x44 Status3 bit 7: a charge current above 0.1 A flows.
     *
     * @return whether the current is above +0.1 A
     */
    public boolean effectiveChargeCurrent() {
        return currentDeciAmps > EFFECTIVE_CURRENT_DECI_AMPS;
    }

    /**
     * RS485 0x44 Status3 bit 6: a discharge current above 0.1 A flows.
     *
     * @return whether the current is below −0.1 A
     */
    public boolean effectiveDischargeCurrent() {
        return currentDeciAmps < -EFFECTIVE_CURRENT_DECI_AMPS;
    }

    /**
     * RS485 0x44 Status3 bit 3: fully charged (remaining capacity equals full capacity).
     *
     * @return whether the remaining capacity equals the full capacity
     */
    public boolean fullyCharged() {
        return remainingCapacityMilliampHours == totalCapacityMilliampHours;
    }
}

package io.pylon4j.simulator;

import java.util.List;
import java.util.Objects;

/**
 * The state bytes of one module's RS485 0x44 reply (docs/protocol.md §2.5.4), each value compared with the module's 0x47
 * limits ({@link SystemParameters}): cells against the cell low-voltage and high-voltage limits, temperatures against
 * the charge low/high temperature limits, module voltage against the module low/high limits, currents against the
 * maximum charge and discharge currents (a current is never "below"). A forced protection or alarm
 * ({@link SimulatedBank#forceProtection}, {@link SimulatedBank#forceAlarm}) also sets the state it belongs to: the
 * extreme cell and the module voltage for the voltage flags, the extreme cell-temperature sensor for the temperature
 * flags, the current states for the current flags (system error and internal communication fail have none).
 *
 * @param cellVoltages     one state per cell
 * @param temperatures     one state per temperature (BMS board first, as in {@link ModuleSnapshot})
 * @param chargeCurrent    the charge current state
 * @param moduleVoltage    the module voltage state
 * @param dischargeCurrent the discharge current state
 */
public record LimitStates(List<LimitState> cellVoltages, List<LimitState> temperatures, LimitState chargeCurrent,
                          LimitState moduleVoltage, LimitState dischargeCurrent) {

    /**
     * Copies the lists and checks for nulls.
     *
     * @param cellVoltages     one state per cell
     * @param temperatures     one state per temperature (BMS board first, as in {@link ModuleSnapshot})
     * @param chargeCurrent    the charge current state
     * @param moduleVoltage    the module voltage state
     * @param dischargeCurrent the discharge current state
     */
    public LimitStates {
        cellVoltages = Immutables.list(cellVoltages, "cellVoltages");
        temperatures = Immutables.list(temperatures, "temperatures");
        Objects.requireNonNull(chargeCurrent, "chargeCurrent");
        Objects.requireNonNull(moduleVoltage, "moduleVoltage");
        Objects.requireNonNull(dischargeCurrent, "dischargeCurrent");
    }

    /** {@return whether every state is {@link LimitState#NORMAL}} */
    public boolean allNormal() {
        return cellVoltages.stream().allMatch(s -> s == LimitState.NORMAL)
                && temperatures.stream().allMatch(s -> s == LimitState.NORMAL)
                && chargeCurrent == LimitState.NORMAL && moduleVoltage == LimitState.NORMAL
                && dischargeCurrent == LimitState.NORMAL;
    }
}

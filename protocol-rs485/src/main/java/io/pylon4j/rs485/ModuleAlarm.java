package io.pylon4j.rs485;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * One module's block in a 0x44 alarm-info reply ([R485-33] §3.5; docs/protocol.md §2.5.4).
 *
 * <p>Layout: cell count M (1); M cell-voltage state bytes; temperature count N (1); N temperature state bytes;
 * charge-current state (1); module-voltage state (1); discharge-current state (1); Status1 to Status5 (1 each). State
 * bytes are named by {@link AlarmState}; Status1 to Status3 bits by {@link AlarmFlag}; Status4 and Status5 carry one
 * voltage-error bit per cell (bit 0 of Status4 = cell 1, bit 7 of Status5 = cell 16; "error" = above 4.2 V with the
 * charge MOSFET off, or below 1 V with the module shut down). Observed on a US2000B-Plus: all states normal, Status2
 * 0x0E, Status3 0x80 (Tomcat42).
 *
 * @param cellStates            the cell-voltage state bytes, at most 255 (copied)
 * @param temperatureStates     the temperature state bytes, at most 255 (copied)
 * @param chargeCurrentState    the charge-current state byte
 * @param moduleVoltageState    the module-voltage state byte
 * @param dischargeCurrentState the discharge-current state byte
 * @param status1               Status1: {@link AlarmFlag} bits, under-voltage, over-temperature, over-current
 * @param status2               Status2: {@link AlarmFlag} bits, module power and MOSFETs
 * @param status3               Status3: {@link AlarmFlag} bits, effective current, heater, fully charged
 * @param status4               Status4: voltage errors of cells 1 to 8
 * @param status5               Status5: voltage errors of cells 9 to 16
 */
public record ModuleAlarm(int[] cellStates, int[] temperatureStates, int chargeCurrentState, int moduleVoltageState,
        int dischargeCurrentState, int status1, int status2, int status3, int status4, int status5) {

    /**
     * Checks and copies the fields.
     *
     * @param cellStates            the cell-voltage state bytes, at most 255 (copied)
     * @param temperatureStates     the temperature state bytes, at most 255 (copied)
     * @param chargeCurrentState    the charge-current state byte
     * @param moduleVoltageState    the module-voltage state byte
     * @param dischargeCurrentState the discharge-current state byte
     * @param status1               Status1: {@link AlarmFlag} bits, under-voltage, over-temperature, over-current
     * @param status2               Status2: {@link AlarmFlag} bits, module power and MOSFETs
     * @param status3               Status3: {@link AlarmFlag} bits, effective current, heater, fully charged
     * @param status4               Status4: voltage errors of cells 1 to 8
     * @param status5               Status5: voltage errors of cells 9 to 16
     *
     * @throws IllegalArgumentException if a value is not a byte or there are more than 255 of a kind
     * @throws NullPointerException     if an array is null
     */
    public ModuleAlarm {
        cellStates = Check.u8s("cellStates", cellStates);
        temperatureStates = Check.u8s("temperatureStates", temperatureStates);
        if (cellStates.length > 0xFF || temperatureStates.length > 0xFF) {
            throw new IllegalArgumentException("a module block holds at most 255 cells and 255 temperatures");
        }
        Check.u8("chargeCurrentState", chargeCurrentState);
        Check.u8("moduleVoltageState", moduleVoltageState);
        Check.u8("dischargeCurrentState", dischargeCurrentState);
        Check.u8("status1", status1);
        Check.u8("status2", status2);
        Check.u8("status3", status3);
        Check.u8("status4", status4);
        Check.u8("status5", status5);
    }

    /** {@return a copy of the cell-voltage state bytes} */
    @Override
    public int[] cellStates() {
        return Arrays.copyOf(cellStates, cellStates.length);
    }

    /** {@return a copy of the temperature state bytes} */
    @Override
    public int[] temperatureStates() {
        return Arrays.copyOf(temperatureStates, temperatureStates.length);
    }

    /** {@return the number of cells, M} */
    public int cellCount() {
        return cellStates.length;
    }

    /** {@return the number of temperatures, N} */
    public int temperatureCount() {
        return temperatureStates.length;
    }

    /**
     * {@return the state of cell {@code index}'s voltage (0 = cell 1)}
     *
     * @param index the cell, 0 for cell 1, below {@link #cellCount()}
     * @throws IndexOutOfBoundsException if there is no such cell
     */
    public AlarmState cellState(int index) {
        return AlarmState.of(cellStates[index]);
    }

    /**
     * {@return the state of temperature {@code index} (0 = BMS board)}
     *
     * @param index the temperature sensor, 0 for the BMS board, below {@link #temperatureCount()}
     * @throws IndexOutOfBoundsException if there is no such temperature
     */
    public AlarmState temperatureState(int index) {
        return AlarmState.of(temperatureStates[index]);
    }

    /** {@return the named flags of Status1 to Status3 that are set} */
    public Set<AlarmFlag> flags() {
        return AlarmFlag.setIn(status1, status2, status3);
    }

    /**
     * {@return whether {@code flag} is set}
     *
     * @param flag a named bit of Status1 to Status3
     */
    public boolean has(AlarmFlag flag) {
        int s = flag.status() == 1 ? status1 : flag.status() == 2 ? status2 : status3;
        return (s >> flag.bit() & 1) != 0;
    }

    /**
     * {@return whether Status4/Status5 report a voltage error for cell {@code cell}}
     *
     * @param cell 1 to 16
     * @throws IllegalArgumentException if {@code cell} is not 1 to 16
     */
    public boolean cellVoltageError(int cell) {
        if (cell < 1 || cell > 16) {
            throw new IllegalArgumentException("Status4/Status5 cover cells 1 to 16: " + cell);
        }
        return ((status5 << 8 | status4) >> (cell - 1) & 1) != 0;
    }

    /** {@return the cells (1 to 16) with a voltage error in Status4/Status5, in ascending order} */
    public int[] cellVoltageErrors() {
        int bits = status5 << 8 | status4;
        int[] cells = new int[Integer.bitCount(bits)];
        for (int cell = 1, i = 0; cell <= 16; cell++) {
            if ((bits >> (cell - 1) & 1) != 0) {
                cells[i++] = cell;
            }
        }
        return cells;
    }

    int encodedLength() {
        return 1 + cellStates.length + 1 + temperatureStates.length + 8;
    }

    void write(InfoWriter w) {
        w.u8(cellStates.length).u8s(cellStates).u8(temperatureStates.length).u8s(temperatureStates)
                .u8(chargeCurrentState).u8(moduleVoltageState).u8(dischargeCurrentState).u8(status1).u8(status2)
                .u8(status3).u8(status4).u8(status5);
    }

    static ModuleAlarm read(InfoReader r) {
        int[] cells = r.u8s(r.u8());
        int[] temperatures = r.u8s(r.u8());
        return new ModuleAlarm(cells, temperatures, r.u8(), r.u8(), r.u8(), r.u8(), r.u8(), r.u8(), r.u8(), r.u8());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModuleAlarm m && Arrays.equals(cellStates, m.cellStates)
                && Arrays.equals(temperatureStates, m.temperatureStates) && chargeCurrentState == m.chargeCurrentState
                && moduleVoltageState == m.moduleVoltageState && dischargeCurrentState == m.dischargeCurrentState
                && status1 == m.status1 && status2 == m.status2 && status3 == m.status3 && status4 == m.status4
                && status5 == m.status5;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(cellStates), Arrays.hashCode(temperatureStates), chargeCurrentState,
                moduleVoltageState, dischargeCurrentState, status1, status2, status3, status4, status5);
    }

    @Override
    public String toString() {
        return "ModuleAlarm[cellStates=" + Arrays.toString(cellStates) + ", temperatureStates="
                + Arrays.toString(temperatureStates) + ", chargeCurrentState=" + chargeCurrentState
                + ", moduleVoltageState=" + moduleVoltageState + ", dischargeCurrentState=" + dischargeCurrentState
                + ", status1=" + status1 + ", status2=" + status2 + ", status3=" + status3 + ", status4=" + status4
                + ", status5=" + status5 + "]";
    }
}

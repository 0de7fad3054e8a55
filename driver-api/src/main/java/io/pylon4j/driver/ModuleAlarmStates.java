package io.pylon4j.driver;

import io.pylon4j.driver.internal.PrimitiveLists;
import io.pylon4j.transport.time.Moment;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One module's newest RS485 0x44 alarm-info block as the battery sent it (docs/protocol.md §2.5.4), with when it
 * arrived: the per-value state bytes and Status1 to Status5, kept as wire bytes so that a gateway can answer 0x44
 * byte for byte. The driver's {@link ActiveAlarm}s are what these bytes mean; this record is what they were.
 * Only an RS485 driver has it (it polls 0x44 for the whole stack each cycle); CAN carries no per-module states.
 *
 * <p>State bytes: 0x00 normal, 0x01 below the lower limit, 0x02 above the upper limit, 0xF0 other error. Status1:
 * protections and over-temperatures; Status2: module power and MOSFETs; Status3: effective current, heater, fully
 * charged, buzzer; Status4 and Status5: one voltage-error bit per cell, cell 1 to 16 (docs/protocol.md §2.5.4).
 *
 * @param address               the module's RS485 address
 * @param cellStates            one state byte per cell, cell 1 first
 * @param temperatureStates     one state byte per temperature sensor, in the battery's order (BMS board first)
 * @param chargeCurrentState    the charge-current state byte
 * @param moduleVoltageState    the module-voltage state byte
 * @param dischargeCurrentState the discharge-current state byte
 * @param status1               Status1
 * @param status2               Status2
 * @param status3               Status3
 * @param status4               Status4: voltage errors of cells 1 to 8
 * @param status5               Status5: voltage errors of cells 9 to 16
 * @param stamp                 when the block arrived and from which link
 */
public record ModuleAlarmStates(int address, List<Integer> cellStates, List<Integer> temperatureStates,
                                int chargeCurrentState, int moduleVoltageState, int dischargeCurrentState,
                                int status1, int status2, int status3, int status4, int status5, FieldStamp stamp) {

    /**
     * Checks every byte and copies the lists.
     *
     * @param address               the module's RS485 address, 0 to 255
     * @param cellStates            one state byte per cell, at most 255
     * @param temperatureStates     one state byte per temperature sensor, at most 255
     * @param chargeCurrentState    the charge-current state byte
     * @param moduleVoltageState    the module-voltage state byte
     * @param dischargeCurrentState the discharge-current state byte
     * @param status1               Status1
     * @param status2               Status2
     * @param status3               Status3
     * @param status4               Status4
     * @param status5               Status5
     * @param stamp                 when the block arrived and from which link
     * @throws IllegalArgumentException if a value is not a byte or a list holds more than 255
     * @throws NullPointerException     if a reference or an element is null
     */
    public ModuleAlarmStates {
        checkByte("address", address);
        cellStates = bytes("cellStates", cellStates);
        temperatureStates = bytes("temperatureStates", temperatureStates);
        checkByte("chargeCurrentState", chargeCurrentState);
        checkByte("moduleVoltageState", moduleVoltageState);
        checkByte("dischargeCurrentState", dischargeCurrentState);
        checkByte("status1", status1);
        checkByte("status2", status2);
        checkByte("status3", status3);
        checkByte("status4", status4);
        checkByte("status5", status5);
        Objects.requireNonNull(stamp, "stamp");
    }

    /**
     * How old this block is at {@code now}, on the monotonic scale.
     *
     * @param now the current moment, from the driver that received it ({@link PylonDriver#now()})
     * @return the age
     */
    public Duration age(Moment now) {
        return Duration.ofNanos(now.nanos() - stamp.atNanos());
    }

    private static List<Integer> bytes(String name, List<Integer> values) {
        // an RS485 reply's bytes are made immutable by the driver and taken as they are (PrimitiveLists)
        List<Integer> copy = PrimitiveLists.frozenInts(values);
        if (copy.size() > 0xFF) {
            throw new IllegalArgumentException(name + ": at most 255, not " + copy.size());
        }
        int bad = PrimitiveLists.firstNonByte(copy); // read in place: a 0x44 reply builds one of these per module
        if (bad >= 0) {
            checkByte(name, copy.get(bad));
        }
        return copy;
    }

    private static void checkByte(String name, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " must be 0 to 255: " + value);
        }
    }
}

package io.pylon4j.rs485;

import java.util.EnumSet;
import java.util.Set;

/**
 * The named bits of Status1, Status2 and Status3 of a 0x44 alarm reply ([R485-33] §3.5; docs/protocol.md §2.5.4). Status4 and
 * Status5 are one bit per cell, see {@link ModuleAlarm#cellVoltageError(int)}. Bits not listed are undefined and kept
 * in the status bytes.
 *
 * <p>History ([R485-33] revision table): Status2 bit 3 came in V2.3, Status3 bit 0 and Status4/Status5 in V2.4; V2.4
 * also notes that Status3 bit 6 was once an "AC power failure" alarm, where V3.3 defines it as effective discharge
 * current, as here.
 */
public enum AlarmFlag {

    /** Status1 bit 7: module under-voltage. */
    MODULE_UNDER_VOLTAGE(1, 7),
    /** Status1 bit 6: charge over-temperature. */
    CHARGE_OVER_TEMPERATURE(1, 6),
    /** Status1 bit 5: discharge over-temperature. */
    DISCHARGE_OVER_TEMPERATURE(1, 5),
    /** Status1 bit 4: discharge over-current. */
    DISCHARGE_OVER_CURRENT(1, 4),
    /** Status1 bit 2: charge over-current. */
    CHARGE_OVER_CURRENT(1, 2),
    /** Status1 bit 1: cell under-voltage. */
    CELL_UNDER_VOLTAGE(1, 1),
    /** Status1 bit 0: module over-voltage. */
    MODULE_OVER_VOLTAGE(1, 0),
    /** Status2 bit 3: using battery-module power. */
    USING_BATTERY_MODULE_POWER(2, 3),
    /** Status2 bit 2: discharge MOSFET on. */
    DISCHARGE_MOSFET_ON(2, 2),
    /** Status2 bit 1: charge MOSFET on. */
    CHARGE_MOSFET_ON(2, 1),
    /** Status2 bit 0: pre-charge MOSFET on (reserved). */
    PRE_CHARGE_MOSFET_ON(2, 0),
    /** Status3 bit 7: effective charge current (above 0.1 A). */
    EFFECTIVE_CHARGE_CURRENT(3, 7),
    /** Status3 bit 6: effective discharge current (below −0.1 A). */
    EFFECTIVE_DISCHARGE_CURRENT(3, 6),
    /** Status3 bit 5: heater on (reserved). */
    HEATER_ON(3, 5),
    /** Status3 bit 3: fully charged (SOC 100 %). */
    FULLY_CHARGED(3, 3),
    /** Status3 bit 0: buzzer on. */
    BUZZER_ON(3, 0);

    /** {@code values()} once: it copies its array on every call, and {@link #setIn} runs once per module and reply. */
    private static final AlarmFlag[] ALL = values();

    private final int status;
    private final int bit;

    AlarmFlag(int status, int bit) {
        this.status = status;
        this.bit = bit;
    }

    /** {@return which status byte holds the flag: 1, 2 or 3} */
    public int status() {
        return status;
    }

    /** {@return the bit number within that byte, 7 = most significant} */
    public int bit() {
        return bit;
    }

    /**
     * {@return the flags set in Status1, Status2 and Status3}
     *
     * @param status1 the Status1 byte of a module's 0x44 block (under-voltage, over-temperature, over-current)
     * @param status2 the Status2 byte (battery-module power; discharge, charge and pre-charge MOSFETs)
     * @param status3 the Status3 byte (effective charge and discharge current, heater, fully charged, buzzer)
     */
    public static Set<AlarmFlag> setIn(int status1, int status2, int status3) {
        EnumSet<AlarmFlag> set = EnumSet.noneOf(AlarmFlag.class);
        for (AlarmFlag f : ALL) {
            int s = f.status == 1 ? status1 : f.status == 2 ? status2 : status3;
            if ((s >> f.bit & 1) != 0) {
                set.add(f);
            }
        }
        return set;
    }
}

package io.pylon4j.rs485;

import java.util.EnumSet;
import java.util.Set;

/**
 * The bits of the 0x62 system alarm reply's status bytes, as [AIR-INV-485] uses them (docs/protocol.md §2.5.12; emulator layout,
 * no Pylontech document). The same bits appear in the warning (alarm) bytes and the protection bytes; a few are
 * defined for one of the two only, as noted.
 */
public enum SystemAlarmFlag {

    /** Status 1 bit 7: pack over-voltage. */
    PACK_OVER_VOLTAGE(1, 7),
    /** Status 1 bit 6: pack under-voltage. */
    PACK_UNDER_VOLTAGE(1, 6),
    /** Status 1 bit 5: cell over-voltage. */
    CELL_OVER_VOLTAGE(1, 5),
    /** Status 1 bit 4: cell under-voltage. */
    CELL_UNDER_VOLTAGE(1, 4),
    /** Status 1 bit 3: cell over-temperature. */
    CELL_OVER_TEMPERATURE(1, 3),
    /** Status 1 bit 2: cell under-temperature. */
    CELL_UNDER_TEMPERATURE(1, 2),
    /** Status 1 bit 0: cell voltage difference (warning byte only). */
    CELL_VOLTAGE_DIFFERENCE(1, 0),
    /** Status 2 bit 7: temperature-sensor difference. */
    TEMPERATURE_SENSOR_DIFFERENCE(2, 7),
    /** Status 2 bit 6: charge over-current. */
    CHARGE_OVER_CURRENT(2, 6),
    /** Status 2 bit 5: discharge over-current. */
    DISCHARGE_OVER_CURRENT(2, 5),
    /** Status 2 bit 4: internal communication failure (warning byte only). */
    INTERNAL_COMMUNICATION_FAILURE(2, 4),
    /** Status 2 bit 3: other failure (protection byte only). */
    OTHER_FAILURE(2, 3);

    private final int statusByte;
    private final int bit;

    SystemAlarmFlag(int statusByte, int bit) {
        this.statusByte = statusByte;
        this.bit = bit;
    }

    /** {@return which status byte of a pair holds the flag: 1 or 2} */
    public int statusByte() {
        return statusByte;
    }

    /** {@return the bit number within that byte, 7 = most significant} */
    public int bit() {
        return bit;
    }

    /**
     * {@return the flags set in a pair of status bytes}
     *
     * @param status1 the first byte of a pair of 0x62 status bytes (warning or protection)
     * @param status2 the second byte of the same pair
     */
    public static Set<SystemAlarmFlag> setIn(int status1, int status2) {
        EnumSet<SystemAlarmFlag> set = EnumSet.noneOf(SystemAlarmFlag.class);
        for (SystemAlarmFlag f : values()) {
            int status = f.statusByte == 1 ? status1 : status2;
            if ((status >> f.bit & 1) != 0) {
                set.add(f);
            }
        }
        return set;
    }
}

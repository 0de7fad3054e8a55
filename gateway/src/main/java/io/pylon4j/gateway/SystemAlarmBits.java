package io.pylon4j.gateway;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.Alarm;
import io.pylon4j.rs485.SystemAlarm;
import io.pylon4j.rs485.SystemAlarmFlag;
import java.util.List;
import java.util.Set;

/**
 * The driver's alarms as RS485 0x62's four status bytes (the emulators' layout, docs/protocol.md §2.5.12): a
 * protection in the protection bytes, an alarm or warning in the warning bytes. "Cell or module" conditions set both
 * the cell and the pack bit; a condition 0x62 has no bit for (a system error, the fail-safe's protection, a BMS,
 * contactor or short-circuit fault) sets "other failure", so that it is never dropped.
 */
final class SystemAlarmBits {

    private SystemAlarmBits() {
    }

    /**
     * {@return the 0x62 reply for {@code alarms}}
     *
     * @param adr    the address answering
     * @param alarms the view's alarms
     */
    static SystemAlarm of(int adr, Set<ActiveAlarm> alarms) {
        int warnings = 0;
        int protections = 0;
        for (ActiveAlarm a : alarms) {
            int word = word(flags(a.alarm(), a.level() == Alarm.Level.PROTECTION));
            if (a.level() == Alarm.Level.PROTECTION) {
                protections |= word;
            } else {
                warnings |= word;
            }
        }
        return new SystemAlarm(adr, warnings >>> 8, warnings & 0xFF, protections >>> 8, protections & 0xFF);
    }

    private static List<SystemAlarmFlag> flags(Alarm a, boolean protection) {
        return switch (a) {
            case HIGH_VOLTAGE -> List.of(SystemAlarmFlag.CELL_OVER_VOLTAGE, SystemAlarmFlag.PACK_OVER_VOLTAGE);
            case LOW_VOLTAGE -> List.of(SystemAlarmFlag.CELL_UNDER_VOLTAGE, SystemAlarmFlag.PACK_UNDER_VOLTAGE);
            case MODULE_OVER_VOLTAGE -> List.of(SystemAlarmFlag.PACK_OVER_VOLTAGE);
            case MODULE_UNDER_VOLTAGE -> List.of(SystemAlarmFlag.PACK_UNDER_VOLTAGE);
            case CELL_OVER_VOLTAGE -> List.of(SystemAlarmFlag.CELL_OVER_VOLTAGE);
            case CELL_UNDER_VOLTAGE -> List.of(SystemAlarmFlag.CELL_UNDER_VOLTAGE);
            case HIGH_TEMPERATURE, CHARGE_HIGH_TEMPERATURE, DISCHARGE_HIGH_TEMPERATURE ->
                    List.of(SystemAlarmFlag.CELL_OVER_TEMPERATURE);
            case LOW_TEMPERATURE, CHARGE_LOW_TEMPERATURE -> List.of(SystemAlarmFlag.CELL_UNDER_TEMPERATURE);
            case DISCHARGE_OVER_CURRENT -> List.of(SystemAlarmFlag.DISCHARGE_OVER_CURRENT);
            case CHARGE_OVER_CURRENT -> List.of(SystemAlarmFlag.CHARGE_OVER_CURRENT);
            case INTERNAL_COMMUNICATION -> List.of(SystemAlarmFlag.INTERNAL_COMMUNICATION_FAILURE);
            case TEMPERATURE_SENSOR_DIFFERENCE -> List.of(SystemAlarmFlag.TEMPERATURE_SENSOR_DIFFERENCE);
            // the cell-difference bit exists in the warning byte only (docs/protocol.md §2.5.12)
            case CELL_IMBALANCE -> List.of(protection ? SystemAlarmFlag.OTHER_FAILURE
                    : SystemAlarmFlag.CELL_VOLTAGE_DIFFERENCE);
            case SYSTEM_ERROR, BMS_INTERNAL, OTHER_FAILURE, GENERAL, CONTACTOR, SHORT_CIRCUIT, CELL_VOLTAGE_ERROR,
                    GENERATOR -> List.of(SystemAlarmFlag.OTHER_FAILURE);
        };
    }

    /** The flags as a 16-bit word: status byte 1 in the high byte, status byte 2 in the low byte. */
    private static int word(List<SystemAlarmFlag> flags) {
        int word = 0;
        for (SystemAlarmFlag f : flags) {
            word |= 1 << (f.bit() + (f.statusByte() == 1 ? 8 : 0));
        }
        return word;
    }
}

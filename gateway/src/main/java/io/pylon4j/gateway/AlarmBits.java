package io.pylon4j.gateway;

import io.pylon4j.can.AlarmsAndWarnings;
import io.pylon4j.can.ProtectionAndAlarmFlags.Flag;
import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.Alarm;
import java.util.Optional;
import java.util.Set;

/**
 * The driver's alarms as the bits a Pylontech master sends: 0x359's protection and alarm flags, and 0x35A's
 * alarm and warning pairs (docs/protocol.md §1.3.1, §1.7, §1.8). A driver alarm with no bit of its own is sent as
 * the nearest one that stops the inverter at least as firmly (a protection with no bit of its own is a system
 * error); an alarm-level condition with no bit is left out of 0x359 and shown as a 0x35A BMS-internal warning.
 */
final class AlarmBits {

    private AlarmBits() {
    }

    /** {@return the 0x359 flag bytes 0–3 for {@code alarms}} */
    static int flags359(Set<ActiveAlarm> alarms) {
        int bits = 0;
        for (ActiveAlarm a : alarms) {
            Optional<Flag> f = a.level() == Alarm.Level.PROTECTION ? Optional.of(protection(a.alarm()))
                    : alarm(a.alarm());
            if (f.isPresent()) {
                bits |= f.get().mask();
            }
        }
        return bits;
    }

    /** {@return the 0x35A pairs for {@code alarms}, SMA polarity: cleared but for the raised items} */
    static AlarmsAndWarnings pairs35A(Set<ActiveAlarm> alarms) {
        AlarmsAndWarnings a = AlarmsAndWarnings.ALL_CLEARED;
        for (ActiveAlarm x : alarms) {
            AlarmsAndWarnings.Item item = item(x.alarm());
            a = x.level() == Alarm.Level.PROTECTION ? a.withAlarm(item, AlarmsAndWarnings.PairState.RAISED)
                    : a.withWarning(item, AlarmsAndWarnings.PairState.RAISED);
        }
        return a;
    }

    private static Flag protection(Alarm a) {
        return switch (a) {
            case HIGH_VOLTAGE, MODULE_OVER_VOLTAGE, CELL_OVER_VOLTAGE -> Flag.CELL_OVER_VOLTAGE_PROTECTION;
            case LOW_VOLTAGE, MODULE_UNDER_VOLTAGE, CELL_UNDER_VOLTAGE -> Flag.CELL_UNDER_VOLTAGE_PROTECTION;
            case HIGH_TEMPERATURE, CHARGE_HIGH_TEMPERATURE, DISCHARGE_HIGH_TEMPERATURE ->
                    Flag.CELL_OVER_TEMPERATURE_PROTECTION;
            case LOW_TEMPERATURE, CHARGE_LOW_TEMPERATURE -> Flag.CELL_UNDER_TEMPERATURE_PROTECTION;
            case DISCHARGE_OVER_CURRENT -> Flag.DISCHARGE_OVER_CURRENT_PROTECTION;
            case CHARGE_OVER_CURRENT -> Flag.CHARGE_OVER_CURRENT_PROTECTION;
            default -> Flag.SYSTEM_ERROR_PROTECTION;
        };
    }

    private static Optional<Flag> alarm(Alarm a) {
        return Optional.ofNullable(switch (a) {
            case HIGH_VOLTAGE, MODULE_OVER_VOLTAGE, CELL_OVER_VOLTAGE -> Flag.CELL_HIGH_VOLTAGE_ALARM;
            case LOW_VOLTAGE, MODULE_UNDER_VOLTAGE, CELL_UNDER_VOLTAGE -> Flag.CELL_LOW_VOLTAGE_ALARM;
            case HIGH_TEMPERATURE, CHARGE_HIGH_TEMPERATURE, DISCHARGE_HIGH_TEMPERATURE -> Flag.CELL_HIGH_TEMPERATURE_ALARM;
            case LOW_TEMPERATURE, CHARGE_LOW_TEMPERATURE -> Flag.CELL_LOW_TEMPERATURE_ALARM;
            case DISCHARGE_OVER_CURRENT -> Flag.DISCHARGE_HIGH_CURRENT_ALARM;
            case CHARGE_OVER_CURRENT -> Flag.CHARGE_HIGH_CURRENT_ALARM;
            case INTERNAL_COMMUNICATION -> Flag.INTERNAL_COMMUNICATION_FAIL_ALARM;
            default -> null;
        });
    }

    private static AlarmsAndWarnings.Item item(Alarm a) {
        return switch (a) {
            case HIGH_VOLTAGE, MODULE_OVER_VOLTAGE, CELL_OVER_VOLTAGE -> AlarmsAndWarnings.Item.HIGH_VOLTAGE;
            case LOW_VOLTAGE, MODULE_UNDER_VOLTAGE, CELL_UNDER_VOLTAGE -> AlarmsAndWarnings.Item.LOW_VOLTAGE;
            case HIGH_TEMPERATURE, DISCHARGE_HIGH_TEMPERATURE -> AlarmsAndWarnings.Item.HIGH_TEMPERATURE;
            case LOW_TEMPERATURE -> AlarmsAndWarnings.Item.LOW_TEMPERATURE;
            case CHARGE_HIGH_TEMPERATURE -> AlarmsAndWarnings.Item.HIGH_TEMPERATURE_CHARGE;
            case CHARGE_LOW_TEMPERATURE -> AlarmsAndWarnings.Item.LOW_TEMPERATURE_CHARGE;
            case DISCHARGE_OVER_CURRENT -> AlarmsAndWarnings.Item.HIGH_DISCHARGE_CURRENT;
            case CHARGE_OVER_CURRENT -> AlarmsAndWarnings.Item.HIGH_CHARGE_CURRENT;
            case CONTACTOR -> AlarmsAndWarnings.Item.CONTACTOR;
            case SHORT_CIRCUIT -> AlarmsAndWarnings.Item.SHORT_CIRCUIT;
            case CELL_IMBALANCE -> AlarmsAndWarnings.Item.CELL_IMBALANCE;
            case GENERATOR -> AlarmsAndWarnings.Item.GENERATOR;
            case GENERAL -> AlarmsAndWarnings.Item.GENERAL;
            default -> AlarmsAndWarnings.Item.BMS_INTERNAL;
        };
    }
}

package io.pylon4j.driver;

/**
 * The fields of a {@link BankStatus} that carry their own timestamp and source, so that
 * {@link BankStatus#age(BankField, io.pylon4j.transport.time.Moment)} answers "how old is this value?".
 */
public enum BankField {
    /** The battery's {@link Limits} (CAN 0x351, RS485 0x92). */
    LIMITS,
    /** State of charge (CAN 0x355, RS485 0x42 capacities). */
    SOC,
    /** State of health (CAN 0x355). */
    SOH,
    /** Bank voltage (CAN 0x356, RS485 0x42). */
    VOLTAGE,
    /** Bank current (CAN 0x356, RS485 0x42). */
    CURRENT,
    /** Temperature (CAN 0x356, RS485 0x42). */
    TEMPERATURE,
    /** The set of active alarms (CAN 0x359/0x35A, RS485 0x44). */
    ALARMS,
    /** The request flags (CAN 0x35C, RS485 0x92 status). */
    REQUEST_FLAGS,
    /** The module count (CAN 0x359 byte 4, RS485 0x42 stack reply). */
    MODULE_COUNT,
    /** Per-module details, stamped with the newest update of any module (RS485 0x42, 0x44, 0x93, 0x96). */
    MODULE_DETAILS;

    /**
     * Whether this is one of the five {@link Measurements} fields.
     *
     * @return true for SOC, SOH, VOLTAGE, CURRENT and TEMPERATURE
     */
    public boolean isMeasurement() {
        return switch (this) {
            case SOC, SOH, VOLTAGE, CURRENT, TEMPERATURE -> true;
            case LIMITS, ALARMS, REQUEST_FLAGS, MODULE_COUNT, MODULE_DETAILS -> false;
        };
    }
}

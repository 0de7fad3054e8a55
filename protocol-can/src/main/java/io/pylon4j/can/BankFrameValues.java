package io.pylon4j.can;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a bank's master reports in one CAN cycle, in SI units, before the rounding to wire steps that
 * {@link BankFrameEncoder} does: the input of every Pylontech frame set, whoever sends it (the simulator's battery
 * side, the gateway). A value the sender does not know is empty, and its field is then left out of the frame (a
 * shorter DLC), never sent as a made-up zero.
 *
 * @param chargeVoltageLimitVolts    CVL, V (0x351)
 * @param chargeCurrentLimitAmps     CCL, A, not negative (0x351)
 * @param dischargeCurrentLimitAmps  DCL, A, not negative: Pylontech sends it positive (0x351, docs/protocol.md §1.2)
 * @param dischargeVoltageLimitVolts the discharge (cut-off) voltage limit, V, if known (0x351 bytes 6–7)
 * @param socPercent                 state of charge, 0–100 % (0x355)
 * @param sohPercent                 state of health, 0–100 %, if known (0x355 bytes 2–3)
 * @param voltageVolts               the bank's (average module) voltage, V (0x356)
 * @param currentAmps                the bank's current, A, positive when charging (0x356; its field is required
 *                                   wherever the voltage is sent)
 * @param temperatureCelsius         the average cell temperature, °C, if known (0x356 bytes 4–5)
 * @param protectionAndAlarmFlags    0x359's four flag bytes as one little-endian int (docs/protocol.md §1.3.1)
 * @param modules                    the modules online (0x359 byte 4; saturated at 255)
 * @param requestFlags               0x35C's byte 0 (docs/protocol.md §1.3.2)
 * @param capacityAmpHours           the installed capacity, Ah (0x35F, 0x379)
 */
public record BankFrameValues(double chargeVoltageLimitVolts, double chargeCurrentLimitAmps,
                              double dischargeCurrentLimitAmps, OptionalDouble dischargeVoltageLimitVolts,
                              double socPercent, OptionalDouble sohPercent, double voltageVolts,
                              double currentAmps, OptionalDouble temperatureCelsius,
                              int protectionAndAlarmFlags, int modules, int requestFlags, double capacityAmpHours) {

    /**
     * Checks that the optional values are given (possibly empty) and the numbers are finite.
     *
     * @param chargeVoltageLimitVolts    CVL, V
     * @param chargeCurrentLimitAmps     CCL, A
     * @param dischargeCurrentLimitAmps  DCL, A, positive
     * @param dischargeVoltageLimitVolts the discharge voltage limit, V, if known
     * @param socPercent                 state of charge, %
     * @param sohPercent                 state of health, %, if known
     * @param voltageVolts               the bank's voltage, V
     * @param currentAmps                the bank's current, A, positive when charging
     * @param temperatureCelsius         the average cell temperature, °C, if known
     * @param protectionAndAlarmFlags    0x359's four flag bytes, little-endian
     * @param modules                    the modules online
     * @param requestFlags               0x35C's byte 0
     * @param capacityAmpHours           the installed capacity, Ah
     * @throws IllegalArgumentException if a number is NaN or infinite, or {@code modules} is negative
     * @throws NullPointerException     if an optional value is null
     */
    public BankFrameValues {
        Objects.requireNonNull(dischargeVoltageLimitVolts, "dischargeVoltageLimitVolts");
        Objects.requireNonNull(sohPercent, "sohPercent");
        Objects.requireNonNull(temperatureCelsius, "temperatureCelsius");
        finite("chargeVoltageLimitVolts", chargeVoltageLimitVolts);
        finite("chargeCurrentLimitAmps", chargeCurrentLimitAmps);
        finite("dischargeCurrentLimitAmps", dischargeCurrentLimitAmps);
        finite("socPercent", socPercent);
        finite("voltageVolts", voltageVolts);
        finite("currentAmps", currentAmps);
        finite("capacityAmpHours", capacityAmpHours);
        for (OptionalDouble o : new OptionalDouble[] {dischargeVoltageLimitVolts, sohPercent, temperatureCelsius}) {
            if (o.isPresent()) {
                finite("an optional value", o.getAsDouble());
            }
        }
        if (modules < 0) {
            throw new IllegalArgumentException("modules must not be negative: " + modules);
        }
    }

    private static void finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number: " + value);
        }
    }
}

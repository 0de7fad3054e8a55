package io.pylon4j.simulator;

/**
 * The four values CAN 0x351 and RS485 0x92 carry: charge voltage limit (CVL), discharge voltage limit, charge
 * current limit (CCL) and discharge current limit (DCL).
 *
 * <p>Both current limits are <b>magnitudes</b> (zero or positive). Real Pylontech sends the DCL positive on CAN
 * 0x351 and negative on RS485 0x92/0x47 (docs/protocol.md §1.2 notes, §2.7 item 8); the front ends apply the sign. CAN carries
 * currents as signed 16-bit 0.1 A values: a large bank (e.g. 96 × US5000 = 7680 A) exceeds 3276.7 A, and the CAN
 * front end must saturate rather than wrap.
 *
 * @param chargeVoltageMillivolts    CVL, mV (CAN: 0.1 V, truncate)
 * @param dischargeVoltageMillivolts discharge (cut-off) voltage limit, mV (CAN: 0.1 V, rounded up: never a lower cut-off)
 * @param chargeCurrentDeciAmps      CCL, 0.1 A, magnitude
 * @param dischargeCurrentDeciAmps   DCL, 0.1 A, magnitude
 */
public record ChargeLimits(int chargeVoltageMillivolts, int dischargeVoltageMillivolts, int chargeCurrentDeciAmps,
                           int dischargeCurrentDeciAmps) {

    /**
     * Checks the values.
     *
     * @param chargeVoltageMillivolts    CVL, mV (CAN: 0.1 V, truncate)
     * @param dischargeVoltageMillivolts discharge (cut-off) voltage limit, mV (CAN: 0.1 V, rounded up: never a lower cut-off)
     * @param chargeCurrentDeciAmps      CCL, 0.1 A, magnitude
     * @param dischargeCurrentDeciAmps   DCL, 0.1 A, magnitude
     *
     * @throws IllegalArgumentException if a value is negative
     */
    public ChargeLimits {
        if (chargeVoltageMillivolts < 0 || dischargeVoltageMillivolts < 0) {
            throw new IllegalArgumentException(String.format(
                    "voltage limits must not be negative: charge %d mV, discharge %d mV",
                    chargeVoltageMillivolts, dischargeVoltageMillivolts));
        }
        if (chargeCurrentDeciAmps < 0 || dischargeCurrentDeciAmps < 0) {
            throw new IllegalArgumentException(String.format(
                    "current limits are magnitudes and must not be negative: charge %d, discharge %d (0.1 A)",
                    chargeCurrentDeciAmps, dischargeCurrentDeciAmps));
        }
    }

    /** {@return the CCL in amperes} */
    public double chargeCurrentAmps() {
        return chargeCurrentDeciAmps / 10.0;
    }

    /** {@return the DCL in amperes (a magnitude)} */
    public double dischargeCurrentAmps() {
        return dischargeCurrentDeciAmps / 10.0;
    }

    /** {@return the CVL in volts} */
    public double chargeVoltageVolts() {
        return chargeVoltageMillivolts / 1000.0;
    }

    /** {@return the discharge voltage limit in volts} */
    public double dischargeVoltageVolts() {
        return dischargeVoltageMillivolts / 1000.0;
    }
}

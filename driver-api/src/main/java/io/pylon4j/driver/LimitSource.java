package io.pylon4j.driver;

/**
 * Why a published limit has the value it has: the step of the {@link LimitPolicy} that decided it. The answer to
 * "why is the charge limit 0?" is {@link BankStatus#chargeCurrentLimitProvenance()}{@code .source()}.
 */
public enum LimitSource {
    /** The battery's own value, fresh. */
    BATTERY,
    /** The battery's last value, no longer fresh (kept for voltage limits, marked so nobody takes it as current). */
    BATTERY_LAST_KNOWN,
    /** No limits have been received from the battery yet: currents 0, voltages 0 (unknown). */
    FAIL_SAFE_NO_DATA,
    /** The bank is {@link SupervisionState#STALE}: currents forced to 0. */
    FAIL_SAFE_STALE,
    /** The bank is {@link SupervisionState#LOST}: currents forced to 0. */
    FAIL_SAFE_LOST,
    /** A user cap ({@link LimitCaps}) is lower (or, for the discharge voltage, higher) than the battery's value. */
    USER_CAP,
    /** Fewer modules are reported than expected: currents scaled by reported ÷ expected. */
    MODULE_COUNT_SCALING
}

package io.pylon4j.driver;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Limits a user sets on top of the battery's: the published value is the stricter of the two, with
 * {@link LimitSource#USER_CAP} as provenance when the cap decides. Immutable; start from {@link #none()}.
 *
 * @param maxChargeVoltageVolts    published CVL is at most this
 * @param maxChargeCurrentAmps     published CCL is at most this
 * @param maxDischargeCurrentAmps  published DCL is at most this (a magnitude)
 * @param minDischargeVoltageVolts published discharge voltage limit is at least this (raising the cut-off is the
 *                                 safe direction)
 */
public record LimitCaps(OptionalDouble maxChargeVoltageVolts, OptionalDouble maxChargeCurrentAmps,
                        OptionalDouble maxDischargeCurrentAmps, OptionalDouble minDischargeVoltageVolts) {

    private static final LimitCaps NONE = new LimitCaps(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty());

    /**
     * Checks that every cap present is a finite value ≥ 0.
     *
     * @param maxChargeVoltageVolts    highest CVL to publish, V
     * @param maxChargeCurrentAmps     highest CCL to publish, A
     * @param maxDischargeCurrentAmps  highest DCL to publish, A, a magnitude
     * @param minDischargeVoltageVolts lowest discharge voltage limit to publish, V
     * @throws IllegalArgumentException if a cap is negative, NaN or infinite
     */
    public LimitCaps {
        check("maxChargeVoltageVolts", maxChargeVoltageVolts);
        check("maxChargeCurrentAmps", maxChargeCurrentAmps);
        check("maxDischargeCurrentAmps", maxDischargeCurrentAmps);
        check("minDischargeVoltageVolts", minDischargeVoltageVolts);
    }

    /**
     * No caps: the battery's values pass unchanged.
     *
     * @return the caps with every value empty
     */
    public static LimitCaps none() {
        return NONE;
    }

    /**
     * These caps with a highest charge voltage limit.
     *
     * @param value the highest CVL to publish, V, ≥ 0
     * @return the new caps
     */
    public LimitCaps withMaxChargeVoltageVolts(double value) {
        return new LimitCaps(OptionalDouble.of(value), maxChargeCurrentAmps, maxDischargeCurrentAmps,
                minDischargeVoltageVolts);
    }

    /**
     * These caps with a highest charge current limit.
     *
     * @param value the highest CCL to publish, A, ≥ 0
     * @return the new caps
     */
    public LimitCaps withMaxChargeCurrentAmps(double value) {
        return new LimitCaps(maxChargeVoltageVolts, OptionalDouble.of(value), maxDischargeCurrentAmps,
                minDischargeVoltageVolts);
    }

    /**
     * These caps with a highest discharge current limit.
     *
     * @param value the highest DCL to publish, A, a magnitude ≥ 0
     * @return the new caps
     */
    public LimitCaps withMaxDischargeCurrentAmps(double value) {
        return new LimitCaps(maxChargeVoltageVolts, maxChargeCurrentAmps, OptionalDouble.of(value),
                minDischargeVoltageVolts);
    }

    /**
     * These caps with a lowest discharge (cut-off) voltage limit.
     *
     * @param value the lowest discharge voltage limit to publish, V, ≥ 0
     * @return the new caps
     */
    public LimitCaps withMinDischargeVoltageVolts(double value) {
        return new LimitCaps(maxChargeVoltageVolts, maxChargeCurrentAmps, maxDischargeCurrentAmps,
                OptionalDouble.of(value));
    }

    private static void check(String name, OptionalDouble value) {
        Objects.requireNonNull(value, name);
        if (value.isPresent() && (!Double.isFinite(value.getAsDouble()) || value.getAsDouble() < 0.0)) {
            throw new IllegalArgumentException(name + " must be a finite value ≥ 0: " + value.getAsDouble());
        }
    }
}

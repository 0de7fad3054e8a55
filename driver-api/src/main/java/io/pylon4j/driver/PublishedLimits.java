package io.pylon4j.driver;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The limits the driver tells control software to obey — the battery's values after fail-safe, module-count
 * scaling and user caps ({@link LimitPolicy}) — each with its {@link LimitProvenance}. Current limits are positive
 * magnitudes (see {@link Limits}).
 *
 * @param chargeVoltageLimitVolts              published CVL; 0 with {@link LimitSource#FAIL_SAFE_NO_DATA} when
 *                                             never received
 * @param chargeCurrentLimitAmps               published CCL
 * @param dischargeCurrentLimitAmps            published DCL
 * @param dischargeVoltageLimitVolts           published discharge voltage limit, when known
 * @param chargeVoltageLimitProvenance         why CVL is what it is
 * @param chargeCurrentLimitProvenance         why CCL is what it is
 * @param dischargeCurrentLimitProvenance      why DCL is what it is
 * @param dischargeVoltageLimitProvenance      why the discharge voltage limit is what it is (or absent)
 */
public record PublishedLimits(double chargeVoltageLimitVolts, double chargeCurrentLimitAmps,
                              double dischargeCurrentLimitAmps, OptionalDouble dischargeVoltageLimitVolts,
                              LimitProvenance chargeVoltageLimitProvenance,
                              LimitProvenance chargeCurrentLimitProvenance,
                              LimitProvenance dischargeCurrentLimitProvenance,
                              LimitProvenance dischargeVoltageLimitProvenance) {

    /**
     * Checks the references.
     *
     * @param chargeVoltageLimitVolts         published CVL, V
     * @param chargeCurrentLimitAmps          published CCL, A
     * @param dischargeCurrentLimitAmps       published DCL, A
     * @param dischargeVoltageLimitVolts      published discharge voltage limit, V, when known
     * @param chargeVoltageLimitProvenance    why CVL is what it is
     * @param chargeCurrentLimitProvenance    why CCL is what it is
     * @param dischargeCurrentLimitProvenance why DCL is what it is
     * @param dischargeVoltageLimitProvenance why the discharge voltage limit is what it is
     */
    public PublishedLimits {
        Objects.requireNonNull(dischargeVoltageLimitVolts, "dischargeVoltageLimitVolts");
        Objects.requireNonNull(chargeVoltageLimitProvenance, "chargeVoltageLimitProvenance");
        Objects.requireNonNull(chargeCurrentLimitProvenance, "chargeCurrentLimitProvenance");
        Objects.requireNonNull(dischargeCurrentLimitProvenance, "dischargeCurrentLimitProvenance");
        Objects.requireNonNull(dischargeVoltageLimitProvenance, "dischargeVoltageLimitProvenance");
    }

    /**
     * The published values as {@link Limits}.
     *
     * @return the four values, without their provenance
     */
    public Limits asLimits() {
        return new Limits(chargeVoltageLimitVolts, chargeCurrentLimitAmps, dischargeCurrentLimitAmps,
                dischargeVoltageLimitVolts);
    }

    /**
     * Whether {@code other} publishes the same values from the same sources with the same battery values: the
     * reasons (which mention ages) are not compared. The model emits {@link BankEvent.LimitsChanged} only when this
     * is false.
     *
     * @param other the limits to compare with, usually the previously published ones
     * @return true if the values, sources and battery values are all equal
     */
    public boolean sameDecisionAs(PublishedLimits other) {
        return asLimits().equals(other.asLimits())
                && same(chargeVoltageLimitProvenance, other.chargeVoltageLimitProvenance)
                && same(chargeCurrentLimitProvenance, other.chargeCurrentLimitProvenance)
                && same(dischargeCurrentLimitProvenance, other.dischargeCurrentLimitProvenance)
                && same(dischargeVoltageLimitProvenance, other.dischargeVoltageLimitProvenance);
    }

    private static boolean same(LimitProvenance a, LimitProvenance b) {
        return a.source() == b.source() && a.batteryValue().equals(b.batteryValue());
    }
}

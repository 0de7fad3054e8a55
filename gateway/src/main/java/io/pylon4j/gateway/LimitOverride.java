package io.pylon4j.gateway;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A remote override of the current limits (an energy manager, an operator): it can only <em>lower</em> what the
 * source allows, never raise it, and it expires {@code validFor} after it was set, on the monotonic clock, so that a
 * remote that stops renewing it cannot hold the bank at its values forever ({@link CanGateway#override}). It carries
 * no battery control command (no force charge): the gateway sends none unless its source asks.
 *
 * @param maxChargeCurrentAmps    the highest CCL to send while it holds, A, ≥ 0; empty: CCL as the source says
 * @param maxDischargeCurrentAmps the highest DCL to send while it holds, A, ≥ 0; empty: DCL as the source says
 * @param validFor                how long it holds after it was set, &gt; 0
 * @param origin                  who set it (shown in events)
 */
public record LimitOverride(OptionalDouble maxChargeCurrentAmps, OptionalDouble maxDischargeCurrentAmps,
                            Duration validFor, String origin) {

    /**
     * Checks the values.
     *
     * @param maxChargeCurrentAmps    the highest CCL, A, ≥ 0, if capped
     * @param maxDischargeCurrentAmps the highest DCL, A, ≥ 0, if capped
     * @param validFor                how long it holds, &gt; 0
     * @param origin                  who set it
     * @throws IllegalArgumentException if a cap is negative or not finite, or {@code validFor} not positive
     */
    public LimitOverride {
        Objects.requireNonNull(maxChargeCurrentAmps, "maxChargeCurrentAmps");
        Objects.requireNonNull(maxDischargeCurrentAmps, "maxDischargeCurrentAmps");
        Objects.requireNonNull(origin, "origin");
        requireCap("maxChargeCurrentAmps", maxChargeCurrentAmps);
        requireCap("maxDischargeCurrentAmps", maxDischargeCurrentAmps);
        if (validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("validFor must be positive: " + validFor);
        }
    }

    private static void requireCap(String name, OptionalDouble cap) {
        if (cap.isPresent() && !(cap.getAsDouble() >= 0 && cap.getAsDouble() < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and ≥ 0: " + cap.getAsDouble());
        }
    }

    /**
     * {@code view} with this override's caps applied: each current limit the lower of the source's and the cap.
     *
     * @param view the view to send
     * @return the capped view (the same when nothing is capped or the view has no limits)
     */
    public BankView applyTo(BankView view) {
        if (view.limits().isEmpty()) {
            return view;
        }
        var l = view.limits().get();
        double ccl = Math.min(l.chargeCurrentLimitAmps(), maxChargeCurrentAmps.orElse(Double.MAX_VALUE));
        double dcl = Math.min(l.dischargeCurrentLimitAmps(), maxDischargeCurrentAmps.orElse(Double.MAX_VALUE));
        return new BankView(view.state(), view.reason(), java.util.Optional.of(new io.pylon4j.driver.Limits(
                l.chargeVoltageLimitVolts(), ccl, dcl, l.dischargeVoltageLimitVolts())), view.measurements(),
                view.requests(), view.alarms(), view.modules(), view.capacityAmpHours(), view.cells(),
                view.serialNumber(), view.details());
    }
}

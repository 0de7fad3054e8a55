package io.pylon4j.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * When the simulated battery raises and clears its force-charge and full-charge requests (docs/protocol.md §1.3.2, §2.5.6).
 *
 * <p>A force-charge request is set when the SOC falls to or below its {@code set} threshold and cleared when the SOC
 * rises to or above its {@code clear} threshold; in between it keeps its previous value (hysteresis). The full-charge
 * request is set once the SOC has stayed below {@code fullChargeSocPercent} for {@code fullChargeInterval} of
 * simulated time, and cleared (with the timer) as soon as the SOC reaches it. SOC here is the exact, unrounded value.
 *
 * @param forceChargeISetPercent    force charge I is set at or below this SOC
 * @param forceChargeIClearPercent  force charge I is cleared at or above this SOC
 * @param forceChargeIISetPercent   force charge II is set at or below this SOC
 * @param forceChargeIIClearPercent force charge II is cleared at or above this SOC
 * @param fullChargeSocPercent      the SOC that counts as "fully charged" for the full-charge request
 * @param fullChargeInterval        how long the SOC may stay below {@code fullChargeSocPercent}
 */
public record RequestPolicy(double forceChargeISetPercent, double forceChargeIClearPercent,
                            double forceChargeIISetPercent, double forceChargeIIClearPercent,
                            double fullChargeSocPercent, Duration fullChargeInterval) {

    /**
     * US2000B-Plus (docs/protocol.md §1.3.2): force charge I in the 5–10 % band (set at 5 %, cleared at 10 %), force charge II in
     * the 9–13 % band (set at 9 %, cleared at 13 %); full-charge request after 30 days below 97 %. Reading the
     * bands as set/clear thresholds is this simulator's interpretation.
     */
    public static final RequestPolicy US2000B_PLUS = new RequestPolicy(5, 10, 9, 13, 97, Duration.ofDays(30));

    /**
     * US2000B (docs/protocol.md §1.3.2): only force charge I, in the 15–19 % band; force charge II never set (thresholds below
     * zero).
     */
    public static final RequestPolicy US2000B = new RequestPolicy(15, 19, -1, -1, 97, Duration.ofDays(30));

    /**
     * Checks the thresholds.
     *
     * @param forceChargeISetPercent    force charge I is set at or below this SOC
     * @param forceChargeIClearPercent  force charge I is cleared at or above this SOC
     * @param forceChargeIISetPercent   force charge II is set at or below this SOC
     * @param forceChargeIIClearPercent force charge II is cleared at or above this SOC
     * @param fullChargeSocPercent      the SOC that counts as "fully charged" for the full-charge request
     * @param fullChargeInterval        how long the SOC may stay below {@code fullChargeSocPercent}
     *
     * @throws IllegalArgumentException if a clear threshold is below its set threshold, a value is above 100 %, or
     *                                  the interval is not positive
     */
    public RequestPolicy {
        Objects.requireNonNull(fullChargeInterval, "fullChargeInterval");
        if (!(forceChargeIClearPercent >= forceChargeISetPercent && forceChargeIClearPercent <= 100)) {
            throw new IllegalArgumentException(String.format(
                    "force charge I: clear threshold %s must be at least the set threshold %s and at most 100",
                    forceChargeIClearPercent, forceChargeISetPercent));
        }
        if (!(forceChargeIIClearPercent >= forceChargeIISetPercent && forceChargeIIClearPercent <= 100)) {
            throw new IllegalArgumentException(String.format(
                    "force charge II: clear threshold %s must be at least the set threshold %s and at most 100",
                    forceChargeIIClearPercent, forceChargeIISetPercent));
        }
        if (!(fullChargeSocPercent > 0 && fullChargeSocPercent <= 100)) {
            throw new IllegalArgumentException("fullChargeSocPercent must be above 0 and at most 100: "
                    + fullChargeSocPercent);
        }
        if (fullChargeInterval.isNegative() || fullChargeInterval.isZero()) {
            throw new IllegalArgumentException("fullChargeInterval must be positive: " + fullChargeInterval);
        }
    }
}

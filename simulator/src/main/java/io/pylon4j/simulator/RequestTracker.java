package io.pylon4j.simulator;

/**
 * The time-dependent part of the request flags (force charge I and II with hysteresis, the 30-day full-charge
 * request), for one module or for the bank. Mutable; used under the bank's lock.
 */
final class RequestTracker {

    /** Tolerance (percent) for comparing the SOC, a ratio of doubles, with the thresholds. */
    static final double EPSILON_PERCENT = 1e-9;

    private final RequestPolicy policy;
    private boolean forceChargeI;
    private boolean forceChargeII;
    private boolean fullChargeRequest;
    private long nanosBelowFull;

    RequestTracker(RequestPolicy policy, double socPercent) {
        this.policy = policy;
        update(socPercent, 0);
    }

    /** Takes the SOC (exact, %) at the end of a step of {@code nanos} simulated time. */
    void update(double socPercent, long nanos) {
        if (socPercent <= policy.forceChargeISetPercent() + EPSILON_PERCENT) {
            forceChargeI = true;
        } else if (socPercent >= policy.forceChargeIClearPercent() - EPSILON_PERCENT) {
            forceChargeI = false;
        }
        if (socPercent <= policy.forceChargeIISetPercent() + EPSILON_PERCENT) {
            forceChargeII = true;
        } else if (socPercent >= policy.forceChargeIIClearPercent() - EPSILON_PERCENT) {
            forceChargeII = false;
        }
        if (socPercent >= policy.fullChargeSocPercent() - EPSILON_PERCENT) {
            nanosBelowFull = 0;
            fullChargeRequest = false;
        } else {
            nanosBelowFull = saturatingAdd(nanosBelowFull, nanos);
            if (nanosBelowFull >= policy.fullChargeInterval().toNanos()) {
                fullChargeRequest = true;
            }
        }
    }

    /** The flags, with the enables decided by the caller. */
    RequestFlags flags(boolean chargeEnable, boolean dischargeEnable) {
        return new RequestFlags(chargeEnable, dischargeEnable, forceChargeI, forceChargeII, fullChargeRequest);
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }
}

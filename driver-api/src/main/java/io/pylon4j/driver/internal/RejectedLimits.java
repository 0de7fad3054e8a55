package io.pylon4j.driver.internal;

import io.pylon4j.driver.LimitProvenance;
import io.pylon4j.driver.PublishedLimits;

/** Says in every limit's provenance that the battery's newest limits were rejected by the plausibility gate. */
final class RejectedLimits {

    private RejectedLimits() {
    }

    /**
     * {@code limits} with every reason saying that the battery's newest limits were rejected and why: they counted as
     * missing, so what is published is the last plausible value, or the fail-safe.
     */
    static PublishedLimits explain(PublishedLimits limits, String rejection) {
        String note = "; the battery's newest limits were rejected: " + rejection;
        return new PublishedLimits(limits.chargeVoltageLimitVolts(), limits.chargeCurrentLimitAmps(),
                limits.dischargeCurrentLimitAmps(), limits.dischargeVoltageLimitVolts(),
                noted(limits.chargeVoltageLimitProvenance(), note), noted(limits.chargeCurrentLimitProvenance(), note),
                noted(limits.dischargeCurrentLimitProvenance(), note),
                noted(limits.dischargeVoltageLimitProvenance(), note));
    }

    private static LimitProvenance noted(LimitProvenance p, String note) {
        return new LimitProvenance(p.source(), p.batteryValue(), p.reason() + note);
    }
}

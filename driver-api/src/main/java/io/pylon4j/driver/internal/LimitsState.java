package io.pylon4j.driver.internal;

import io.pylon4j.driver.LimitPlausibility;
import io.pylon4j.driver.LimitPolicy;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.PublishedLimits;
import io.pylon4j.driver.SupervisionState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The limits side of one {@link BankModel}: its policy, the battery's newest plausible limits, why the battery's
 * newest limits were rejected (until plausible ones arrive), and the limits published from them. Not thread-safe:
 * guarded by the model's lock.
 */
final class LimitsState {

    private LimitPolicy policy;
    private Limits battery;
    /** Why the battery's newest limits were implausible, until plausible ones arrive; null when they were not. */
    private String rejected;
    private PublishedLimits published;

    /** Limits decided by {@code policy}, none taken from the battery nor published yet. */
    LimitsState(LimitPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    LimitPolicy policy() {
        return policy;
    }

    void policy(LimitPolicy newPolicy) {
        policy = Objects.requireNonNull(newPolicy, "newPolicy");
    }

    /** The battery's newest plausible limits, if any arrived. */
    Optional<Limits> battery() {
        return Optional.ofNullable(battery);
    }

    PublishedLimits published() {
        return published;
    }

    /** Why the policy cannot trust {@code limits}, or empty if it can. */
    Optional<String> implausibility(Limits limits, Set<LimitPlausibility.Field> wireInvalid,
                                    OptionalInt moduleCount) {
        return policy.implausibility(Objects.requireNonNull(limits, "limits"), wireInvalid, moduleCount);
    }

    /**
     * Takes plausible limits from the battery.
     *
     * @return whether this ends a rejection (the published reasons must then stop saying so)
     */
    boolean take(Limits limits) {
        battery = limits;
        boolean wasRejected = rejected != null;
        rejected = null;
        return wasRejected;
    }

    /**
     * Records why the battery's newest limits were rejected.
     *
     * @return whether that is a new reason (the published reasons must then say so)
     */
    boolean reject(String reason) {
        if (reason.equals(rejected)) {
            return false;
        }
        rejected = reason;
        return true;
    }

    /** What the policy publishes now, with the rejection's reason if the battery's newest limits were rejected. */
    PublishedLimits decide(Optional<Instant> limitsAt, SupervisionState state, String supervisionReason,
                           OptionalInt moduleCount, Instant now) {
        PublishedLimits limits = policy.apply(Optional.ofNullable(battery), limitsAt, state,
                Optional.of(supervisionReason), moduleCount, now);
        return rejected == null ? limits : RejectedLimits.explain(limits, rejected);
    }

    /**
     * Publishes {@code next} if it differs from the published limits: in its decision, or with
     * {@code reasonsToo} in anything (a rejection began or ended, which changes only the reasons).
     *
     * @return whether {@code next} is now published
     */
    boolean publish(PublishedLimits next, boolean reasonsToo) {
        boolean differs = published == null
                || (reasonsToo ? !next.equals(published) : !next.sameDecisionAs(published));
        if (differs) {
            published = next;
        }
        return differs;
    }
}

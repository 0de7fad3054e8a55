package io.pylon4j.driver.internal;

import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.BankField;
import io.pylon4j.driver.LimitPlausibility;
import io.pylon4j.driver.LimitPolicy;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.Source;
import io.pylon4j.transport.time.Moment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link BankModel}'s inputs that decide its published limits directly: the battery's limits, plausible or
 * not, and a new policy. Each updates the {@link ModelState} and returns the events of what changed, as
 * {@link ModelInputs} states. Called under the model's lock.
 */
final class LimitInputs {

    private final ModelState s;

    LimitInputs(ModelState state) {
        this.s = state;
    }

    /** Why the policy cannot trust {@code battery} now, or empty if it can take it ({@link #limits}). */
    Optional<String> implausibility(Limits battery, Set<LimitPlausibility.Field> wireInvalid) {
        return s.limits.implausibility(battery, wireInvalid, s.moduleCount);
    }

    /** Plausible limits from the battery ({@link #implausibility} found nothing). */
    List<BankEvent> limits(Source source, Limits battery, Moment at) {
        List<BankEvent> events = s.begin(source, at);
        if (s.stamps.accept(BankField.LIMITS, source, at)) {
            boolean rejectionEnded = s.limits.take(battery);
            s.supervisor.onLimitsReceived(at).ifPresent(t -> s.transition(t, events));
            s.publishLimits(at, events, false);
            if (rejectionEnded) {
                s.publishLimits(at, events, true);
            }
        }
        return events;
    }

    List<BankEvent> implausible(Source source, String reason, Moment at) {
        Objects.requireNonNull(reason, "reason");
        List<BankEvent> events = s.begin(source, at);
        if (s.limits.reject(reason)) {
            s.publishLimits(at, events, false);
            s.publishLimits(at, events, true);
        }
        return events;
    }

    List<BankEvent> policy(LimitPolicy newPolicy, Moment now) {
        s.limits.policy(newPolicy);
        List<BankEvent> events = new ArrayList<>(1);
        s.advance(now);
        s.publishLimits(now, events, false);
        return events;
    }
}

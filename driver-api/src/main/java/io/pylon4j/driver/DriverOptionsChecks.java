package io.pylon4j.driver;

import io.pylon4j.can.CanProfile;
import io.pylon4j.rs485.Rs485Address;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.time.TimeSource;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The checks of {@link DriverOptions}' constructor, out of the record so that it reads as the list of options it is;
 * each failure names the option and the value refused.
 */
final class DriverOptionsChecks {

    private DriverOptionsChecks() {
    }

    /** Every reference component but the lists is required. */
    static void requireComponents(String bankId, InverterProfile profile, CanProfile canProfile, LimitPolicy policy,
                                  TimeSource time, Optional<Executor> eventExecutor, Optional<Scheduler> scheduler,
                                  Optional<SupervisionTicker> ticker, InverterMeasurementSource inverterMeasurements) {
        Objects.requireNonNull(bankId, "bankId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(canProfile, "canProfile");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(eventExecutor, "eventExecutor");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(inverterMeasurements, "inverterMeasurements");
    }

    /**
     * Checks the bank id, the groups and the event buffer.
     *
     * @return an immutable copy of {@code rs485Groups}
     */
    static List<Integer> checkedNumbers(String bankId, int rs485Group, int eventBuffer, List<Integer> rs485Groups) {
        if (bankId.isBlank()) {
            throw new IllegalArgumentException("bankId must not be blank");
        }
        if (rs485Group < 0 || rs485Group > Rs485Address.MAX_GROUP) {
            throw new IllegalArgumentException("rs485Group must be 0.." + Rs485Address.MAX_GROUP + ": " + rs485Group);
        }
        if (eventBuffer < 1) {
            throw new IllegalArgumentException("eventBuffer must be ≥ 1: " + eventBuffer);
        }
        List<Integer> groups = List.copyOf(rs485Groups);
        if (groups.isEmpty() || groups.get(0) != rs485Group) {
            throw new IllegalArgumentException("rs485Groups must start with rs485Group " + rs485Group + ": " + groups);
        }
        if (new HashSet<>(groups).size() != groups.size()) {
            throw new IllegalArgumentException("rs485Groups must be distinct: " + groups);
        }
        for (int g : groups) {
            if (g < 0 || g > Rs485Address.MAX_GROUP) {
                throw new IllegalArgumentException("rs485Groups must each be 0.." + Rs485Address.MAX_GROUP + ": "
                        + groups);
            }
        }
        return groups;
    }
}

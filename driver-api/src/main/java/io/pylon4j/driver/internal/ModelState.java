package io.pylon4j.driver.internal;

import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.BankField;
import io.pylon4j.driver.BankInfo;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.LimitPolicy;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.PublishedLimits;
import io.pylon4j.driver.RequestFlags;
import io.pylon4j.driver.SilentGroup;
import io.pylon4j.driver.Source;
import io.pylon4j.transport.time.Moment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Everything one {@link BankModel} knows, shared by its groups of inputs ({@link ReportInputs},
 * {@link LimitInputs}, {@link LinkInputs}), with the steps they all take: note an input's time and link, record a
 * supervision transition, publish the limits decided now, and build the snapshot. Its fields are the inputs' to
 * change. Not thread-safe: confined to the model's lock.
 */
final class ModelState {

    final String bankId;
    final Supervisor supervisor;
    final LimitsState limits;
    final FieldStamps stamps;
    final AlarmChannels alarms = new AlarmChannels();
    final ModuleTable modules = new ModuleTable();
    final ModuleAlarmTable moduleAlarms = new ModuleAlarmTable();
    final Links links = new Links();
    Measurements measurements = Measurements.EMPTY;
    RequestFlags requestFlags;
    OptionalInt moduleCount = OptionalInt.empty();
    BankInfo bankInfo;
    Moment bankInfoAt;
    String supervisionReason = "started";
    /** The silent RS485 groups of a multi-group bank, by group number ({@link ReportInputs#groupSilence}). */
    final Map<Integer, SilentGroup> silentGroups = new TreeMap<>();
    /** The newest time any input, tick or policy change carried: the snapshot's timestamp. */
    private Moment latest;
    /**
     * The events list {@link #begin} hands out while no input holds it ({@link #release}): an input's list was a new
     * {@code ArrayList} and array, six per 0x44 reply (benchmarks/README.md, "Scale").
     */
    private final ArrayList<BankEvent> reusable = new ArrayList<>(8);
    private boolean reusableOut;

    /** A bank in {@link io.pylon4j.driver.SupervisionState#CONNECTING}, its limits published from {@code policy}. */
    ModelState(String bankId, InverterProfile profile, LimitPolicy policy, Moment now) {
        this.bankId = Objects.requireNonNull(bankId, "bankId");
        this.limits = new LimitsState(policy);
        this.supervisor = Supervisor.of(profile, now);
        this.latest = now;
        this.stamps = new FieldStamps(FieldStamps.holdNanos(profile), links);
        limits.publish(decideLimits(now), true);
    }

    /**
     * An input arrived from {@code source}: the link is fresh; returns the list for the input's events, to be given
     * back through {@link #release} once they are taken.
     */
    List<BankEvent> begin(Source source, Moment at) {
        Objects.requireNonNull(source, "source");
        advance(at);
        links.received(source, at);
        if (reusableOut) {
            // an input applied while another's events are delivered (a sink feeding the model again), or one that
            // threw before its events were taken: a list of its own
            return new ArrayList<>(4);
        }
        reusableOut = true;
        return reusable;
    }

    /** An input's events were taken (copied into a batch or delivered): its list, if {@link #begin}'s, is free. */
    void release(List<BankEvent> events) {
        if (events == reusable) {
            reusable.clear();
            reusableOut = false;
        }
    }

    /** Time moved to at least {@code at}. */
    void advance(Moment at) {
        Objects.requireNonNull(at, "at");
        if (at.isAfter(latest)) {
            latest = at;
        }
    }

    /** Records a supervision transition and announces it. */
    void transition(SupervisionTransition t, List<BankEvent> events) {
        supervisionReason = t.reason();
        events.add(new BankEvent.SupervisionStateChanged(bankId, t.at(), t.previous(), t.current(), t.reason()));
    }

    /**
     * Announces the limits decided now if their decision changed, or with {@code reasonsToo} if anything changed
     * (a rejection of implausible limits began or ended: the reasons say so even when the decision is the same).
     */
    void publishLimits(Moment now, List<BankEvent> events, boolean reasonsToo) {
        PublishedLimits next = decideLimits(now);
        if (limits.publish(next, reasonsToo)) {
            events.add(new BankEvent.LimitsChanged(bankId, now.wall(), next));
        }
    }

    private PublishedLimits decideLimits(Moment now) {
        return limits.decide(stamps.wallAt(BankField.LIMITS, now), supervisor.state(), supervisionReason,
                moduleCount, now.wall());
    }

    /** The immutable snapshot of everything known now. */
    BankStatus snapshot() {
        return new BankStatus(bankId, latest.wall(), limits.battery(), limits.published(), measurements,
                alarms.active(), Optional.ofNullable(requestFlags), moduleCount, modules.details(), supervisor.state(),
                supervisor.since(), supervisionReason, stamps.view(), modules.stamps(), links.sources(),
                Optional.ofNullable(bankInfo), supervisor.sinceNanos(), moduleAlarms.view(),
                List.copyOf(silentGroups.values()));
    }
}

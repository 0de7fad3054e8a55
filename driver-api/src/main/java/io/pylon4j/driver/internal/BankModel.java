package io.pylon4j.driver.internal;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.BankInfo;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.LimitPlausibility;
import io.pylon4j.driver.LimitPolicy;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.ModuleAlarmStates;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.RequestFlags;
import io.pylon4j.driver.SilentGroup;
import io.pylon4j.driver.Source;
import io.pylon4j.driver.SupervisionState;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.time.Moment;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The live model of one bank: the protocol strategies feed it plain values from either link, it merges them into
 * the current {@link BankStatus}, runs the {@link Supervisor} and the {@link LimitPolicy}, and emits a
 * {@link BankEvent} for each change to a sink (normally {@link EventPublisher#submit}).
 *
 * <p><b>Time.</b> Every input carries a {@link Moment}: its monotonic reading decides every comparison ("newest
 * wins", supervision timeouts, ages), its wall-clock reading is only displayed (event and snapshot timestamps). A
 * wall clock stepped back or forward therefore changes no decision. The {@code Instant}-taking methods are for
 * replays and tests whose instants are already in order ({@link Moment#ofInstant}); one model must be fed one kind
 * only.
 *
 * <p><b>Merging and events</b> are stated per input in {@link ModelInputs}. The snapshot is updated before the
 * events of an input are emitted, so a listener reading {@link #status()} sees at least that input (the inputs of
 * one RS485 reply are applied as one batch: one snapshot, then all their events, in order; see {@code SnapshotCommits}).
 *
 * <p><b>Threading.</b> Inputs may come from several threads (a CAN and an RS485 I/O thread); they are serialised by
 * this object's lock, and events are handed to the sink under it, so the sink sees them in order. The sink must
 * not block ({@link EventPublisher#submit} never does). {@link #status()} is lock-free. No thread, timer or clock
 * is owned here: the caller passes the time and calls {@link #tick} at {@link #nextDeadlineNanos()} (or periodically).
 */
public final class BankModel implements InstantInputs {

    private final ModelState state;
    private final ReportInputs reports;
    private final LimitInputs limitInputs;
    private final LinkInputs linkInputs;
    private final SnapshotCommits commits;
    private volatile BankStatus status;
    /**
     * The monotonic reading at which a tick can next change something ({@link Supervisor#nextDeadlineNanos()}),
     * written with each snapshot; {@link #NO_TICK_DUE} when no tick can (LOST). Read without the lock: a tick that
     * reads an older value takes the lock and finds nothing to do, or acts as if it had come just before the input
     * that moved the deadline.
     */
    private volatile long tickDue;
    private static final long NO_TICK_DUE = Long.MIN_VALUE;

    /**
     * A model in {@link SupervisionState#CONNECTING}.
     *
     * @param bankId  the bank's id, carried by every event
     * @param profile supplies the supervision timeouts
     * @param policy  turns the battery's limits into published ones
     * @param sink    receives the events, in order, under this model's lock; must not block
     * @param now     the current time from the driver's {@link io.pylon4j.transport.time.TimeSource}
     */
    public BankModel(String bankId, InverterProfile profile, LimitPolicy policy, Consumer<? super BankEvent> sink,
                     Moment now) {
        this.state = new ModelState(bankId, profile, policy, now);
        this.reports = new ReportInputs(state);
        this.limitInputs = new LimitInputs(state);
        this.linkInputs = new LinkInputs(state);
        this.commits = new SnapshotCommits(sink, this::publishSnapshot, state::release);
        publishSnapshot();
    }

    /**
     * A model started at {@link Moment#ofInstant now} (replays and tests).
     *
     * @param bankId  the bank's id, carried by every event
     * @param profile supplies the supervision timeouts
     * @param policy  turns the battery's limits into published ones
     * @param sink    receives the events, in order, under this model's lock; must not block
     * @param now     the start, standing for both the monotonic and the wall clock
     */
    public BankModel(String bankId, InverterProfile profile, LimitPolicy policy, Consumer<? super BankEvent> sink,
                     Instant now) {
        this(bankId, profile, policy, sink, Moment.ofInstant(now));
    }

    /**
     * A model with the profile's fail-safe and no caps.
     *
     * @param bankId  the bank's id, carried by every event
     * @param profile supplies the supervision timeouts and the fail-safe limits
     * @param sink    receives the events, in order, under this model's lock; must not block
     * @param now     the current time from the driver's {@link io.pylon4j.transport.time.TimeSource}
     * @return a model in {@link SupervisionState#CONNECTING}
     */
    public static BankModel create(String bankId, InverterProfile profile, Consumer<? super BankEvent> sink,
                                   Moment now) {
        return new BankModel(bankId, profile, LimitPolicy.of(profile), sink, now);
    }

    /**
     * A model with the profile's fail-safe and no caps, started at {@link Moment#ofInstant now}.
     *
     * @param bankId  the bank's id, carried by every event
     * @param profile supplies the supervision timeouts and the fail-safe limits
     * @param sink    receives the events, in order, under this model's lock; must not block
     * @param now     the start, standing for both the monotonic and the wall clock
     * @return a model in {@link SupervisionState#CONNECTING}
     */
    public static BankModel create(String bankId, InverterProfile profile, Consumer<? super BankEvent> sink,
                                   Instant now) {
        return create(bankId, profile, sink, Moment.ofInstant(now));
    }

    /**
     * The bank's id.
     *
     * @return the id every event of this model carries
     */
    public String bankId() {
        return state.bankId;
    }

    /**
     * The newest snapshot; lock-free.
     *
     * @return the state after the newest input, tick or policy change (at least the input whose events are being
     *         delivered)
     */
    public BankStatus status() {
        return status;
    }

    /**
     * Applies several inputs as one: {@code inputs} calls this model's {@code on…} methods, and their changes
     * become one new snapshot and their events follow in the order they were made, after it. A strategy applies
     * one reply this way (a 4-module RS485 0x42 is four module inputs), so that a reply costs one snapshot, not one
     * per input. The lock is held throughout; nested batches join the outer one.
     */
    synchronized void batch(Runnable inputs) {
        commits.batch(inputs);
    }

    /**
     * The monotonic reading at which {@link #tick} should next be called ({@link Supervisor#nextDeadlineNanos()}).
     *
     * @return a {@link Moment#nanos()} reading, or empty when no tick can change the supervision state (LOST)
     */
    public synchronized OptionalLong nextDeadlineNanos() {
        return state.supervisor.nextDeadlineNanos();
    }

    @Override
    public synchronized boolean onLimits(Source source, Limits limits, Set<LimitPlausibility.Field> wireInvalid,
                                         Moment at) {
        Optional<String> implausible = limitInputs.implausibility(limits, wireInvalid);
        if (implausible.isPresent()) {
            onImplausibleLimits(source, implausible.get(), at);
            return false;
        }
        commits.commit(limitInputs.limits(source, limits, at));
        return true;
    }

    @Override
    public synchronized void onImplausibleLimits(Source source, String reason, Moment at) {
        commits.commit(limitInputs.implausible(source, reason, at));
    }

    @Override
    public synchronized void onMeasurements(Source source, Measurements update, Moment at) {
        commits.commit(reports.measurements(source, update, at));
    }

    @Override
    public synchronized void onAlarms(Source source, String channel, Set<ActiveAlarm> active, Moment at) {
        commits.commit(reports.alarms(source, channel, active, at));
    }

    /**
     * The set a channel reported last (empty if it never reported): what a strategy passes as {@code previous} to
     * {@link AlarmMapping#can35A}, whose raise/clear pairs are relative to it.
     *
     * @param source  the link the channel belongs to
     * @param channel the channel's name, as passed to {@link #onAlarms(Source, String, Set, Moment)}
     * @return the channel's newest set, unmodifiable
     */
    public synchronized Set<ActiveAlarm> channelAlarms(Source source, String channel) {
        return state.alarms.channel(ReportInputs.channelKey(source, channel));
    }

    @Override
    public synchronized void onRequestFlags(Source source, RequestFlags flags, Moment at) {
        commits.commit(reports.requestFlags(source, flags, at));
    }

    @Override
    public synchronized void onModuleCount(Source source, int count, Moment at) {
        commits.commit(reports.moduleCount(source, count, at));
    }

    @Override
    public synchronized void onModuleDetails(Source source, ModuleDetails details, Moment at) {
        commits.commit(reports.moduleDetails(source, details, at));
    }

    @Override
    public synchronized void onModuleLeft(Source source, int address, Moment at) {
        commits.commit(reports.moduleLeft(source, address, at));
    }

    /**
     * A module's RS485 0x44 block as the battery sent it, for {@link BankStatus#moduleAlarms()} (its meaning
     * arrives separately through {@link #onAlarms}).
     *
     * @param source the link it came from
     * @param block  the block, stamped when it arrived
     * @param at     when it arrived
     */
    public synchronized void onModuleAlarmStates(Source source, ModuleAlarmStates block, Moment at) {
        commits.commit(reports.moduleAlarmStates(source, block, at));
    }

    /**
     * An RS485 group of a multi-group bank fell silent, or answered again ({@link BankStatus#silentGroups()}).
     *
     * @param group   the group number
     * @param silence why and since when it is silent; empty when it answered again
     * @param at      now
     */
    public synchronized void onGroupSilence(int group, Optional<SilentGroup> silence, Moment at) {
        commits.commit(reports.groupSilence(group, silence, at));
    }

    @Override
    public synchronized void onBankInfo(Source source, BankInfo info, Moment at) {
        commits.commit(reports.bankInfo(source, info, at));
    }

    @Override
    public synchronized void onTransportState(Source source, ConnectionState state, Moment at) {
        commits.commit(linkInputs.transportState(source, state, at));
    }

    @Override
    public synchronized void onTransportState(Source source, ConnectionStateChange change, Moment at) {
        commits.commit(linkInputs.transportChange(source, change, at));
    }

    @Override
    public void tick(Moment now) {
        Objects.requireNonNull(now, "now");
        long due = tickDue;
        if (due == NO_TICK_DUE || now.nanos() - due < 0) {
            return; // not due: no lock taken (one ticker ticks every bank of a process ten times a second)
        }
        tickLocked(now);
    }

    private synchronized void tickLocked(Moment now) {
        List<BankEvent> events = linkInputs.tick(now);
        if (events != null) {
            commits.commit(events);
        }
    }

    @Override
    public synchronized void setPolicy(LimitPolicy newPolicy, Moment now) {
        commits.commit(limitInputs.policy(newPolicy, now));
    }

    /**
     * The current limit policy.
     *
     * @return the policy given at construction or by the newest {@link #setPolicy(LimitPolicy, Moment)}
     */
    public synchronized LimitPolicy policy() {
        return state.limits.policy();
    }

    /** The new snapshot and tick deadline of a commit (under the lock, before the commit's events). */
    private void publishSnapshot() {
        status = state.snapshot();
        Supervisor supervisor = state.supervisor;
        tickDue = supervisor.state() == SupervisionState.LOST ? NO_TICK_DUE : supervisor.deadlineNanos();
    }
}

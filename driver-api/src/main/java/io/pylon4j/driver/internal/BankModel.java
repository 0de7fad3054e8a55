package io.pylon4j.driver.internal;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.BankField;
import io.pylon4j.driver.BankInfo;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.FieldStamp;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.LimitPlausibility;
import io.pylon4j.driver.LimitPolicy;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.LinkStatus;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.PublishedLimits;
import io.pylon4j.driver.RequestFlags;
import io.pylon4j.driver.Source;
import io.pylon4j.driver.SourceStatus;
import io.pylon4j.driver.SupervisionState;
import io.pylon4j.driver.SupervisionTicker;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.time.Moment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
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
 * <p><b>Merging.</b> Every input carries the link it came from and the time it was observed. Per field, the newest
 * observation wins: an input older than the field's current value (for example a slow RS485 reply overtaken by a
 * CAN frame) is ignored for that field, whichever link it came from. Each link's last delivery is recorded as its
 * freshness ({@link BankStatus#sources()}). Alarms are reported per <em>channel</em> (a name the strategy chooses
 * per kind of report, e.g. {@code "0x359"}, {@code "0x35A"}, {@code "0x44@2"}): each channel replaces its own set,
 * and the active alarms are the union of all channels, so two frames that each carry part of the alarms do not
 * clear each other's.
 *
 * <p><b>Events.</b> Only changes are emitted: measurements when a value changes, alarms by set difference (cleared
 * first, then raised, each in a stable order), request flags and module count when they change, module details
 * when the merged details change, supervision on every transition, and limits when the published values or their
 * sources change. A supervision transition comes before the limits change it causes. The snapshot is updated
 * before the events of an input are emitted, so a listener reading {@link #status()} sees at least that input (the
 * inputs of one RS485 reply are applied as one batch: one snapshot, then all their events, in order).
 *
 * <p><b>Threading.</b> Inputs may come from several threads (a CAN and an RS485 I/O thread); they are serialised by
 * this object's lock, and events are handed to the sink under it, so the sink sees them in order. The sink must
 * not block ({@link EventPublisher#submit} never does). {@link #status()} is lock-free. No thread, timer or clock
 * is owned here: the caller passes the time and calls {@link #tick} at {@link #nextDeadlineNanos()} (or periodically).
 */
public final class BankModel implements InstantInputs {

    private final String bankId;
    private final Consumer<? super BankEvent> sink;
    private final Supervisor supervisor;
    private LimitPolicy policy;

    private Limits batteryLimits;
    /** Why the battery's newest limits were implausible, until plausible ones arrive; null when they were not. */
    private String rejectedLimits;
    private Measurements measurements = Measurements.EMPTY;
    private final AlarmChannels alarms = new AlarmChannels();
    private RequestFlags requestFlags;
    private OptionalInt moduleCount = OptionalInt.empty();
    private final ModuleTable modules = new ModuleTable();
    private BankInfo bankInfo;
    private Moment bankInfoAt;
    private final EnumMap<BankField, FieldStamp> stamps = new EnumMap<>(BankField.class);
    private final Links links = new Links();
    private String supervisionReason = "started";
    private PublishedLimits published;
    private Moment latest;
    private volatile BankStatus status;
    /**
     * The monotonic reading at which a tick can next change something ({@link Supervisor#nextDeadlineNanos()}),
     * written with each snapshot; {@link #NO_TICK_DUE} when no tick can (LOST). Read without the lock: a tick that
     * reads an older value takes the lock and finds nothing to do, or acts as if it had come just before the input
     * that moved the deadline.
     */
    private volatile long tickDue;
    private static final long NO_TICK_DUE = Long.MIN_VALUE;
    /** Within {@link #batch}: how deep, and the events of its inputs so far. */
    private int batchDepth;
    private boolean batchChanged;
    private final List<BankEvent> batchEvents = new ArrayList<>();

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
        this.bankId = Objects.requireNonNull(bankId, "bankId");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.supervisor = Supervisor.of(profile, now);
        this.latest = now;
        this.published = computeLimits(now);
        this.status = snapshot();
        this.tickDue = tickDue();
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
        return bankId;
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
        batchDepth++;
        try {
            inputs.run();
        } finally {
            if (--batchDepth == 0) {
                flush();
            }
        }
    }

    /**
     * The monotonic reading at which {@link #tick} should next be called ({@link Supervisor#nextDeadlineNanos()}).
     *
     * @return a {@link Moment#nanos()} reading, or empty when no tick can change the supervision state (LOST)
     */
    public synchronized OptionalLong nextDeadlineNanos() {
        return supervisor.nextDeadlineNanos();
    }

    /**
     * The battery's limits (CAN 0x351, RS485 0x92), already normalised to magnitudes ({@link Limits#normalised}).
     *
     * @param source the link they came from
     * @param limits the battery's limits, currents as magnitudes
     * @param at     when they were received
     * @return false if they were implausible (see {@link #onLimits(Source, Limits, Set, Moment)})
     */
    @Override
    public boolean onLimits(Source source, Limits limits, Moment at) {
        return onLimits(source, limits, Set.of(), at);
    }

    /**
     * The battery's limits, with the fields whose wire value meant "invalid". Limits that fail the policy's
     * {@link LimitPlausibility} count as missing ({@link #onImplausibleLimits}): the caller counts them.
     *
     * @param source      the link they came from
     * @param limits      the battery's limits, currents as magnitudes
     * @param wireInvalid the fields whose wire value meant "invalid" ({@link LimitPlausibility#invalidFields}); any
     *                    makes the limits implausible
     * @param at          when they were received
     * @return false if they were implausible and not taken
     */
    public synchronized boolean onLimits(Source source, Limits limits, Set<LimitPlausibility.Field> wireInvalid,
                                         Moment at) {
        Objects.requireNonNull(limits, "limits");
        Optional<String> implausible = policy.implausibility(limits, wireInvalid, moduleCount);
        if (implausible.isPresent()) {
            onImplausibleLimits(source, implausible.get(), at);
            return false;
        }
        List<BankEvent> events = begin(source, at);
        if (accept(BankField.LIMITS, source, at)) {
            batteryLimits = limits;
            boolean wasRejected = rejectedLimits != null;
            rejectedLimits = null;
            supervisor.onLimitsReceived(at).ifPresent(t -> transition(t, events));
            republish(at, events);
            if (wasRejected) {
                explain(at, events);
            }
        }
        commit(events);
        return true;
    }

    /**
     * The battery sent limits that cannot be trusted ({@code reason} says why): they count as missing. Nothing of
     * them is kept, the limits' age is not refreshed (so the bank ages to STALE and the fail-safe as when silent),
     * and every published limit's reason says why until plausible limits arrive.
     *
     * @param source the link they came from
     * @param reason why they cannot be trusted, in words (shown in the published limits' reasons)
     * @param at     when they were received
     */
    public synchronized void onImplausibleLimits(Source source, String reason, Moment at) {
        Objects.requireNonNull(reason, "reason");
        List<BankEvent> events = begin(source, at);
        if (!reason.equals(rejectedLimits)) {
            rejectedLimits = reason;
            republish(at, events);
            explain(at, events);
        }
        commit(events);
    }

    /**
     * Some measurements (fields left empty keep their values).
     *
     * @param source the link they came from
     * @param update the measured values; an empty field leaves the current value as it is
     * @param at     when they were received
     */
    @Override
    public synchronized void onMeasurements(Source source, Measurements update, Moment at) {
        Objects.requireNonNull(update, "update");
        List<BankEvent> events = begin(source, at);
        boolean changed = false;
        for (BankField field : BankField.values()) {
            if (!field.isMeasurement()) {
                continue;
            }
            OptionalDouble value = update.get(field);
            if (value.isPresent() && accept(field, source, at)) {
                if (!value.equals(measurements.get(field))) {
                    measurements = measurements.with(field, value);
                    changed = true;
                }
            }
        }
        if (changed) {
            events.add(new BankEvent.MeasurementsUpdated(bankId, at.wall(), source, measurements));
        }
        commit(events);
    }

    /**
     * The complete set of conditions one channel reports now (an empty set clears the channel's alarms).
     *
     * @param source  the link that reported them
     * @param channel a name for the kind of report, stable per source, e.g. {@code "0x359"} or {@code "0x44@2"}
     * @param active  every condition the channel reports active now; replaces the channel's previous set
     * @param at      when the report was received
     */
    @Override
    public synchronized void onAlarms(Source source, String channel, Set<ActiveAlarm> active, Moment at) {
        Objects.requireNonNull(active, "active");
        String key = source + "/" + Objects.requireNonNull(channel, "channel");
        List<BankEvent> events = begin(source, at);
        if (alarms.accepts(key, at)) {
            stampNewest(BankField.ALARMS, source, at);
            alarms.report(key, active, bankId, source, at, events);
        }
        commit(events);
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
        return alarms.channel(source + "/" + channel);
    }

    /**
     * The battery's request flags (CAN 0x35C, RS485 0x92 status).
     *
     * @param source the link they came from
     * @param flags  the flags as the battery sent them
     * @param at     when they were received
     */
    @Override
    public synchronized void onRequestFlags(Source source, RequestFlags flags, Moment at) {
        Objects.requireNonNull(flags, "flags");
        List<BankEvent> events = begin(source, at);
        if (accept(BankField.REQUEST_FLAGS, source, at) && !flags.equals(requestFlags)) {
            requestFlags = flags;
            events.add(new BankEvent.RequestFlagsChanged(bankId, at.wall(), source, flags));
        }
        commit(events);
    }

    /**
     * The number of modules the battery reports (CAN 0x359 byte 4, RS485 0x42 stack reply).
     *
     * @param source the link it came from
     * @param count  the module count; a change rescales limits the policy derives from it
     * @param at     when it was received
     * @throws IllegalArgumentException if {@code count} is negative
     */
    @Override
    public synchronized void onModuleCount(Source source, int count, Moment at) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be ≥ 0: " + count);
        }
        List<BankEvent> events = begin(source, at);
        if (accept(BankField.MODULE_COUNT, source, at)
                && (moduleCount.isEmpty() || moduleCount.getAsInt() != count)) {
            OptionalInt previous = moduleCount;
            moduleCount = OptionalInt.of(count);
            events.add(new BankEvent.ModuleCountChanged(bankId, at.wall(), source, previous, count));
            republish(at, events);
        }
        commit(events);
    }

    /**
     * Details of one module; fields left empty keep their values ({@link ModuleDetails#mergedWith}).
     *
     * @param source  the link they came from
     * @param details what the reply says about the module, keyed by its {@link ModuleDetails#address()}
     * @param at      when they were received; older than the module's newest input, they are ignored
     */
    @Override
    public synchronized void onModuleDetails(Source source, ModuleDetails details, Moment at) {
        Objects.requireNonNull(details, "details");
        List<BankEvent> events = begin(source, at);
        if (modules.accepts(details.address(), at)) {
            stampNewest(BankField.MODULE_DETAILS, source, at);
            ModuleDetails merged = modules.merge(source, details, at);
            if (merged != null) {
                events.add(new BankEvent.ModuleDetailsUpdated(bankId, at.wall(), source, merged));
            }
        }
        commit(events);
    }

    /**
     * A module is no longer in the bank (RS485: absent from the newest whole-stack 0x42 reply): its details and age
     * are removed and a {@link BankEvent.ModuleLeft} is emitted. Its alarm channels are the caller's to clear (only
     * the strategy knows their names). Unknown modules and inputs older than the module's newest are ignored.
     *
     * @param source  the link that saw it leave
     * @param address the module's RS485 address
     * @param at      when the reply without it was received
     */
    @Override
    public synchronized void onModuleLeft(Source source, int address, Moment at) {
        List<BankEvent> events = begin(source, at);
        if (modules.remove(address, at)) {
            events.add(new BankEvent.ModuleLeft(bankId, at.wall(), source, address));
        }
        commit(events);
    }

    /**
     * What the bank says about itself (RS485 0x51, 0x47); fields left empty keep their values
     * ({@link BankInfo#mergedWith}). An input older than the newest one is ignored.
     *
     * @param source the link it came from
     * @param info   what the reply says; empty fields keep the values known
     * @param at     when it was received
     */
    @Override
    public synchronized void onBankInfo(Source source, BankInfo info, Moment at) {
        Objects.requireNonNull(info, "info");
        List<BankEvent> events = begin(source, at);
        if (bankInfoAt == null || !at.isBefore(bankInfoAt)) {
            bankInfoAt = at;
            BankInfo merged = bankInfo == null ? info : bankInfo.mergedWith(info);
            if (!merged.equals(bankInfo)) {
                bankInfo = merged;
                events.add(new BankEvent.BankInfoUpdated(bankId, at.wall(), source, merged));
            }
        }
        commit(events);
    }

    /**
     * The transport of one link changed state (forward {@link io.pylon4j.transport.ConnectionStateChange}s here).
     * The supervisor sees the best state over all links: the bank is down only when every link is.
     *
     * @param source the link whose transport changed
     * @param state  the transport's new state
     * @param at     when it changed
     */
    @Override
    public synchronized void onTransportState(Source source, ConnectionState state, Moment at) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
        List<BankEvent> events = new ArrayList<>(2);
        links.status(source, state, Optional.empty(), 0, at);
        transportState(source, state, at, events);
        commit(events);
    }

    private void transportState(Source source, ConnectionState state, Moment at, List<BankEvent> events) {
        advance(at);
        links.state(source, state);
        supervisor.onTransportState(links.best(), at).ifPresent(t -> {
            transition(t, events);
            republish(at, events);
        });
    }

    /**
     * A transport's {@link io.pylon4j.transport.ConnectionStateChange}: its state as
     * {@link #onTransportState(Source, ConnectionState, Moment)}, plus its cause, kept in
     * {@link SourceStatus#linkStatus()} and announced by a {@link BankEvent.LinkStateChanged} (coalesced per link under back-pressure, never lost).
     *
     * @param source the link whose transport changed
     * @param change the transport's change, with its cause, attempt and next delay
     * @param at     when it changed
     */
    @Override
    public synchronized void onTransportState(Source source, io.pylon4j.transport.ConnectionStateChange change,
                                              Moment at) {
        Objects.requireNonNull(source, "source");
        List<BankEvent> events = new ArrayList<>(3);
        ConnectionState previous = links.state(source);
        LinkStatus now = links.status(source, change.current(), change.causeText(), change.attempt(), at);
        events.add(new BankEvent.LinkStateChanged(bankId, at.wall(), source,
                previous != null ? previous : change.previous(), now.state(), now.cause(), now.attempt(),
                change.nextAttemptDelay()));
        transportState(source, change.current(), at, events);
        commit(events);
    }

    /**
     * Time passed: applies the supervision timeouts. Cheap when nothing is due (no allocation, no snapshot), so one
     * task may tick every bank of a process a few times a second ({@link SupervisionTicker}).
     *
     * @param now the current time from the driver's {@link io.pylon4j.transport.time.TimeSource}
     */
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
        Optional<SupervisionTransition> t = supervisor.tick(now);
        if (t.isEmpty()) {
            return; // the common case: nothing to rebuild, nothing to emit
        }
        List<BankEvent> events = new ArrayList<>(2);
        advance(now);
        transition(t.get(), events);
        republish(now, events);
        commit(events);
    }

    /**
     * Replaces the limit policy (new user caps, expected module count) and republishes.
     *
     * @param newPolicy the policy that decides the published limits from now on
     * @param now       the current time from the driver's {@link io.pylon4j.transport.time.TimeSource}
     */
    @Override
    public synchronized void setPolicy(LimitPolicy newPolicy, Moment now) {
        policy = Objects.requireNonNull(newPolicy, "newPolicy");
        List<BankEvent> events = new ArrayList<>(1);
        advance(now);
        republish(now, events);
        commit(events);
    }

    /**
     * The current limit policy.
     *
     * @return the policy given at construction or by the newest {@link #setPolicy(LimitPolicy, Moment)}
     */
    public synchronized LimitPolicy policy() {
        return policy;
    }

    private List<BankEvent> begin(Source source, Moment at) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
        advance(at);
        links.received(source, at);
        return new ArrayList<>(4);
    }

    private void advance(Moment at) {
        Objects.requireNonNull(at, "at");
        if (at.isAfter(latest)) {
            latest = at;
        }
    }

    /** Whether a value observed at {@code at} is at least as new as the field's; if so, stamps the field. */
    private boolean accept(BankField field, Source source, Moment at) {
        FieldStamp current = stamps.get(field);
        if (current != null && at.nanos() - current.atNanos() < 0) {
            return false;
        }
        stamps.put(field, new FieldStamp(at, source));
        return true;
    }

    private void stampNewest(BankField field, Source source, Moment at) {
        FieldStamp current = stamps.get(field);
        if (current == null || at.nanos() - current.atNanos() >= 0) {
            stamps.put(field, new FieldStamp(at, source));
        }
    }

    private void transition(SupervisionTransition t, List<BankEvent> events) {
        supervisionReason = t.reason();
        events.add(new BankEvent.SupervisionStateChanged(bankId, t.at(), t.previous(), t.current(), t.reason()));
    }

    private void republish(Moment now, List<BankEvent> events) {
        PublishedLimits next = computeLimits(now);
        if (!next.sameDecisionAs(published)) {
            published = next;
            events.add(new BankEvent.LimitsChanged(bankId, now.wall(), next));
        }
    }

    /**
     * After the rejection of implausible limits began or ended: the published reasons say so, even when the decision
     * is the same (which {@link #republish} does not announce).
     */
    private void explain(Moment now, List<BankEvent> events) {
        PublishedLimits next = computeLimits(now);
        if (!next.equals(published)) {
            published = next;
            events.add(new BankEvent.LimitsChanged(bankId, now.wall(), next));
        }
    }

    private PublishedLimits computeLimits(Moment now) {
        // the policy states the limits' age as the time between two instants: give it the wall reading that lies
        // the monotonic age before now's, so that a stepped wall clock cannot shrink or grow the age it reports
        Optional<Instant> limitsAt = Optional.ofNullable(stamps.get(BankField.LIMITS))
                .map(s -> now.wall().minusNanos(now.nanos() - s.atNanos()));
        PublishedLimits limits = policy.apply(Optional.ofNullable(batteryLimits), limitsAt, supervisor.state(),
                Optional.of(supervisionReason), moduleCount, now.wall());
        return rejectedLimits == null ? limits : RejectedLimits.explain(limits, rejectedLimits);
    }

    /** Publishes an input's changes: a new snapshot, then its events; within a batch, at the batch's end. */
    private void commit(List<BankEvent> events) {
        if (batchDepth > 0) {
            batchChanged = true;
            batchEvents.addAll(events);
            return;
        }
        status = snapshot();
        tickDue = tickDue();
        for (BankEvent e : events) {
            sink.accept(e);
        }
    }

    private void flush() {
        if (!batchChanged) {
            return; // no input in the batch
        }
        batchChanged = false;
        status = snapshot();
        tickDue = tickDue();
        // copied first: a sink that feeds this model again (same thread, reentrant lock) must not see the list change
        List<BankEvent> events = List.copyOf(batchEvents);
        batchEvents.clear();
        for (BankEvent e : events) {
            sink.accept(e);
        }
    }

    private long tickDue() {
        return supervisor.state() == SupervisionState.LOST ? NO_TICK_DUE : supervisor.deadlineNanos();
    }

    private BankStatus snapshot() {
        return new BankStatus(bankId, latest.wall(), Optional.ofNullable(batteryLimits), published, measurements,
                alarms.active(), Optional.ofNullable(requestFlags), moduleCount, modules.details(), supervisor.state(),
                supervisor.since(), supervisionReason, stamps, modules.stamps(), links.sources(),
                Optional.ofNullable(bankInfo), supervisor.sinceNanos());
    }
}

package io.pylon4j.driver.internal;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.BankInfo;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.LimitPlausibility;
import io.pylon4j.driver.LimitPolicy;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.LinkStatus;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.RequestFlags;
import io.pylon4j.driver.Source;
import io.pylon4j.driver.SourceStatus;
import io.pylon4j.driver.SupervisionTicker;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.time.Moment;
import java.util.Set;

/**
 * What the protocol strategies tell a {@link BankModel}, each input with the link it came from and its
 * {@link Moment}; the contract of each input is stated here, the model implements them.
 *
 * <p><b>Merging.</b> Per field, the newest observation wins: an input older than the field's current value (for
 * example a slow RS485 reply overtaken by a CAN frame) is ignored for that field, whichever link it came from. Each
 * link's last delivery is recorded as its freshness ({@link BankStatus#sources()}). Alarms are reported per
 * <em>channel</em> (a name the strategy chooses per kind of report, e.g. {@code "0x359"}, {@code "0x35A"},
 * {@code "0x44@2"}): each channel replaces its own set, and the active alarms are the union of all channels, so two
 * frames that each carry part of the alarms do not clear each other's.
 *
 * <p><b>Events.</b> Only changes are emitted: measurements when a value changes, alarms by set difference (cleared
 * first, then raised, each in a stable order), request flags and module count when they change, module details
 * when the merged details change, supervision on every transition, and limits when the published values or their
 * sources change. A supervision transition comes before the limits change it causes.
 */
public interface ModelInputs {

    /**
     * The battery's limits (CAN 0x351, RS485 0x92), already normalised to magnitudes ({@link Limits#normalised}).
     *
     * @param source the link they came from
     * @param limits the battery's limits, currents as magnitudes
     * @param at     when they were received
     * @return false if they were implausible (see {@link #onLimits(Source, Limits, Set, Moment)})
     */
    default boolean onLimits(Source source, Limits limits, Moment at) {
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
    boolean onLimits(Source source, Limits limits, Set<LimitPlausibility.Field> wireInvalid, Moment at);

    /**
     * The battery sent limits that cannot be trusted ({@code reason} says why): they count as missing. Nothing of
     * them is kept, the limits' age is not refreshed (so the bank ages to STALE and the fail-safe as when silent),
     * and every published limit's reason says why until plausible limits arrive.
     *
     * @param source the link they came from
     * @param reason why they cannot be trusted, in words (shown in the published limits' reasons)
     * @param at     when they were received
     */
    void onImplausibleLimits(Source source, String reason, Moment at);

    /**
     * Some measurements (fields left empty keep their values).
     *
     * @param source the link they came from
     * @param update the measured values; an empty field leaves the current value as it is
     * @param at     when they were received
     */
    void onMeasurements(Source source, Measurements update, Moment at);

    /**
     * The complete set of conditions one channel reports now (an empty set clears the channel's alarms).
     *
     * @param source  the link that reported them
     * @param channel a name for the kind of report, stable per source, e.g. {@code "0x359"} or {@code "0x44@2"}
     * @param active  every condition the channel reports active now; replaces the channel's previous set
     * @param at      when the report was received
     */
    void onAlarms(Source source, String channel, Set<ActiveAlarm> active, Moment at);

    /**
     * The battery's request flags (CAN 0x35C, RS485 0x92 status).
     *
     * @param source the link they came from
     * @param flags  the flags as the battery sent them
     * @param at     when they were received
     */
    void onRequestFlags(Source source, RequestFlags flags, Moment at);

    /**
     * The number of modules the battery reports (CAN 0x359 byte 4, RS485 0x42 stack reply).
     *
     * @param source the link it came from
     * @param count  the module count; a change rescales limits the policy derives from it
     * @param at     when it was received
     * @throws IllegalArgumentException if {@code count} is negative
     */
    void onModuleCount(Source source, int count, Moment at);

    /**
     * Details of one module; fields left empty keep their values ({@link ModuleDetails#mergedWith}).
     *
     * @param source  the link they came from
     * @param details what the reply says about the module, keyed by its {@link ModuleDetails#address()}
     * @param at      when they were received; older than the module's newest input, they are ignored
     */
    void onModuleDetails(Source source, ModuleDetails details, Moment at);

    /**
     * A module is no longer in the bank (RS485: absent from the newest whole-stack 0x42 reply): its details and age
     * are removed and a {@link BankEvent.ModuleLeft} is emitted. Its alarm channels are the caller's to clear (only
     * the strategy knows their names). Unknown modules and inputs older than the module's newest are ignored.
     *
     * @param source  the link that saw it leave
     * @param address the module's RS485 address
     * @param at      when the reply without it was received
     */
    void onModuleLeft(Source source, int address, Moment at);

    /**
     * What the bank says about itself (RS485 0x51, 0x47); fields left empty keep their values
     * ({@link BankInfo#mergedWith}). An input older than the newest one is ignored.
     *
     * @param source the link it came from
     * @param info   what the reply says; empty fields keep the values known
     * @param at     when it was received
     */
    void onBankInfo(Source source, BankInfo info, Moment at);

    /**
     * The transport of one link changed state (forward {@link ConnectionStateChange}s here). The supervisor sees
     * the best state over all links: the bank is down only when every link is.
     *
     * @param source the link whose transport changed
     * @param state  the transport's new state
     * @param at     when it changed
     */
    void onTransportState(Source source, ConnectionState state, Moment at);

    /**
     * A transport's {@link ConnectionStateChange}: its state as
     * {@link #onTransportState(Source, ConnectionState, Moment)}, plus its cause, kept in
     * {@link SourceStatus#linkStatus()} and announced by a {@link BankEvent.LinkStateChanged} (coalesced per link
     * under back-pressure, never lost).
     *
     * @param source the link whose transport changed
     * @param change the transport's change, with its cause, attempt and next delay
     * @param at     when it changed
     * @see LinkStatus
     */
    void onTransportState(Source source, ConnectionStateChange change, Moment at);

    /**
     * Time passed: applies the supervision timeouts. Cheap when nothing is due (no allocation, no snapshot), so one
     * task may tick every bank of a process a few times a second ({@link SupervisionTicker}).
     *
     * @param now the current time from the driver's {@link io.pylon4j.transport.time.TimeSource}
     */
    void tick(Moment now);

    /**
     * Replaces the limit policy (new user caps, expected module count) and republishes.
     *
     * @param newPolicy the policy that decides the published limits from now on
     * @param now       the current time from the driver's {@link io.pylon4j.transport.time.TimeSource}
     */
    void setPolicy(LimitPolicy newPolicy, Moment now);
}

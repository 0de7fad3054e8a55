package io.pylon4j.driver.internal;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.BankInfo;
import io.pylon4j.driver.LimitPolicy;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.RequestFlags;
import io.pylon4j.driver.Source;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.time.Moment;
import java.time.Instant;
import java.util.Set;

/**
 * The {@link BankModel}'s inputs at an {@link Instant} that stands for both clocks ({@link Moment#ofInstant}): for
 * replays and tests whose instants are already in order. A driver passes {@link Moment}s from its
 * {@link io.pylon4j.transport.time.TimeSource} instead; one model must be fed one kind only. Each default method
 * forwards to the {@code Moment}-taking input of the same name.
 */
public interface InstantInputs extends ModelInputs {

    /**
     * {@link #onLimits(Source, Limits, Moment)} at {@link Moment#ofInstant at}.
     *
     * @param source the link they came from
     * @param limits the battery's limits, currents as magnitudes
     * @param at     when they were received, standing for both clocks
     * @return false if they were implausible and not taken
     */
    default boolean onLimits(Source source, Limits limits, Instant at) {
        return onLimits(source, limits, Moment.ofInstant(at));
    }

    /**
     * {@link #onMeasurements(Source, Measurements, Moment)} at {@link Moment#ofInstant at}.
     *
     * @param source the link they came from
     * @param update the measured values; an empty field leaves the current value as it is
     * @param at     when they were received, standing for both clocks
     */
    default void onMeasurements(Source source, Measurements update, Instant at) {
        onMeasurements(source, update, Moment.ofInstant(at));
    }

    /**
     * {@link #onAlarms(Source, String, Set, Moment)} at {@link Moment#ofInstant at}.
     *
     * @param source  the link that reported them
     * @param channel a name for the kind of report, stable per source
     * @param active  every condition the channel reports active now
     * @param at      when the report was received, standing for both clocks
     */
    default void onAlarms(Source source, String channel, Set<ActiveAlarm> active, Instant at) {
        onAlarms(source, channel, active, Moment.ofInstant(at));
    }

    /**
     * {@link #onRequestFlags(Source, RequestFlags, Moment)} at {@link Moment#ofInstant at}.
     *
     * @param source the link they came from
     * @param flags  the flags as the battery sent them
     * @param at     when they were received, standing for both clocks
     */
    default void onRequestFlags(Source source, RequestFlags flags, Instant at) {
        onRequestFlags(source, flags, Moment.ofInstant(at));
    }

    /**
     * {@link #onModuleCount(Source, int, Moment)} at {@link Moment#ofInstant at}.
     *
     * @param source the link it came from
     * @param count  the module count, ≥ 0
     * @param at     when it was received, standing for both clocks
     */
    default void onModuleCount(Source source, int count, Instant at) {
        onModuleCount(source, count, Moment.ofInstant(at));
    }

    /**
     * {@link #onModuleDetails(Source, ModuleDetails, Moment)} at {@link Moment#ofInstant at}.
     *
     * @param source  the link they came from
     * @param details what the reply says about the module
     * @param at      when they were received, standing for both clocks
     */
    default void onModuleDetails(Source source, ModuleDetails details, Instant at) {
        onModuleDetails(source, details, Moment.ofInstant(at));
    }

    /**
     * {@link #onModuleLeft(Source, int, Moment)} at {@link Moment#ofInstant at}.
     *
     * @param source  the link that saw it leave
     * @param address the module's RS485 address
     * @param at      when the reply without it was received, standing for both clocks
     */
    default void onModuleLeft(Source source, int address, Instant at) {
        onModuleLeft(source, address, Moment.ofInstant(at));
    }

    /**
     * {@link #onBankInfo(Source, BankInfo, Moment)} at {@link Moment#ofInstant at}.
     *
     * @param source the link it came from
     * @param info   what the reply says; empty fields keep the values known
     * @param at     when it was received, standing for both clocks
     */
    default void onBankInfo(Source source, BankInfo info, Instant at) {
        onBankInfo(source, info, Moment.ofInstant(at));
    }

    /**
     * {@link #onTransportState(Source, ConnectionState, Moment)} at {@link Moment#ofInstant at}.
     *
     * @param source the link whose transport changed
     * @param state  the transport's new state
     * @param at     when it changed, standing for both clocks
     */
    default void onTransportState(Source source, ConnectionState state, Instant at) {
        onTransportState(source, state, Moment.ofInstant(at));
    }

    /**
     * {@link #onTransportState(Source, ConnectionStateChange, Moment)} at
     * {@link Moment#ofInstant at}.
     *
     * @param source the link whose transport changed
     * @param change the transport's change, with its cause, attempt and next delay
     * @param at     when it changed, standing for both clocks
     */
    default void onTransportState(Source source, ConnectionStateChange change, Instant at) {
        onTransportState(source, change, Moment.ofInstant(at));
    }

    /**
     * {@link #tick(Moment)} at {@link Moment#ofInstant now}.
     *
     * @param now the current time, standing for both clocks
     */
    default void tick(Instant now) {
        tick(Moment.ofInstant(now));
    }

    /**
     * {@link #setPolicy(LimitPolicy, Moment)} at {@link Moment#ofInstant now}.
     *
     * @param newPolicy the policy that decides the published limits from now on
     * @param now       the current time, standing for both clocks
     */
    default void setPolicy(LimitPolicy newPolicy, Instant now) {
        setPolicy(newPolicy, Moment.ofInstant(now));
    }
}

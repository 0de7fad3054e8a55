package io.pylon4j.driver.internal;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.BankField;
import io.pylon4j.driver.BankInfo;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.ModuleAlarmStates;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.RequestFlags;
import io.pylon4j.driver.SilentGroup;
import io.pylon4j.driver.Source;
import io.pylon4j.transport.time.Moment;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The {@link BankModel}'s inputs of what the battery reports besides its limits: measurements, alarms, request
 * flags, module count, module details and the bank's own description. Each merges its input into the
 * {@link ModelState} ("newest wins", as {@link ModelInputs} states) and returns the events of what changed. Called
 * under the model's lock.
 */
final class ReportInputs {

    /** The most channel keys kept per link (a channel is per module: at most one per RS485 address). */
    private static final int MAX_KEPT_KEYS = 256;

    private final ModelState s;
    /** {@link #channelKey} per link and channel, made once: a reply's alarms were a string concatenation each. */
    private final EnumMap<Source, HashMap<String, String>> keys = new EnumMap<>(Source.class);

    ReportInputs(ModelState state) {
        this.s = state;
    }

    List<BankEvent> measurements(Source source, Measurements update, Moment at) {
        Objects.requireNonNull(update, "update");
        List<BankEvent> events = s.begin(source, at);
        boolean changed = false;
        for (BankField field : BankField.values()) {
            if (!field.isMeasurement()) {
                continue;
            }
            OptionalDouble value = update.get(field);
            if (value.isPresent() && s.stamps.accept(field, source, at) && !value.equals(s.measurements.get(field))) {
                s.measurements = s.measurements.with(field, value);
                changed = true;
            }
        }
        if (changed) {
            events.add(new BankEvent.MeasurementsUpdated(s.bankId, at.wall(), source, s.measurements));
        }
        return events;
    }

    /** The key of a channel: channels of different links never mix. */
    static String channelKey(Source source, String channel) {
        return source + "/" + Objects.requireNonNull(channel, "channel");
    }

    /** {@link #channelKey}, kept (up to {@link #MAX_KEPT_KEYS} per link). */
    private String keptKey(Source source, String channel) {
        HashMap<String, String> ofSource = keys.computeIfAbsent(Objects.requireNonNull(source, "source"),
                k -> new HashMap<>());
        String key = ofSource.get(Objects.requireNonNull(channel, "channel"));
        if (key == null) {
            key = channelKey(source, channel);
            if (ofSource.size() < MAX_KEPT_KEYS) {
                ofSource.put(channel, key);
            }
        }
        return key;
    }

    List<BankEvent> alarms(Source source, String channel, Set<ActiveAlarm> active, Moment at) {
        Objects.requireNonNull(active, "active");
        String key = keptKey(source, channel);
        List<BankEvent> events = s.begin(source, at);
        if (s.alarms.accepts(key, at)) {
            s.stamps.stampNewest(BankField.ALARMS, source, at);
            s.alarms.report(key, active, s.bankId, source, at, events);
        }
        return events;
    }

    List<BankEvent> requestFlags(Source source, RequestFlags flags, Moment at) {
        Objects.requireNonNull(flags, "flags");
        List<BankEvent> events = s.begin(source, at);
        if (s.stamps.accept(BankField.REQUEST_FLAGS, source, at) && !flags.equals(s.requestFlags)) {
            s.requestFlags = flags;
            events.add(new BankEvent.RequestFlagsChanged(s.bankId, at.wall(), source, flags));
        }
        return events;
    }

    List<BankEvent> moduleCount(Source source, int count, Moment at) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be ≥ 0: " + count);
        }
        List<BankEvent> events = s.begin(source, at);
        if (s.stamps.accept(BankField.MODULE_COUNT, source, at)
                && (s.moduleCount.isEmpty() || s.moduleCount.getAsInt() != count)) {
            OptionalInt previous = s.moduleCount;
            s.moduleCount = OptionalInt.of(count);
            events.add(new BankEvent.ModuleCountChanged(s.bankId, at.wall(), source, previous, count));
            s.publishLimits(at, events, false); // limits the policy derives from the count rescale
        }
        return events;
    }

    List<BankEvent> moduleDetails(Source source, ModuleDetails details, Moment at) {
        Objects.requireNonNull(details, "details");
        List<BankEvent> events = s.begin(source, at);
        if (s.modules.accepts(details.address(), at)) {
            s.stamps.stampNewest(BankField.MODULE_DETAILS, source, at);
            ModuleDetails merged = s.modules.merge(source, details, at);
            if (merged != null) {
                events.add(new BankEvent.ModuleDetailsUpdated(s.bankId, at.wall(), source, merged));
            }
        }
        return events;
    }

    List<BankEvent> moduleLeft(Source source, int address, Moment at) {
        List<BankEvent> events = s.begin(source, at);
        if (s.modules.remove(address, at)) {
            s.moduleAlarms.remove(address);
            events.add(new BankEvent.ModuleLeft(s.bankId, at.wall(), source, address));
        }
        return events;
    }

    /**
     * An RS485 group fell silent ({@code silence} present) or answered again (empty): kept for the snapshot, no event
     * (its modules leave, and come back, with their own events). Not a delivery: the link's freshness is unchanged.
     */
    List<BankEvent> groupSilence(int group, Optional<SilentGroup> silence, Moment at) {
        s.advance(at);
        if (silence.isPresent()) {
            s.silentGroups.put(group, silence.get());
        } else {
            s.silentGroups.remove(group);
        }
        return List.of();
    }

    /** A module's 0x44 block as sent: kept for the snapshot, no event (its meaning arrives as alarms). */
    List<BankEvent> moduleAlarmStates(Source source, ModuleAlarmStates block, Moment at) {
        Objects.requireNonNull(block, "block");
        List<BankEvent> events = s.begin(source, at);
        s.moduleAlarms.put(block);
        return events;
    }

    List<BankEvent> bankInfo(Source source, BankInfo info, Moment at) {
        Objects.requireNonNull(info, "info");
        List<BankEvent> events = s.begin(source, at);
        if (s.bankInfoAt == null || !at.isBefore(s.bankInfoAt)) {
            s.bankInfoAt = at;
            BankInfo merged = s.bankInfo == null ? info : s.bankInfo.mergedWith(info);
            if (!merged.equals(s.bankInfo)) {
                s.bankInfo = merged;
                events.add(new BankEvent.BankInfoUpdated(s.bankId, at.wall(), source, merged));
            }
        }
        return events;
    }
}

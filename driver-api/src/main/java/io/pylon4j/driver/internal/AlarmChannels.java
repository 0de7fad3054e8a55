package io.pylon4j.driver.internal;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.Source;
import io.pylon4j.transport.time.Moment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link BankModel}'s alarms, reported per channel (a name the strategy chooses per kind of report, e.g.
 * {@code "CAN/0x359"}, {@code "RS485/0x44@2"}): each channel replaces its own set ("newest wins" per channel), and the
 * active alarms are the union of all channels, so two frames that each carry part of the alarms do not clear each
 * other's. Confined to the model's lock.
 */
final class AlarmChannels {

    private final Map<String, Set<ActiveAlarm>> channels = new HashMap<>();
    private final Map<String, Moment> stamps = new HashMap<>();
    private Set<ActiveAlarm> active = ActiveAlarm.sortedSet(Set.of()); // sorted here: a snapshot takes it as it is

    /** Whether a report of {@code channel} at {@code at} is not older than its newest; if so, stamps the channel. */
    boolean accepts(String channel, Moment at) {
        Moment previous = stamps.get(channel);
        if (previous != null && at.isBefore(previous)) {
            return false;
        }
        stamps.put(channel, at);
        return true;
    }

    /**
     * Replaces {@code channel}'s set and adds the events of the union's change to {@code events}: cleared first,
     * then raised, each in a stable order; the events carry {@code bankId}, {@code source} and {@code at}.
     */
    void report(String channel, Set<ActiveAlarm> now, String bankId, Source source, Moment at,
                List<BankEvent> events) {
        Set<ActiveAlarm> before = channels.get(channel);
        if (before != null && before.equals(now)) {
            return; // the channel says what it said: nothing to merge, no union to rebuild
        }
        channels.put(channel, Set.copyOf(now));
        Set<ActiveAlarm> union = new TreeSet<>();
        channels.values().forEach(union::addAll);
        for (ActiveAlarm gone : active) {
            if (!union.contains(gone)) {
                events.add(new BankEvent.AlarmCleared(bankId, at.wall(), source, gone.alarm(),
                        gone.level()));
            }
        }
        for (ActiveAlarm added : union) {
            if (!active.contains(added)) {
                events.add(new BankEvent.AlarmRaised(bankId, at.wall(), source, added.alarm(),
                        added.level()));
            }
        }
        active = ActiveAlarm.sortedSet(union);
    }

    /** The set {@code channel} reported last, unmodifiable; empty if it never reported. */
    Set<ActiveAlarm> channel(String channel) {
        Set<ActiveAlarm> set = channels.get(channel);
        return set == null ? Set.of() : set;
    }

    /** The active alarms: the union of every channel's newest set, sorted. */
    Set<ActiveAlarm> active() {
        return active;
    }
}

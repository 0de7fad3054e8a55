package io.pylon4j.web;

import io.pylon4j.driver.Alarm;
import io.pylon4j.driver.BankEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Alarms and protections with when they were raised and cleared, newest last, from the driver's events. Holds at
 * most {@code capacity} entries: the oldest goes first (the alarms active now are always in the status itself).
 * Thread-safe (the driver's event executor writes, the sampler reads).
 */
final class AlarmLog {

    private record Entry(Alarm alarm, Alarm.Level level, String source, Instant raised, Instant cleared) {
    }

    private final int capacity;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();

    AlarmLog(int capacity) {
        this.capacity = capacity;
    }

    /** Takes the alarm events; ignores the others. Must not block: it runs on the driver's event executor. */
    void onEvent(BankEvent event) {
        if (event instanceof BankEvent.AlarmRaised r) {
            raised(r.alarm(), r.level(), r.source().name(), r.at());
        } else if (event instanceof BankEvent.AlarmCleared c) {
            cleared(c.alarm(), c.level(), c.at());
        }
    }

    synchronized void raised(Alarm alarm, Alarm.Level level, String source, Instant at) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(new Entry(alarm, level, source, at, null));
    }

    synchronized void cleared(Alarm alarm, Alarm.Level level, Instant at) {
        for (Iterator<Entry> it = entries.descendingIterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.alarm == alarm && e.level == level && e.cleared == null) {
                // an ArrayDeque cannot replace in place; entries are few (capacity), so rebuild
                ArrayDeque<Entry> copy = new ArrayDeque<>(entries.size());
                for (Entry x : entries) {
                    copy.addLast(x == e ? new Entry(x.alarm, x.level, x.source, x.raised, at) : x);
                }
                entries.clear();
                entries.addAll(copy);
                return;
            }
        }
    }

    /** The log as a JSON array, oldest first. */
    synchronized String toJson() {
        StringBuilder out = new StringBuilder(32 + entries.size() * 160).append('[');
        boolean first = true;
        for (Entry e : entries) {
            out.append(first ? "{" : ",{");
            first = false;
            out.append("\"alarm\":");
            Json.string(out, e.alarm.name());
            out.append(",\"level\":");
            Json.string(out, e.level.name());
            out.append(",\"description\":");
            Json.string(out, e.alarm.description());
            out.append(",\"source\":");
            Json.string(out, e.source);
            out.append(",\"raised\":");
            Json.string(out, e.raised.toString());
            out.append(",\"cleared\":");
            if (e.cleared == null) {
                out.append("null");
            } else {
                Json.string(out, e.cleared.toString());
            }
            out.append('}');
        }
        return out.append(']').toString();
    }
}

package io.pylon4j.driver;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One active condition at one level: the element of {@link BankStatus#activeAlarms()} and the subject of
 * {@link BankEvent.AlarmRaised} and {@link BankEvent.AlarmCleared}.
 *
 * @param alarm the condition
 * @param level how serious
 */
public record ActiveAlarm(Alarm alarm, Alarm.Level level) implements Comparable<ActiveAlarm> {

    private static final Comparator<ActiveAlarm> ORDER =
            Comparator.comparing(ActiveAlarm::alarm).thenComparing(ActiveAlarm::level);

    /**
     * Checks the references.
     *
     * @param alarm the condition
     * @param level how serious
     */
    public ActiveAlarm {
        Objects.requireNonNull(alarm, "alarm");
        Objects.requireNonNull(level, "level");
    }

    /**
     * Shorthand for {@code new ActiveAlarm(alarm, level)}.
     *
     * @param alarm the condition
     * @param level how serious
     * @return the active alarm
     */
    public static ActiveAlarm of(Alarm alarm, Alarm.Level level) {
        return new ActiveAlarm(alarm, level);
    }

    /**
     * An unmodifiable set of alarms iterating in a stable order (condition, then level).
     *
     * @param alarms the alarms, in any order; duplicates collapse
     * @return the sorted, unmodifiable set
     */
    public static Set<ActiveAlarm> sortedSet(Collection<ActiveAlarm> alarms) {
        if (alarms instanceof SortedAlarms sorted) {
            return sorted; // made here: immutable, sorted; a snapshot of a bank's unchanged alarms shares it
        }
        return new SortedAlarms(Collections.unmodifiableSortedSet(new TreeSet<>(alarms)));
    }

    /** What {@link #sortedSet} returns: an unmodifiable sorted set that no one else can reach or change. */
    private static final class SortedAlarms extends AbstractSet<ActiveAlarm> implements SortedSet<ActiveAlarm> {

        private final SortedSet<ActiveAlarm> set;

        SortedAlarms(SortedSet<ActiveAlarm> unmodifiable) {
            this.set = unmodifiable;
        }

        @Override
        public Iterator<ActiveAlarm> iterator() {
            return set.iterator();
        }

        @Override
        public int size() {
            return set.size();
        }

        @Override
        public boolean contains(Object o) {
            return set.contains(o);
        }

        @Override
        public Comparator<? super ActiveAlarm> comparator() {
            return set.comparator();
        }

        @Override
        public SortedSet<ActiveAlarm> subSet(ActiveAlarm fromElement, ActiveAlarm toElement) {
            return set.subSet(fromElement, toElement);
        }

        @Override
        public SortedSet<ActiveAlarm> headSet(ActiveAlarm toElement) {
            return set.headSet(toElement);
        }

        @Override
        public SortedSet<ActiveAlarm> tailSet(ActiveAlarm fromElement) {
            return set.tailSet(fromElement);
        }

        @Override
        public ActiveAlarm first() {
            return set.first();
        }

        @Override
        public ActiveAlarm last() {
            return set.last();
        }
    }

    @Override
    public int compareTo(ActiveAlarm other) {
        return ORDER.compare(this, other);
    }
}

package io.pylon4j.driver;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.Collections;

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
        return Collections.unmodifiableSortedSet(new TreeSet<>(alarms));
    }

    @Override
    public int compareTo(ActiveAlarm other) {
        return ORDER.compare(this, other);
    }
}

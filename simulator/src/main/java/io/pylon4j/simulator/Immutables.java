package io.pylon4j.simulator;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Defensive copies for the snapshot records. */
final class Immutables {

    private Immutables() {
    }

    /** An unmodifiable copy in enum order (unlike {@code Set.copyOf}, whose iteration order is unspecified). */
    static <E extends Enum<E>> Set<E> enumSet(Collection<E> source, Class<E> type, String name) {
        Objects.requireNonNull(source, name);
        EnumSet<E> copy = EnumSet.noneOf(type);
        for (E e : source) {
            copy.add(Objects.requireNonNull(e, () -> name + " contains null"));
        }
        return Collections.unmodifiableSet(copy);
    }

    /** An unmodifiable copy; rejects null elements with a message naming the list. */
    static <T> List<T> list(List<T> source, String name) {
        Objects.requireNonNull(source, name);
        for (T t : source) {
            Objects.requireNonNull(t, () -> name + " contains null");
        }
        return List.copyOf(source);
    }
}

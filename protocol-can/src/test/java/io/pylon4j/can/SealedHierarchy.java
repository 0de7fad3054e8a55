package io.pylon4j.can;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/** The records of the sealed {@link CanMessage} hierarchy, found by reflection, so that no test list can go stale. */
final class SealedHierarchy {

    private SealedHierarchy() {
    }

    static Set<Class<?>> records() {
        Set<Class<?>> records = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(CanMessage.class);
        while (!todo.isEmpty()) {
            Class<?> type = todo.poll();
            if (type.isRecord()) {
                records.add(type);
            } else {
                for (Class<?> sub : type.getPermittedSubclasses()) {
                    todo.add(sub);
                }
            }
        }
        return records;
    }
}

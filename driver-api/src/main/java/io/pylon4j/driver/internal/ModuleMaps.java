package io.pylon4j.driver.internal;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Immutable per-module maps for {@link io.pylon4j.driver.BankStatus}: a copy ascending by address, which the
 * {@link BankModel} hands to every snapshot until its modules change (a copy made here is taken as it is).
 */
public final class ModuleMaps {

    private ModuleMaps() {
    }

    /**
     * An immutable copy of a per-module map, ascending by address; a map this method returned is taken as it is.
     *
     * @param map the map to copy
     * @param <V> the per-module value
     * @return {@code map} if this method made it, otherwise an unmodifiable sorted copy
     */
    public static <V> Map<Integer, V> frozen(Map<Integer, V> map) {
        return map instanceof FrozenSortedMap<Integer, V> frozen ? frozen : new FrozenSortedMap<>(map);
    }

    /** An unmodifiable sorted copy that no one else can reach or change: safe to share between snapshots. */
    private static final class FrozenSortedMap<K, V> extends AbstractMap<K, V> {

        private final Map<K, V> map;

        FrozenSortedMap(Map<K, V> map) {
            this.map = Collections.unmodifiableMap(new TreeMap<>(map));
        }

        @Override
        public Set<Entry<K, V>> entrySet() {
            return map.entrySet();
        }

        @Override
        public V get(Object key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public int size() {
            return map.size();
        }
    }
}

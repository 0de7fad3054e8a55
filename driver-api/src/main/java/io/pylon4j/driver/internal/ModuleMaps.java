package io.pylon4j.driver.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

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
        if (map instanceof FrozenSortedMap<?> frozen) {
            @SuppressWarnings("unchecked")
            Map<Integer, V> same = (Map<Integer, V>) frozen;
            return same;
        }
        return new FrozenSortedMap<>(map);
    }

    /**
     * An immutable copy of a map keyed by an enum, in the enum's order, which
     * {@link io.pylon4j.driver.BankStatus} takes as it is ({@link #isFrozen}): the model copies its live map once
     * per snapshot instead of twice.
     *
     * @param map the map to copy
     * @param <K> the enum
     * @param <V> the value
     * @return an unmodifiable copy that no one else can reach
     */
    public static <K extends Enum<K>, V> Map<K, V> frozenEnum(EnumMap<K, V> map) {
        return new FrozenEnumMap<>(new EnumMap<>(map));
    }

    /** {@link #frozenEnum} of a map the caller made and hands over: wrapped, not copied. */
    static <K extends Enum<K>, V> Map<K, V> adopt(EnumMap<K, V> fresh) {
        return new FrozenEnumMap<>(fresh);
    }

    /**
     * Whether {@code map} is an immutable copy made here ({@link #frozen} or {@link #frozenEnum}), safe to share.
     *
     * @param map any map
     * @return true if no one can change it
     */
    public static boolean isFrozen(Map<?, ?> map) {
        return map instanceof FrozenEnumMap<?, ?> || map instanceof FrozenSortedMap<?>;
    }

    /** An unmodifiable enum map that no one else can reach or change: safe to share between snapshots. */
    private static final class FrozenEnumMap<K, V> extends AbstractMap<K, V> {

        private final Map<K, V> map;
        /** The entries, read-only (an enum map's entries can be set): made when first asked for, not per snapshot. */
        private Set<Entry<K, V>> entries;

        FrozenEnumMap(EnumMap<?, V> owned) {
            @SuppressWarnings("unchecked")
            Map<K, V> typed = (Map<K, V>) owned;
            this.map = typed;
        }

        @Override
        public Set<Entry<K, V>> entrySet() {
            Set<Entry<K, V>> e = entries;
            if (e == null) {
                e = Collections.unmodifiableMap(map).entrySet();
                entries = e; // a benign race: every thread makes an equal read-only view of the same map
            }
            return e;
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

    /**
     * An unmodifiable copy ascending by address that no one else can reach or change: safe to share between
     * snapshots. Two arrays, not a tree: a 0x42 reply's snapshot copies the modules' stamps, a 0x44's their blocks.
     */
    private static final class FrozenSortedMap<V> extends AbstractMap<Integer, V> {

        private final int[] keys;
        private final Object[] values;

        FrozenSortedMap(Map<Integer, V> map) {
            int n = map.size();
            int[] k = new int[n];
            Object[] v = new Object[n];
            int filled = 0;
            for (Entry<Integer, V> e : map.entrySet()) {
                int key = e.getKey(); // a null address fails here, as the TreeMap copy did
                int at = filled++;
                while (at > 0 && k[at - 1] > key) { // insertion sort: the model's maps come sorted already
                    k[at] = k[at - 1];
                    v[at] = v[at - 1];
                    at--;
                }
                k[at] = key;
                v[at] = e.getValue();
            }
            this.keys = k;
            this.values = v;
        }

        private int indexOf(Object key) {
            return key instanceof Integer address ? Arrays.binarySearch(keys, address) : -1;
        }

        @Override
        @SuppressWarnings("unchecked")
        public V get(Object key) {
            int i = indexOf(key);
            return i >= 0 ? (V) values[i] : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public Set<Entry<Integer, V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<Integer, V>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < keys.length;
                        }

                        @Override
                        @SuppressWarnings("unchecked")
                        public Entry<Integer, V> next() {
                            if (next >= keys.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(keys[i], (V) values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return keys.length;
                }
            };
        }
    }
}

package io.pylon4j.driver.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Immutable lists of numbers backed by a primitive array that no one else can reach: what an RS485 reply's cells,
 * temperatures and state bytes become in {@link io.pylon4j.driver.ModuleDetails} and
 * {@link io.pylon4j.driver.ModuleAlarmStates}, which take such a list as it is instead of copying it. The mapper
 * used to box every value into an {@code ArrayList} that the record then copied twice ({@link List#copyOf}: an array
 * and the immutable list's own), about a third of what a 0x42 reply allocated (benchmarks/README.md, "Scale").
 *
 * <p>They read as {@link List#copyOf}'s lists do: unmodifiable (every mutator throws
 * {@link UnsupportedOperationException}, even one that would change nothing), {@code null} refused by
 * {@code contains}/{@code indexOf}, {@link List#equals}, {@link List#hashCode} and {@code toString} as for any list.
 * A value is boxed when it is read ({@code Integer}s of bytes come from the JDK's cache).
 */
public final class PrimitiveLists {

    private PrimitiveLists() {
    }

    /**
     * {@code values} as an immutable list; a list this class made is taken as it is.
     *
     * @param values the values, none null
     * @return {@code values} if this class made it, otherwise {@link List#copyOf}
     * @throws NullPointerException if {@code values} or an element is null
     */
    public static List<Double> frozenDoubles(List<Double> values) {
        return values instanceof DoubleList ? values : List.copyOf(values);
    }

    /**
     * {@code values} as an immutable list; a list this class made is taken as it is.
     *
     * @param values the values, none null
     * @return {@code values} if this class made it, otherwise {@link List#copyOf}
     * @throws NullPointerException if {@code values} or an element is null
     */
    public static List<Integer> frozenInts(List<Integer> values) {
        return values instanceof IntList ? values : List.copyOf(values);
    }

    /**
     * Where {@code values} holds a value outside 0 to 255, read without boxing when this class made the list.
     *
     * @param values the values, none null
     * @return the index of the first value outside 0 to 255, or -1 if there is none
     */
    public static int firstNonByte(List<Integer> values) {
        if (values instanceof IntList ints) {
            for (int i = 0; i < ints.values.length; i++) {
                if (ints.values[i] < 0 || ints.values[i] > 0xFF) {
                    return i;
                }
            }
            return -1;
        }
        for (int i = 0; i < values.size(); i++) { // by index: no iterator
            int v = values.get(i);
            if (v < 0 || v > 0xFF) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether two lists hold equal values ({@link List#equals}), compared in place when this class made both.
     *
     * @param a one list
     * @param b the other
     * @return {@code a.equals(b)}
     */
    public static boolean sameDoubles(List<Double> a, List<Double> b) {
        if (a instanceof DoubleList x && b instanceof DoubleList y) {
            return x.sameValues(y);
        }
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) { // by index: no iterators
            if (!a.get(i).equals(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code owned} as an immutable list, not copied: the caller made it and never touches it again. */
    static List<Double> adoptDoubles(double[] owned) {
        return owned.length == 0 ? List.of() : new DoubleList(owned);
    }

    /** {@code owned} as an immutable list, not copied: the caller made it and never touches it again. */
    static List<Integer> adoptInts(int[] owned) {
        return owned.length == 0 ? List.of() : new IntList(owned);
    }

    /** Doubles, compared and hashed as {@link Double#equals} and {@link Double#hashCode} do. */
    private static final class DoubleList extends RefusingList<Double> {

        private final double[] values;

        DoubleList(double[] values) {
            this.values = values;
        }

        @Override
        public Double get(int index) {
            return values[Objects.checkIndex(index, values.length)];
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public int indexOf(Object o) {
            if (!(Objects.requireNonNull(o) instanceof Double d)) { // as List.copyOf's lists: null refused
                return -1;
            }
            double v = d;
            for (int i = 0; i < values.length; i++) {
                if (Double.doubleToLongBits(values[i]) == Double.doubleToLongBits(v)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public int lastIndexOf(Object o) {
            if (!(Objects.requireNonNull(o) instanceof Double d)) {
                return -1;
            }
            double v = d;
            for (int i = values.length - 1; i >= 0; i--) {
                if (Double.doubleToLongBits(values[i]) == Double.doubleToLongBits(v)) {
                    return i;
                }
            }
            return -1;
        }

        boolean sameValues(DoubleList other) {
            return Arrays.equals(values, other.values); // Double.equals' bits, as List.equals compares
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DoubleList other ? sameValues(other) : super.equals(o);
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (double v : values) {
                h = 31 * h + Double.hashCode(v);
            }
            return h;
        }
    }

    /** Ints (bytes, in practice: their boxes are the JDK's cached ones). */
    private static final class IntList extends RefusingList<Integer> {

        private final int[] values;

        IntList(int[] values) {
            this.values = values;
        }

        @Override
        public Integer get(int index) {
            return values[Objects.checkIndex(index, values.length)];
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public int indexOf(Object o) {
            if (!(Objects.requireNonNull(o) instanceof Integer n)) { // as List.copyOf's lists: null refused
                return -1;
            }
            int v = n;
            for (int i = 0; i < values.length; i++) {
                if (values[i] == v) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public int lastIndexOf(Object o) {
            if (!(Objects.requireNonNull(o) instanceof Integer n)) {
                return -1;
            }
            int v = n;
            for (int i = values.length - 1; i >= 0; i--) {
                if (values[i] == v) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IntList other ? Arrays.equals(values, other.values) : super.equals(o);
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (int v : values) {
                h = 31 * h + Integer.hashCode(v);
            }
            return h;
        }
    }
}

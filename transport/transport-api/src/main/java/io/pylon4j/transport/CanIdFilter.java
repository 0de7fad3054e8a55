package io.pylon4j.transport;

import java.util.Arrays;

/**
 * The set of 11-bit CAN ids a {@link CanTransport} should deliver. Immutable.
 *
 * <p>Held as a 2048-bit set, so {@link #accepts(int)} is one array read on the receive path.
 */
public final class CanIdFilter {

    /** Accepts every id. */
    public static final CanIdFilter ALL = new CanIdFilter(null);

    /** {@code null} means all ids. */
    private final long[] bits;

    private CanIdFilter(long[] bits) {
        this.bits = bits;
    }

    /**
     * A filter that accepts exactly the given ids.
     *
     * @param ids the 11-bit ids to receive, 0x000 to 0x7FF; duplicates are fine
     * @return a filter accepting those ids and no other
     * @throws IllegalArgumentException if an id is not an 11-bit value
     */
    public static CanIdFilter of(int... ids) {
        long[] bits = new long[(io.pylon4j.can.CanFrame.MAX_STANDARD_ID + 1) / 64];
        for (int id : ids) {
            if (id < 0 || id > io.pylon4j.can.CanFrame.MAX_STANDARD_ID) {
                throw new IllegalArgumentException(String.format("CAN id 0x%X is not an 11-bit id", id));
            }
            bits[id >>> 6] |= 1L << (id & 63);
        }
        return new CanIdFilter(bits);
    }

    /**
     * Whether frames with this id are delivered.
     *
     * @param id an 11-bit CAN id
     * @return true if a frame with this id passes the filter
     */
    public boolean accepts(int id) {
        return bits == null || (id >= 0 && id <= io.pylon4j.can.CanFrame.MAX_STANDARD_ID
                && (bits[id >>> 6] & 1L << (id & 63)) != 0);
    }

    /**
     * Whether this filter accepts every id.
     *
     * @return true only for {@link #ALL}; a filter listing every id is not the same object and answers false
     */
    public boolean acceptsAll() {
        return bits == null;
    }

    /**
     * The accepted ids in ascending order, or all 2048 ids for {@link #ALL}.
     *
     * @return a new array, which the caller may change
     */
    public int[] ids() {
        int[] out = new int[io.pylon4j.can.CanFrame.MAX_STANDARD_ID + 1];
        int n = 0;
        for (int id = 0; id <= io.pylon4j.can.CanFrame.MAX_STANDARD_ID; id++) {
            if (accepts(id)) {
                out[n++] = id;
            }
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CanIdFilter other && Arrays.equals(bits, other.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        if (bits == null) {
            return "CanIdFilter[all]";
        }
        StringBuilder s = new StringBuilder("CanIdFilter[");
        for (int id : ids()) {
            s.append(String.format("%s0x%03X", s.length() > 12 ? "," : "", id));
        }
        return s.append(']').toString();
    }
}

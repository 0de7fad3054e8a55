package io.pylon4j.transport.socketcan;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanIdFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a {@link CanIdFilter} into {@code struct can_filter} entries for {@code CAN_RAW_FILTER}, so that the
 * kernel, not the Java thread, throws away the frames a driver did not ask for.
 *
 * <p>A kernel filter {@code (id, mask)} passes a frame when {@code (frame.can_id & mask) == (id & mask)}. Every
 * entry here has the {@code CAN_EFF_FLAG} and {@code CAN_RTR_FLAG} bits in its mask and clear in its id, so only
 * standard (11-bit) data frames pass: Pylontech LV CAN uses nothing else and {@link CanFrame} holds nothing else.
 * The accepted ids are split into aligned power-of-two blocks (as an address range is split into CIDR prefixes),
 * so a contiguous range such as {@code 0x350..0x35F} costs one entry. When that needs more entries than the kernel
 * takes ({@code CAN_RAW_FILTER_MAX}, 512), the kernel passes every standard data frame instead and the
 * transport's software filter (which stays on in any case) does the rest.
 */
final class KernelFilters {

    /** {@code CAN_EFF_FLAG} of {@code linux/can.h}: the id is a 29-bit one. */
    static final int CAN_EFF_FLAG = 0x8000_0000;
    /** {@code CAN_RTR_FLAG}: a remote transmission request. */
    static final int CAN_RTR_FLAG = 0x4000_0000;
    /** {@code CAN_ERR_FLAG}: an error frame, not a data frame. */
    static final int CAN_ERR_FLAG = 0x2000_0000;
    /** {@code CAN_SFF_MASK}: the bits of a standard id. */
    static final int CAN_SFF_MASK = 0x7FF;
    /** {@code CAN_ERR_MASK}: every error class, the value for {@code CAN_RAW_ERR_FILTER} to report them all. */
    static final int CAN_ERR_MASK = 0x1FFF_FFFF;
    /** {@code CAN_RAW_FILTER_MAX}: the most entries the kernel accepts. */
    static final int MAX_FILTERS = 512;

    /** One kernel filter entry. */
    record IdMask(int id, int mask) {

        /** Whether the kernel passes a frame with this raw {@code can_id} (flags included). */
        boolean passes(int canId) {
            return (canId & mask) == (id & mask);
        }

        @Override
        public String toString() {
            return String.format("%08X/%08X", id, mask);
        }
    }

    /** Every standard data frame: the kernel side of {@link CanIdFilter#ALL}. */
    static final List<IdMask> ALL_STANDARD_DATA_FRAMES = List.of(new IdMask(0, CAN_EFF_FLAG | CAN_RTR_FLAG));

    private KernelFilters() {
    }

    /**
     * The kernel filter entries for {@code filter}: exactly its ids as standard data frames, or every standard
     * data frame when that would take more than {@link #MAX_FILTERS} entries. An empty list makes the kernel pass
     * no frame at all, which is right for a filter that accepts no id.
     */
    static List<IdMask> translate(CanIdFilter filter) {
        if (filter.acceptsAll()) {
            return ALL_STANDARD_DATA_FRAMES;
        }
        List<IdMask> out = new ArrayList<>();
        int id = 0;
        while (id <= CanFrame.MAX_STANDARD_ID) {
            if (!filter.accepts(id)) {
                id++;
                continue;
            }
            // the largest block that starts at id (aligned to its size) and lies wholly inside the filter
            int size = 1;
            while (id % (size * 2) == 0 && id + size * 2 - 1 <= CanFrame.MAX_STANDARD_ID
                    && allAccepted(filter, id + size, id + size * 2 - 1)) {
                size *= 2;
            }
            out.add(new IdMask(id, CAN_EFF_FLAG | CAN_RTR_FLAG | (CAN_SFF_MASK & ~(size - 1))));
            if (out.size() > MAX_FILTERS) {
                return ALL_STANDARD_DATA_FRAMES;
            }
            id += size;
        }
        return List.copyOf(out);
    }

    private static boolean allAccepted(CanIdFilter filter, int from, int to) {
        for (int id = from; id <= to; id++) {
            if (!filter.accepts(id)) {
                return false;
            }
        }
        return true;
    }
}

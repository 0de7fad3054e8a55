package io.pylon4j.can;

import java.util.Arrays;

/**
 * {@link CanMessageType}'s entries indexed for the codec's hot paths: each known 11-bit id has a small slot number
 * (0 for every unknown id), so that a codec keeps one entry per slot for its profile (an array of about 30, not of
 * 2048) and a message finds its entry among its id's one or two without a map. Built once from the table; the arrays
 * are never written after that.
 */
final class CanIdSlots {

    /** The known ids in table order; an id's index here plus one is its slot. */
    private static final int[] KNOWN_IDS = Arrays.stream(CanMessageType.values()).filter(CanMessageType::isKnown)
            .mapToInt(CanMessageType::canId).distinct().toArray();
    /** Slot by 11-bit id: 0 for an unknown id. */
    private static final byte[] SLOT_BY_ID = new byte[CanFrame.MAX_STANDARD_ID + 1];
    /** The entries of each slot (one, or two where the profile picks), {@link CanMessageType#UNKNOWN} in slot 0. */
    private static final CanMessageType[][] ENTRIES_BY_SLOT = new CanMessageType[KNOWN_IDS.length + 1][];

    static {
        ENTRIES_BY_SLOT[0] = new CanMessageType[] {CanMessageType.UNKNOWN};
        for (int i = 0; i < KNOWN_IDS.length; i++) {
            int id = KNOWN_IDS[i];
            SLOT_BY_ID[id] = (byte) (i + 1);
            ENTRIES_BY_SLOT[i + 1] = Arrays.stream(CanMessageType.values()).filter(t -> t.canId() == id)
                    .toArray(CanMessageType[]::new);
        }
    }

    private CanIdSlots() {
    }

    /** The number of slots: one per known id, plus slot 0 for unknown ids. */
    static int count() {
        return KNOWN_IDS.length + 1;
    }

    /** The slot of an 11-bit id: 0 for an unknown id. */
    static int slotOf(int canId) {
        return SLOT_BY_ID[canId];
    }

    /** The id of a slot above 0. */
    static int idOf(int slot) {
        return KNOWN_IDS[slot - 1];
    }

    /** The entries of a slot, in table order (the caller does not change the array). */
    static CanMessageType[] entries(int slot) {
        return ENTRIES_BY_SLOT[slot];
    }

    /** The entry of a message: among its id's entries, the one of its record type. */
    static CanMessageType entryOf(CanMessage message) {
        // by id first (one or two entries), not by a map of classes: encoding stays a few nanoseconds a frame
        Class<?> recordType = message.getClass();
        for (CanMessageType type : ENTRIES_BY_SLOT[SLOT_BY_ID[message.canId()]]) {
            if (type.recordType() == recordType) {
                return type;
            }
        }
        throw new AssertionError("no table entry for " + recordType.getName()); // CanMessageTypeTest proves it
    }
}

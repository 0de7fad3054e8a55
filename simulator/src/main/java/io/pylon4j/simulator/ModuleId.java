package io.pylon4j.simulator;

/**
 * Where a module sits in a simulated bank: its group (0 to 5; an LV-Hub joins up to six groups) and its position in
 * the group (0 to 15; position 0 is the group's master).
 *
 * <p>Both numbers are zero-based. On RS485 the group's master answers at ADR {@code 0x02 + 0x10·m} and the module
 * at position {@code p} at {@code 0x02 + p + 0x10·m}, where {@code m} is the group number set on the master's DIP
 * switches (docs/protocol.md §2.3): in a single group {@code m = 0}; with several groups the first starts at {@code m = 1}. The
 * mapping belongs to the RS485 front end. Note that the document allows positions {@code 0x02 + p} up to 13 only;
 * positions 14 and 15 of this project's 16-module groups give {@code 0x10 + 0x10·m} and {@code 0x11 + 0x10·m},
 * which no real module uses and which a decoder splitting ADR into nibbles reads as the next group.
 *
 * @param group the group, 0 to {@value #MAX_GROUPS} − 1
 * @param index the position within the group, 0 to {@value #MAX_MODULES_PER_GROUP} − 1
 */
public record ModuleId(int group, int index) implements Comparable<ModuleId> {

    /** The most groups in a bank (an LV-Hub joins up to six groups, docs/protocol.md §2.3). */
    public static final int MAX_GROUPS = 6;
    /** The most modules in one group (this project's mission; docs/protocol.md §2.3 lists 8 or 12 for some models). */
    public static final int MAX_MODULES_PER_GROUP = 16;

    /**
     * Checks the numbers.
     *
     * @param group the group, 0 to {@value #MAX_GROUPS} − 1
     * @param index the position within the group, 0 to {@value #MAX_MODULES_PER_GROUP} − 1
     *
     * @throws IllegalArgumentException if the group is not 0 to 5 or the index not 0 to 15
     */
    public ModuleId {
        if (group < 0 || group >= MAX_GROUPS) {
            throw new IllegalArgumentException(
                    "module group must be 0 to " + (MAX_GROUPS - 1) + " (an LV-Hub joins up to 6 groups): " + group);
        }
        if (index < 0 || index >= MAX_MODULES_PER_GROUP) {
            throw new IllegalArgumentException(
                    "module index must be 0 to " + (MAX_MODULES_PER_GROUP - 1) + " within a group: " + index);
        }
    }

    /**
     * {@return the module at {@code index} in {@code group} (both zero-based)}
     *
     * @param group the group, 0 to 5
     * @param index the position in the group, 0 (the group's master) to 15
     */
    public static ModuleId of(int group, int index) {
        return new ModuleId(group, index);
    }

    /** {@return whether this is a group's master (position 0), the module that talks to the inverter} */
    public boolean isGroupMaster() {
        return index == 0;
    }

    /** Group first, then position. */
    @Override
    public int compareTo(ModuleId other) {
        return group != other.group ? Integer.compare(group, other.group) : Integer.compare(index, other.index);
    }

    /** {@code "g0m3"}: group 0, module index 3. */
    @Override
    public String toString() {
        return "g" + group + "m" + index;
    }
}

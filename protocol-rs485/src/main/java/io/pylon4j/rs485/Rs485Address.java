package io.pylon4j.rs485;

/**
 * Addressing helpers: ADR values for battery modules and groups, and the whole-stack command value
 * ([R485-33] §2.5.3, pp. 3, 6, 11; docs/protocol.md §2.3).
 *
 * <p>ADR = 0x0n + 0x10·m, with m the group (0 to 7, set by DIP switches 2–4 of the group's master) and n the
 * module's position: the master is n = 2, its slaves 3, 4, and so on (up to 8 or 12 modules a group depending on the
 * model; the 4-bit position allows up to 15). This class numbers modules from 1 the way the document and FHEM do:
 * battery 1 is the master (ADR 0x02 in group 0), battery 14 is ADR 0x0F; the document's example "group 3, slave 6" is
 * battery 6 of group 3, ADR 0x37. A single group uses m = 0; with several groups the first starts at m = 1.
 *
 * <p>There is no broadcast address: ADR 0 and 255 are reserved and a US5000C does not answer ADR 0. The value 0xFF
 * appears only as the INFO command value {@link #WHOLE_STACK} of 0x42 and 0x44 queries sent to a master, which then
 * answers for every module of its group in one frame.
 */
public final class Rs485Address {

    /** The INFO command value that asks a group's master for every module (0x42 and 0x44 only). */
    public static final int WHOLE_STACK = 0xFF;
    /** The highest group number (DIP switches 2–4). */
    public static final int MAX_GROUP = 7;
    /** The highest battery number within a group (position n = 15). */
    public static final int MAX_BATTERY = 14;

    private Rs485Address() {
    }

    /**
     * {@return the address of battery {@code battery} of group {@code group}: {@code 0x10 * group + battery + 1}}
     *
     * @param group   0 to 7
     * @param battery 1 (the group's master) to 14
     * @throws IllegalArgumentException if either is out of range
     */
    public static int of(int group, int battery) {
        checkGroup(group);
        if (battery < 1 || battery > MAX_BATTERY) {
            throw new IllegalArgumentException("battery must be 1 (the master) to " + MAX_BATTERY + ": " + battery);
        }
        return 0x10 * group + battery + 1;
    }

    /**
     * {@return the address of group {@code group}'s master, which answers whole-stack queries:
     * {@code 0x02 + 0x10 * group}}
     *
     * @param group the group behind an LV-Hub, 0 to 7; 0 for a bank without a hub
     * @throws IllegalArgumentException if {@code group} is not 0 to 7
     */
    public static int master(int group) {
        return of(group, 1);
    }

    /**
     * {@return whether {@code address} is a battery address under this scheme: group 0 to 7, position 2 to 15}
     *
     * @param address an ADR byte, 0 to 255
     */
    public static boolean isBattery(int address) {
        return address >= 0 && address <= 0x7F && (address & 0xF) >= 2;
    }

    /**
     * {@return the group of a battery address}
     *
     * @param address a battery address, such as ADR of a reply
     * @throws IllegalArgumentException if {@code address} is not a battery address
     */
    public static int groupOf(int address) {
        checkBattery(address);
        return address >> 4;
    }

    /**
     * {@return the battery number (1 = master) of a battery address within its group}
     *
     * @param address a battery address, such as ADR of a reply
     * @throws IllegalArgumentException if {@code address} is not a battery address
     */
    public static int batteryOf(int address) {
        checkBattery(address);
        return (address & 0xF) - 1;
    }

    private static void checkGroup(int group) {
        if (group < 0 || group > MAX_GROUP) {
            throw new IllegalArgumentException("group must be 0 to " + MAX_GROUP + ": " + group);
        }
    }

    private static void checkBattery(int address) {
        if (!isBattery(address)) {
            throw new IllegalArgumentException(String.format(
                    "ADR 0x%02X is not a battery address (group 0 to 7, position 2 to 15)", address));
        }
    }
}

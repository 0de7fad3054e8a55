package io.pylon4j.can;

import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * 0x359, battery to inverter (Pylontech V1.2 set): protection and alarm flags, and the number of modules in the stack
 * (docs/protocol.md §1.2, §1.3.1, §1.6; disagreements §1.11 items 5 and 6). V1.3 firmware no longer sends it
 * ({@link AlarmsAndWarnings} instead).
 *
 * <table>
 *   <caption>0x359 layout</caption>
 *   <tr><th>bytes</th><th>field</th><th>source</th></tr>
 *   <tr><td>0-1</td><td>protection flags: the battery has acted ({@link Level#PROTECTION})</td><td>[CAN12]</td></tr>
 *   <tr><td>2-3</td><td>alarm flags: warnings ({@link Level#ALARM})</td><td>[CAN12]</td></tr>
 *   <tr><td>4</td><td>number of modules in the stack, u8</td><td>[CAN12]; observed 4, 6, 10</td></tr>
 *   <tr><td>5-6</td><td>two letters, {@code 'P' 'N'} ({@code 'P' 'Y'} from Pytes)</td><td>[CAN12]</td></tr>
 *   <tr><td>7</td><td>optional: bitmask of the parallel packs online ([SEPLOS]), 00 ([SOLARK], [DIY])</td>
 *       <td>[SEPLOS]</td></tr>
 * </table>
 *
 * <p>Every flag bit is a {@link Flag} constant with its byte, bit and level; "1" means active. The four flag bytes are
 * kept as sent, undefined bits included ({@link #undefinedFlagBits()}). Byte 4 is the module count, as every source but
 * one reads it ([AIR-BMS-CAN] calls it a number of cells). Another vendor's table ([HYB]) uses a different bit layout
 * on the same id and must not be decoded with this one.
 *
 * <p>DLC: at least 4 ({@link #MIN_LENGTH}): the four flag bytes define the frame; the module count, the letters and
 * byte 7 are optional (docs/protocol.md §4: "never require bytes beyond the DLC"). Pylontech sends 7
 * ({@code 00 00 00 00 06 50 4E}: no flags, 6 modules [SFL13]), diyBMS and others 8. A field the DLC leaves out reads
 * {@link #NOT_SENT} and its {@code Optional} accessor is empty: a 4-byte frame has no module count, which is not a
 * count of 0.
 *
 * @param flags         the four flag bytes as on the wire: byte 0 in bits 0-7 to byte 3 in bits 24-31
 * @param moduleCount   the number of modules in the stack, 0 to 255, or {@link #NOT_SENT} exactly when {@code length}
 *                      is 4
 * @param marker        bytes 5-6 as a little-endian u16 ({@link #MARKER_PN} for {@code 'P' 'N'}); byte 5 alone, 0 to
 *                      255, when {@code length} is 6; {@link #NOT_SENT} below 6
 * @param onlineModules byte 7, 0 to 255, or {@link #NOT_SENT} exactly when {@code length} is below 8
 * @param length        the DLC, 4 to 8
 */
public record ProtectionAndAlarmFlags(int flags, int moduleCount, int marker, int onlineModules, int length)
        implements BatteryMessage {

    /** The CAN id, 0x359. */
    public static final int ID = 0x359;
    /** The smallest DLC accepted: the four flag bytes. */
    public static final int MIN_LENGTH = 4;
    /** The two letters {@code 'P' 'N'} of bytes 5-6, as a little-endian u16. */
    public static final int MARKER_PN = 'P' | 'N' << 8;

    private static final Flag[] FLAGS = Flag.values();
    private static final int DEFINED_BITS;

    static {
        int defined = 0;
        for (Flag flag : FLAGS) {
            defined |= flag.mask();
        }
        DEFINED_BITS = defined;
    }

    /**
     * Checks every component against its wire range.
     *
     * @param flags         the four flag bytes as on the wire: byte 0 in bits 0-7 to byte 3 in bits 24-31
     * @param moduleCount   the number of modules in the stack, 0 to 255, or {@link #NOT_SENT} exactly when
     *                      {@code length} is 4
     * @param marker        bytes 5-6 as a little-endian u16 ({@link #MARKER_PN} for {@code 'P' 'N'}); byte 5 alone, 0
     *                      to 255, when {@code length} is 6; {@link #NOT_SENT} below 6
     * @param onlineModules byte 7, 0 to 255, or {@link #NOT_SENT} exactly when {@code length} is below 8
     * @param length        the DLC, 4 to 8
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public ProtectionAndAlarmFlags {
        String type = "ProtectionAndAlarmFlags";
        Wire.checkLength(length, MIN_LENGTH, type);
        checkOptional(moduleCount, length >= 5, 0xFF, "moduleCount", 5);
        checkOptional(marker, length >= 6, length >= 7 ? 0xFFFF : 0xFF, "marker", 6);
        checkOptional(onlineModules, length >= 8, 0xFF, "onlineModules", 8);
    }

    /**
     * Flags, module count and the two letters, as a frame of 7 bytes (Pylontech), or of 8 when {@code onlineModules}
     * is not {@link #NOT_SENT}.
     *
     * @param flags         the four flag bytes as on the wire: byte 0 in bits 0-7 to byte 3 in bits 24-31
     * @param moduleCount   the number of modules in the stack, 0 to 255 (byte 4)
     * @param marker        bytes 5-6 as a little-endian u16, 0 to 65535: {@link #MARKER_PN} for {@code 'P' 'N'}
     * @param onlineModules byte 7, 0 to 255, or {@link #NOT_SENT} for the 7-byte frame
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public ProtectionAndAlarmFlags(int flags, int moduleCount, int marker, int onlineModules) {
        this(flags, moduleCount, marker, onlineModules, onlineModules == NOT_SENT ? 7 : 8);
    }

    private static void checkOptional(int value, boolean present, int max, String component, int fromLength) {
        if (present ? value < 0 || value > max : value != NOT_SENT) {
            throw new IllegalArgumentException(String.format("ProtectionAndAlarmFlags.%s must be %s, was %s",
                    component, present ? "0 to " + max + " at this length" : "NOT_SENT below length " + fromLength,
                    value == NOT_SENT ? "NOT_SENT" : Integer.toString(value)));
        }
    }

    /**
     * A 7-byte frame as Pylontech sends it: the given flags active, {@code moduleCount} modules, {@code 'P' 'N'}.
     *
     * @param moduleCount the number of modules in the stack, 0 to 255 (byte 4)
     * @param active      the flags to set; none for four zero flag bytes
     * @return a message of DLC 7
     */
    public static ProtectionAndAlarmFlags of(int moduleCount, Flag... active) {
        int flags = 0;
        for (Flag flag : active) {
            flags |= flag.mask();
        }
        return new ProtectionAndAlarmFlags(flags, moduleCount, MARKER_PN, NOT_SENT);
    }

    /**
     * Whether {@code flag}'s bit is set.
     *
     * @param flag the flag to test
     * @return true if its bit is 1 (docs/protocol.md §1.3.1: "1" = active)
     */
    public boolean isActive(Flag flag) {
        return (flags & flag.mask()) != 0;
    }

    /**
     * The active flags, in byte and bit order (a new set on each call).
     *
     * @return the set flags, empty when none is; undefined bits are left out ({@link #undefinedFlagBits()})
     */
    public Set<Flag> activeFlags() {
        EnumSet<Flag> active = EnumSet.noneOf(Flag.class);
        for (Flag flag : FLAGS) {
            if (isActive(flag)) {
                active.add(flag);
            }
        }
        return active;
    }

    /**
     * Whether any protection-level flag is set.
     *
     * @return true if a defined bit of bytes 0-1 is set: the battery has protected itself
     */
    public boolean anyProtection() {
        return (flags & 0xFFFF & DEFINED_BITS) != 0;
    }

    /**
     * Whether any alarm-level flag is set.
     *
     * @return true if a defined bit of bytes 2-3 is set
     */
    public boolean anyAlarm() {
        return (flags >>> 16 & 0xFFFF & DEFINED_BITS >>> 16) != 0;
    }

    /**
     * The set bits of the four flag bytes that no {@link Flag} names (byte 0 in bits 0-7); normally 0.
     *
     * @return the flag bytes with every defined bit masked out
     */
    public int undefinedFlagBits() {
        return flags & ~DEFINED_BITS;
    }

    /**
     * Whether the frame carried the module count (byte 4).
     *
     * @return true if the DLC reaches byte 4
     */
    public boolean hasModuleCount() {
        return moduleCount != NOT_SENT;
    }

    /**
     * The number of modules in the stack, or empty when the frame did not carry it (never a made-up 0).
     *
     * @return the count, 0 to 255, or empty for a 4-byte frame
     */
    public OptionalInt modules() {
        return hasModuleCount() ? OptionalInt.of(moduleCount) : OptionalInt.empty();
    }

    /**
     * Whether the frame carried any of the letters of bytes 5-6.
     *
     * @return true if the DLC reaches byte 5
     */
    public boolean hasMarker() {
        return marker != NOT_SENT;
    }

    /**
     * Bytes 5-6 as text: {@code "PN"}; the one letter of a 6-byte frame; {@code ""} when the frame had neither.
     *
     * @return the letters as ISO-8859-1 characters, or {@code ""}
     */
    public String markerText() {
        return hasMarker() ? Text.decode(marker, length >= 7 ? 2 : 1) : "";
    }

    /**
     * Whether the frame carried byte 7.
     *
     * @return true if the DLC is 8
     */
    public boolean hasOnlineModules() {
        return onlineModules != NOT_SENT;
    }

    @Override
    public int canId() {
        return ID;
    }

    static ProtectionAndAlarmFlags decode(CanFrame frame) {
        long p = frame.payload();
        int n = frame.length();
        return new ProtectionAndAlarmFlags((int) p, n >= 5 ? Wire.u8(p, 4) : NOT_SENT,
                n >= 7 ? Wire.u16(p, 5) : n == 6 ? Wire.u8(p, 5) : NOT_SENT, n >= 8 ? Wire.u8(p, 7) : NOT_SENT, n);
    }

    CanFrame encode() {
        long p = flags & 0xFFFF_FFFFL;
        if (length >= 5) {
            p |= Wire.put8(moduleCount, 4);
        }
        if (length >= 6) {
            p |= Wire.put16(marker, 5);
        }
        if (length >= 8) {
            p |= Wire.put8(onlineModules, 7);
        }
        return new CanFrame(ID, length, p);
    }

    /** Whether a flag reports that the battery has acted (bytes 0-1) or warns (bytes 2-3). */
    public enum Level {
        /** Bytes 0-1: the battery has protected itself ([SOLARK]: "caused battery self-protection mode"). */
        PROTECTION,
        /** Bytes 2-3: a warning ([SOLARK]: "real time status"). */
        ALARM
    }

    /**
     * One bit of 0x359's flag bytes (docs/protocol.md §1.3.1). The [CAN12] bits, plus three vendor variants kept as distinct
     * constants so that a decoder can tell them apart: {@link #SYSTEM_ERROR_BIT7_PROTECTION} ([ARMIN],
     * [BE-LVCAN]), {@link #CELL_FAILURE_ALARM} ([SEPLOS]) and {@link #SYSTEM_WARNING_ALARM} ([ARMIN]).
     */
    public enum Flag {
        /** Byte 0 bit 1: cell or module over-voltage ([CAN12]; V1.1 corrected the bit's description). */
        CELL_OVER_VOLTAGE_PROTECTION(0, 1, Level.PROTECTION, "cell or module over-voltage", "[CAN12]"),
        /** Byte 0 bit 2: cell or module under-voltage. */
        CELL_UNDER_VOLTAGE_PROTECTION(0, 2, Level.PROTECTION, "cell or module under-voltage", "[CAN12]"),
        /** Byte 0 bit 3: cell over-temperature. */
        CELL_OVER_TEMPERATURE_PROTECTION(0, 3, Level.PROTECTION, "cell over-temperature", "[CAN12]"),
        /** Byte 0 bit 4: cell under-temperature. */
        CELL_UNDER_TEMPERATURE_PROTECTION(0, 4, Level.PROTECTION, "cell under-temperature", "[CAN12]"),
        /** Byte 0 bit 7: discharge over-current. */
        DISCHARGE_OVER_CURRENT_PROTECTION(0, 7, Level.PROTECTION, "discharge over-current", "[CAN12]"),
        /** Byte 1 bit 0: charge over-current. */
        CHARGE_OVER_CURRENT_PROTECTION(1, 0, Level.PROTECTION, "charge over-current", "[CAN12]"),
        /** Byte 1 bit 3: system error. */
        SYSTEM_ERROR_PROTECTION(1, 3, Level.PROTECTION, "system error", "[CAN12]"),
        /**
         * Byte 1 bit 7: system error where [ARMIN] and Battery-Emulator [BE-LVCAN] put it (not in [CAN12], which
         * uses bit 3).
         */
        SYSTEM_ERROR_BIT7_PROTECTION(1, 7, Level.PROTECTION, "system error (vendor variant, byte 1 bit 7)",
                "[ARMIN], [BE-LVCAN]"),
        /** Byte 2 bit 1: cell or module high voltage. */
        CELL_HIGH_VOLTAGE_ALARM(2, 1, Level.ALARM, "cell or module high voltage", "[CAN12]"),
        /** Byte 2 bit 2: cell or module low voltage. */
        CELL_LOW_VOLTAGE_ALARM(2, 2, Level.ALARM, "cell or module low voltage", "[CAN12]"),
        /** Byte 2 bit 3: cell high temperature. */
        CELL_HIGH_TEMPERATURE_ALARM(2, 3, Level.ALARM, "cell high temperature", "[CAN12]"),
        /** Byte 2 bit 4: cell low temperature. */
        CELL_LOW_TEMPERATURE_ALARM(2, 4, Level.ALARM, "cell low temperature", "[CAN12]"),
        /** Byte 2 bit 7: discharge high current. */
        DISCHARGE_HIGH_CURRENT_ALARM(2, 7, Level.ALARM, "discharge high current", "[CAN12]"),
        /** Byte 3 bit 0: charge high current. */
        CHARGE_HIGH_CURRENT_ALARM(3, 0, Level.ALARM, "charge high current", "[CAN12]"),
        /** Byte 3 bit 3: internal communication fail ([SOLARK] calls it "critical system error"). */
        INTERNAL_COMMUNICATION_FAIL_ALARM(3, 3, Level.ALARM, "internal communication fail", "[CAN12]"),
        /** Byte 3 bit 4: cell failure, a [SEPLOS] addition. */
        CELL_FAILURE_ALARM(3, 4, Level.ALARM, "cell failure (vendor variant)", "[SEPLOS]"),
        /** Byte 3 bit 7: system warning, "found in software" by [ARMIN]. */
        SYSTEM_WARNING_ALARM(3, 7, Level.ALARM, "system warning (vendor variant, byte 3 bit 7)", "[ARMIN]");

        private final int byteIndex;
        private final int bit;
        private final Level level;
        private final String description;
        private final String source;

        Flag(int byteIndex, int bit, Level level, String description, String source) {
            this.byteIndex = byteIndex;
            this.bit = bit;
            this.level = level;
            this.description = description;
            this.source = source;
        }

        /**
         * The data byte, 0 to 3.
         *
         * @return 0 or 1 for a protection, 2 or 3 for an alarm
         */
        public int byteIndex() {
            return byteIndex;
        }

        /**
         * The bit within the byte, 0 (least significant) to 7.
         *
         * @return the bit's position in its byte
         */
        public int bit() {
            return bit;
        }

        /**
         * Protection (bytes 0-1) or alarm (bytes 2-3).
         *
         * @return the flag's level, which its byte decides
         */
        public Level level() {
            return level;
        }

        /**
         * What the bit means, in the words of its source.
         *
         * @return a short English phrase, {@code "cell over-temperature"}
         */
        public String description() {
            return description;
        }

        /**
         * Which source defines the bit (keys of docs/protocol.md §0).
         *
         * @return the source keys, {@code "[CAN12]"} or several separated by commas
         */
        public String source() {
            return source;
        }

        /**
         * The bit within {@link ProtectionAndAlarmFlags#flags()}.
         *
         * @return a single bit: {@code 1 << (8 * byteIndex() + bit())}
         */
        public int mask() {
            return 1 << (8 * byteIndex + bit);
        }
    }
}

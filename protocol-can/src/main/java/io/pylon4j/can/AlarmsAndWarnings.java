package io.pylon4j.can;

import java.util.EnumSet;
import java.util.Set;

/**
 * 0x35A, battery to inverter (SMA/Victron style, and Pylontech V1.3 firmware): sixteen alarm and sixteen warning
 * items, each a two-bit state (docs/protocol.md §1.7, §1.8; disagreement §1.11 item 7).
 *
 * <p>Layout: eight bytes, 32 two-bit pairs. Bytes 0-3 are the alarms, bytes 4-7 the warnings of the same
 * {@linkplain Item items} in the same order; within a byte the pairs are bits 0+1, 2+3, 4+5 and 6+7. Per [SMA] §7 the
 * lower bit of a pair means the condition is raised ("arrives") and the upper bit that it is cleared ("leaves"):
 * {@code 01} {@link PairState#RAISED}, {@code 10} {@link PairState#CLEARED}, {@code 00} not set, {@code 11} invalid.
 * So {@code AA} in every byte means every item is cleared (BYD [DFCH]); Pylontech V1.3 firmware sends eight zero
 * bytes [SFL13]. diyBMS ([DIY]) and OpenDTU-OnBattery's Pytes reader ([ODTU]) use the same polarity and item order.
 *
 * <p>docs/protocol.md reports that [BROG] reads the opposite polarity ({@code 10} raised). Under
 * {@link CanProfile.AlarmPairPolarity#REVERSED} the codec swaps the two bits of every pair on decode and on encode,
 * so that this record always holds SMA polarity. (Read closely, BROG's {@code construct} code takes each byte's bits
 * most significant first and swaps each pair back: SMA's polarity, with the four items of a byte in mirrored order.
 * No real capture needs the reversed reading.)
 *
 * <p>DLC: 1 to 8 ({@link #MIN_LENGTH}). Batteries and emulators send all eight bytes, but shorter frames are seen
 * (a 7-byte 0x35A, without the last four warnings); docs/protocol.md §4 asks a decoder to "accept any DLC ≥ the
 * bytes a field needs". Every byte holds four whole pairs, so a frame of {@code n} bytes carries the pairs of bytes 0 to
 * {@code n - 1}; the pairs of the bytes it leaves out are absent: {@link #hasAlarm(Item)} or
 * {@link #hasWarning(Item)} is false, and {@link #alarm(Item)} or {@link #warning(Item)} reads {@code 00},
 * {@link PairState#NOT_SET}, which is exactly what [SMA] §7 makes of {@code 00} ("no information", no change). A
 * frame with no byte at all carries nothing and is rejected.
 *
 * @param states the {@code length} bytes in SMA polarity, byte 0 in the least significant eight bits; the bits of
 *               bytes the frame did not carry are 0
 * @param length the DLC, 1 to 8
 */
public record AlarmsAndWarnings(long states, int length) implements BatteryMessage {

    /** The CAN id, 0x35A. */
    public static final int ID = 0x35A;
    /** The smallest DLC accepted: one byte, the first four alarm pairs. */
    public static final int MIN_LENGTH = 1;
    /** The DLC of a whole frame, all 32 pairs, as batteries send it. */
    public static final int FULL_LENGTH = 8;
    /** Every pair {@code 00}: nothing set, as Pylontech V1.3 firmware sends it. */
    public static final AlarmsAndWarnings NOTHING_SET = new AlarmsAndWarnings(0);
    /** Every pair {@code 10}: every alarm and warning cleared ({@code AA AA AA AA AA AA AA AA}). */
    public static final AlarmsAndWarnings ALL_CLEARED = new AlarmsAndWarnings(0xAAAA_AAAA_AAAA_AAAAL);

    private static final long LOW_BITS = 0x5555_5555_5555_5555L;
    private static final Item[] ITEMS = Item.values();

    /**
     * Checks the length and that no pair is set in a byte beyond it.
     *
     * @param states the {@code length} bytes in SMA polarity, byte 0 in the least significant eight bits; the bits of
     *               bytes the frame did not carry are 0
     * @param length the DLC, 1 to 8
     * @throws IllegalArgumentException if {@code length} is not 1 to 8, or {@code states} has bits beyond it
     */
    public AlarmsAndWarnings {
        Wire.checkLength(length, MIN_LENGTH, "AlarmsAndWarnings");
        Wire.checkBytesWithin(states, 0, length, "AlarmsAndWarnings", "states");
    }

    /**
     * All 32 pairs, a whole 8-byte frame.
     *
     * @param states the {@code length} bytes in SMA polarity, byte 0 in the least significant eight bits; the bits of
     *               bytes the frame did not carry are 0
     */
    public AlarmsAndWarnings(long states) {
        this(states, FULL_LENGTH);
    }

    /**
     * Whether the frame carried {@code item}'s alarm pair (in bytes 0-3).
     *
     * @param item the item whose alarm pair to look for
     * @return true if the DLC reaches the byte of that pair
     */
    public boolean hasAlarm(Item item) {
        return item.shift() / 8 < length;
    }

    /**
     * Whether the frame carried {@code item}'s warning pair (in bytes 4-7).
     *
     * @param item the item whose warning pair to look for
     * @return true if the DLC reaches the byte of that pair
     */
    public boolean hasWarning(Item item) {
        return 4 + item.shift() / 8 < length;
    }

    /**
     * The state of {@code item}'s alarm (bytes 0-3); {@link PairState#NOT_SET} when the frame did not carry it.
     *
     * @param item the item whose alarm to read
     * @return the pair's state in SMA polarity (the codec has undone a reversed profile)
     */
    public PairState alarm(Item item) {
        return PairState.of((int) (states >>> item.shift()) & 3);
    }

    /**
     * The state of {@code item}'s warning (bytes 4-7); {@link PairState#NOT_SET} when the frame did not carry it.
     *
     * @param item the item whose warning to read
     * @return the pair's state in SMA polarity (the codec has undone a reversed profile)
     */
    public PairState warning(Item item) {
        return PairState.of((int) (states >>> (32 + item.shift())) & 3);
    }

    /**
     * This message with {@code item}'s alarm set to {@code state}.
     *
     * @param item  the item whose alarm pair to set
     * @param state the pair's new state
     * @return a new message of the same length; this one is unchanged
     * @throws IllegalArgumentException if this message is too short to carry the pair and {@code state} is not
     *                                  {@link PairState#NOT_SET}
     */
    public AlarmsAndWarnings withAlarm(Item item, PairState state) {
        return with(item.shift(), state);
    }

    /**
     * This message with {@code item}'s warning set to {@code state}.
     *
     * @param item  the item whose warning pair to set
     * @param state the pair's new state
     * @return a new message of the same length; this one is unchanged
     * @throws IllegalArgumentException if this message is too short to carry the pair and {@code state} is not
     *                                  {@link PairState#NOT_SET}
     */
    public AlarmsAndWarnings withWarning(Item item, PairState state) {
        return with(32 + item.shift(), state);
    }

    /**
     * The items whose alarm is {@link PairState#RAISED} (a new set on each call).
     *
     * @return the raised items in declaration order, empty when none is
     */
    public Set<Item> raisedAlarms() {
        return raised(0);
    }

    /**
     * The items whose warning is {@link PairState#RAISED} (a new set on each call).
     *
     * @return the raised items in declaration order, empty when none is
     */
    public Set<Item> raisedWarnings() {
        return raised(32);
    }

    /**
     * Whether any alarm pair is {@code 01}.
     *
     * @return true if at least one item's alarm is {@link PairState#RAISED}
     */
    public boolean anyAlarmRaised() {
        return (raisedBits() & 0xFFFF_FFFFL) != 0;
    }

    /**
     * Whether any warning pair is {@code 01}.
     *
     * @return true if at least one item's warning is {@link PairState#RAISED}
     */
    public boolean anyWarningRaised() {
        return (raisedBits() >>> 32) != 0;
    }

    @Override
    public int canId() {
        return ID;
    }

    /** The low bit of each pair that is exactly {@code 01}. */
    private long raisedBits() {
        return states & LOW_BITS & ~(states >>> 1);
    }

    private Set<Item> raised(int offset) {
        EnumSet<Item> raised = EnumSet.noneOf(Item.class);
        long bits = raisedBits();
        for (Item item : ITEMS) {
            if ((bits >>> (offset + item.shift()) & 1) != 0) {
                raised.add(item);
            }
        }
        return raised;
    }

    private AlarmsAndWarnings with(int shift, PairState state) {
        return new AlarmsAndWarnings(states & ~(3L << shift) | (long) state.bits() << shift, length);
    }

    /** Swaps the two bits of every pair: SMA polarity to reversed and back. */
    static long swapPairs(long bits) {
        return (bits & LOW_BITS) << 1 | (bits >>> 1) & LOW_BITS;
    }

    static AlarmsAndWarnings decode(CanFrame frame, boolean reversed) {
        return new AlarmsAndWarnings(reversed ? swapPairs(frame.payload()) : frame.payload(), frame.length());
    }

    CanFrame encode(boolean reversed) {
        return new CanFrame(ID, length, reversed ? swapPairs(states) : states);
    }

    /** The state of one two-bit pair, in SMA polarity. */
    public enum PairState {
        /** {@code 00}: no information. */
        NOT_SET(0b00),
        /** {@code 01}: the condition is raised ("arrives"). */
        RAISED(0b01),
        /** {@code 10}: the condition is cleared ("leaves"); the normal, healthy state. */
        CLEARED(0b10),
        /** {@code 11}: not a valid state ([DIY] uses it for "not supported"). */
        INVALID(0b11);

        private static final PairState[] BY_BITS = values();

        private final int bits;

        PairState(int bits) {
            this.bits = bits;
        }

        /**
         * The two bits, 0 to 3.
         *
         * @return the pair's value in SMA polarity, {@code 0b01} for {@link #RAISED}
         */
        public int bits() {
            return bits;
        }

        /**
         * The state of two bits, 0 to 3.
         *
         * @param bits a pair's value in SMA polarity; bits above the lowest two are ignored
         * @return the state those bits encode
         */
        public static PairState of(int bits) {
            return BY_BITS[bits & 3];
        }
    }

    /**
     * One of the sixteen alarm/warning items: its byte within the alarm (or warning) half, and its pair within the
     * byte. Names per [SMA] and [VWIKI].
     */
    public enum Item {
        /** Byte 0, bits 0+1: general alarm / warning. */
        GENERAL(0, 0),
        /** Byte 0, bits 2+3: battery high voltage. */
        HIGH_VOLTAGE(0, 1),
        /** Byte 0, bits 4+5: battery low voltage. */
        LOW_VOLTAGE(0, 2),
        /** Byte 0, bits 6+7: battery high temperature. */
        HIGH_TEMPERATURE(0, 3),
        /** Byte 1, bits 0+1: battery low temperature. */
        LOW_TEMPERATURE(1, 0),
        /** Byte 1, bits 2+3: battery high temperature while charging. */
        HIGH_TEMPERATURE_CHARGE(1, 1),
        /** Byte 1, bits 4+5: battery low temperature while charging. */
        LOW_TEMPERATURE_CHARGE(1, 2),
        /** Byte 1, bits 6+7: battery high (discharge) current. */
        HIGH_DISCHARGE_CURRENT(1, 3),
        /** Byte 2, bits 0+1: battery high charge current. */
        HIGH_CHARGE_CURRENT(2, 0),
        /** Byte 2, bits 2+3: contactor. */
        CONTACTOR(2, 1),
        /** Byte 2, bits 4+5: short circuit. */
        SHORT_CIRCUIT(2, 2),
        /** Byte 2, bits 6+7: BMS internal error. */
        BMS_INTERNAL(2, 3),
        /** Byte 3, bits 0+1: cell imbalance. */
        CELL_IMBALANCE(3, 0),
        /** Byte 3, bits 2+3: reserved; Victron uses the warning pair (byte 7) for "system status online/offline". */
        RESERVED_3_1(3, 1),
        /** Byte 3, bits 4+5: reserved. */
        RESERVED_3_2(3, 2),
        /** Byte 3, bits 6+7: generator ([SMA]); reserved elsewhere. */
        GENERATOR(3, 3);

        private final int byteIndex;
        private final int pair;

        Item(int byteIndex, int pair) {
            this.byteIndex = byteIndex;
            this.pair = pair;
        }

        /**
         * The byte within the alarm half (0-3); the warning is in byte {@code byteIndex() + 4}.
         *
         * @return 0 to 3
         */
        public int byteIndex() {
            return byteIndex;
        }

        /**
         * The pair within the byte: 0 for bits 0+1 to 3 for bits 6+7.
         *
         * @return 0 to 3; the pair's low bit is bit {@code 2 * pair()}
         */
        public int pair() {
            return pair;
        }

        int shift() {
            return 8 * byteIndex + 2 * pair;
        }
    }
}

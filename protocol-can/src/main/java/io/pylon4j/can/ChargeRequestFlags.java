package io.pylon4j.can;

import java.util.EnumSet;
import java.util.Set;

/**
 * 0x35C, battery to inverter (Pylontech V1.2 set): the charge and discharge enables and the battery's charge requests
 * (docs/protocol.md §1.3.2; disagreement §1.11 item 4). V1.3 firmware no longer sends it.
 *
 * <table>
 *   <caption>0x35C byte 0, "1" = yes / request ([CAN12])</caption>
 *   <tr><th>bit</th><th>{@link Request}</th><th>meaning</th></tr>
 *   <tr><td>7</td><td>{@link Request#CHARGE_ENABLE}</td><td>0 asks the inverter to stop charging</td></tr>
 *   <tr><td>6</td><td>{@link Request#DISCHARGE_ENABLE}</td><td>0 asks the inverter to stop discharging</td></tr>
 *   <tr><td>5</td><td>{@link Request#FORCE_CHARGE_I}</td><td>request force charge I (inverters that may let the
 *       battery shut down)</td></tr>
 *   <tr><td>4</td><td>{@link Request#FORCE_CHARGE_II}</td><td>request force charge II, added in V1.1 (inverters that
 *       must not; Pylontech recommends this one)</td></tr>
 *   <tr><td>3</td><td>{@link Request#FULL_CHARGE}</td><td>request full charge, added in V1.2 (SOC recalibration after
 *       30 days below 97 %)</td></tr>
 *   <tr><td>0-2</td><td></td><td>not defined; kept as sent</td></tr>
 * </table>
 *
 * <p>Sol-Ark's document ([SOLARK]) numbers bit 4 "Forced Charge Request 1" and bit 5 "Forced Charge Request 2", the
 * other way round; the bits are the same, only the names differ, and this record uses [CAN12]'s.
 *
 * <p>Byte 1 is unused ({@code 00}). DLC: at least 1 ({@link #MIN_LENGTH}); Pylontech sends 2 ({@code C0 00}: charge
 * and discharge enabled), [AIR-INV-CAN] 8. Bytes 1-7 are kept in {@link #reserved()}.
 *
 * @param flags    byte 0, 0 to 255
 * @param length   the DLC, 1 to 8
 * @param reserved data bytes 1 to {@code length - 1}, in their wire positions
 */
public record ChargeRequestFlags(int flags, int length, long reserved) implements BatteryMessage {

    /** The CAN id, 0x35C. */
    public static final int ID = 0x35C;
    /** The smallest DLC accepted: the flag byte. */
    public static final int MIN_LENGTH = 1;

    private static final int DEFINED_BITS = 0xF8;

    /**
     * Checks every component against its wire range.
     *
     * @param flags    byte 0, 0 to 255
     * @param length   the DLC, 1 to 8
     * @param reserved data bytes 1 to {@code length - 1}, in their wire positions
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public ChargeRequestFlags {
        String type = "ChargeRequestFlags";
        Wire.checkLength(length, MIN_LENGTH, type);
        Wire.checkU8(flags, type, "flags");
        Wire.checkBytesWithin(reserved, MIN_LENGTH, length, type, "reserved");
    }

    /**
     * A 2-byte frame as Pylontech sends it, with the given requests set: {@code of(CHARGE_ENABLE, DISCHARGE_ENABLE)}.
     *
     * @param requests the requests to set; none for a byte 0 of 0
     * @return a message of DLC 2, byte 1 zero
     */
    public static ChargeRequestFlags of(Request... requests) {
        int flags = 0;
        for (Request request : requests) {
            flags |= request.mask();
        }
        return new ChargeRequestFlags(flags, 2, 0);
    }

    /**
     * Whether {@code request}'s bit is set.
     *
     * @param request the request to test
     * @return true if its bit of byte 0 is 1 (docs/protocol.md §1.3.2: "1" = yes/request)
     */
    public boolean isSet(Request request) {
        return (flags & request.mask()) != 0;
    }

    /**
     * The requests whose bit is set (a new set on each call).
     *
     * @return the set requests in bit order from bit 7 down, empty when none is
     */
    public Set<Request> requests() {
        EnumSet<Request> set = EnumSet.noneOf(Request.class);
        for (Request request : Request.values()) {
            if (isSet(request)) {
                set.add(request);
            }
        }
        return set;
    }

    /**
     * Bit 7: charging allowed.
     *
     * @return true if the battery accepts charge; false asks the inverter to stop charging
     */
    public boolean chargeEnable() {
        return isSet(Request.CHARGE_ENABLE);
    }

    /**
     * Bit 6: discharging allowed.
     *
     * @return true if the battery may be discharged; false asks the inverter to stop discharging
     */
    public boolean dischargeEnable() {
        return isSet(Request.DISCHARGE_ENABLE);
    }

    /**
     * Bit 5: request force charge I.
     *
     * @return true if the battery asks to be charged because its SOC is low, for inverters that let it shut down
     *         and can wake it (docs/protocol.md §1.3.2)
     */
    public boolean forceChargeI() {
        return isSet(Request.FORCE_CHARGE_I);
    }

    /**
     * Bit 4: request force charge II.
     *
     * @return true if the battery asks to be charged because its SOC is low, for inverters that must not let it
     *         shut down (docs/protocol.md §1.3.2)
     */
    public boolean forceChargeII() {
        return isSet(Request.FORCE_CHARGE_II);
    }

    /**
     * Bit 3: request full charge.
     *
     * @return true if the battery asks for a full charge, from the grid if need be, to recalibrate its SOC (set
     *         when SOC has not exceeded 97 % for 30 days)
     */
    public boolean fullChargeRequest() {
        return isSet(Request.FULL_CHARGE);
    }

    /**
     * The set bits of byte 0 that [CAN12] does not define (bits 0-2); normally 0.
     *
     * @return byte 0 with the defined bits masked out, 0 to 255
     */
    public int undefinedFlagBits() {
        return flags & ~DEFINED_BITS;
    }

    @Override
    public int canId() {
        return ID;
    }

    static ChargeRequestFlags decode(CanFrame frame) {
        long p = frame.payload();
        return new ChargeRequestFlags(Wire.u8(p, 0), frame.length(), Wire.from(p, MIN_LENGTH));
    }

    CanFrame encode() {
        return new CanFrame(ID, length, Wire.put8(flags, 0) | reserved);
    }

    /** One request bit of byte 0. */
    public enum Request {
        /** Bit 7: charge enable. */
        CHARGE_ENABLE(7),
        /** Bit 6: discharge enable. */
        DISCHARGE_ENABLE(6),
        /** Bit 5: request force charge I ([SOLARK]: "Forced Charge Request 2"). */
        FORCE_CHARGE_I(5),
        /** Bit 4: request force charge II ([SOLARK]: "Forced Charge Request 1"). */
        FORCE_CHARGE_II(4),
        /** Bit 3: request full charge. */
        FULL_CHARGE(3);

        private final int bit;

        Request(int bit) {
            this.bit = bit;
        }

        /**
         * The bit within byte 0.
         *
         * @return 0 (least significant) to 7
         */
        public int bit() {
            return bit;
        }

        int mask() {
            return 1 << bit;
        }
    }
}

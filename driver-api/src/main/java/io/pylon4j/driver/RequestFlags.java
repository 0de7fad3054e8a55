package io.pylon4j.driver;

/**
 * What the battery asks the inverter to do: CAN 0x35C byte 0 and the RS485 0x92 status byte carry the same five
 * bits (docs/protocol.md §1.3.2, §2.5.6).
 *
 * <p>Naming: this model follows the Pylontech documents — bit 5 is "force charge I" (for inverters that can wake a
 * shut-down battery), bit 4 is "force charge II" (for inverters that must not let the battery shut down; Pylontech
 * recommends it). Sol-Ark's document and python-pylontech swap the two names; strategies map by bit, not by name.
 *
 * @param chargeEnable      bit 7: 0 = the battery asks the inverter to stop charging
 * @param dischargeEnable   bit 6: 0 = stop discharging
 * @param forceChargeI      bit 5: request force charge I
 * @param forceChargeII     bit 4: request force charge II
 * @param fullChargeRequest bit 3: request a full charge (SOC has not reached 97 % for 30 days)
 */
public record RequestFlags(boolean chargeEnable, boolean dischargeEnable, boolean forceChargeI,
                           boolean forceChargeII, boolean fullChargeRequest) {

    /** Charge and discharge enabled, nothing requested: CAN 0x35C {@code C0}, the normal state. */
    public static final RequestFlags NORMAL = new RequestFlags(true, true, false, false, false);

    /**
     * The flags of a 0x35C byte 0 / 0x92 status byte (bits 2–0 are ignored).
     *
     * @param bits the byte, 0 to 255 (higher bits are ignored too)
     * @return the flags
     */
    public static RequestFlags fromBits(int bits) {
        return new RequestFlags((bits & 0x80) != 0, (bits & 0x40) != 0, (bits & 0x20) != 0, (bits & 0x10) != 0,
                (bits & 0x08) != 0);
    }

    /**
     * The flags as a 0x35C byte 0 / 0x92 status byte.
     *
     * @return the byte, bits 2–0 zero
     */
    public int toBits() {
        return (chargeEnable ? 0x80 : 0) | (dischargeEnable ? 0x40 : 0) | (forceChargeI ? 0x20 : 0)
                | (forceChargeII ? 0x10 : 0) | (fullChargeRequest ? 0x08 : 0);
    }
}

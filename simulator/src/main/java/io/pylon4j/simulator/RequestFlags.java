package io.pylon4j.simulator;

/**
 * The battery's requests to the inverter: CAN 0x35C byte 0 (docs/protocol.md §1.3.2) and the status byte of RS485 0x92
 * (docs/protocol.md §2.5.6), which use the same bits.
 *
 * @param chargeEnable      bit 7: charging allowed (0 = the battery asks the inverter to stop charging)
 * @param dischargeEnable   bit 6: discharging allowed
 * @param forceChargeI      bit 5: request force charge I
 * @param forceChargeII     bit 4: request force charge II
 * @param fullChargeRequest bit 3: request a full charge (SOC has stayed below 97 % for 30 days)
 */
public record RequestFlags(boolean chargeEnable, boolean dischargeEnable, boolean forceChargeI,
                           boolean forceChargeII, boolean fullChargeRequest) {

    /** Nothing allowed, nothing requested (byte 0x00). */
    public static final RequestFlags NONE = new RequestFlags(false, false, false, false, false);

    /**
     * {@return the flags as one byte, bit 7 = charge enable … bit 3 = full-charge request, bits 2–0 zero: the value of
     * CAN 0x35C byte 0 and of the RS485 0x92 status byte} {@code 0xC0} is the normal state.
     */
    public int toByte() {
        return (chargeEnable ? 0x80 : 0) | (dischargeEnable ? 0x40 : 0) | (forceChargeI ? 0x20 : 0)
                | (forceChargeII ? 0x10 : 0) | (fullChargeRequest ? 0x08 : 0);
    }
}

package io.pylon4j.can;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The one mapping from a bank's values ({@link BankFrameValues}) to the Pylontech frame sets' messages, used by the
 * simulator's battery side and by the gateway, so that the same bank is sent the same way by both. Pure and
 * stateless; encode the messages with a {@link PylonCanCodec}.
 *
 * <p>Rounding (docs/protocol.md §1.2 gives the wire steps, not how to reach them; these choices are pylon4j's):
 * <ul>
 * <li>Limits toward the safe side: CVL, CCL and DCL truncated to their 0.1 V / 0.1 A step (53.29 V is sent as
 * 53.2 V: never more than the battery allows), the discharge voltage limit rounded up (never a lower cut-off).</li>
 * <li>Measurements to the nearest step: SOC and SOH to 1 %, voltage to 0.01 V, current to 0.1 A, temperature to
 * 0.1 °C. A measurement has no safe side, and the nearest step keeps a value that is already on the step exact when
 * it arrives as a binary fraction (49.86 V is 49.859999… V as a {@code double}; truncation would send 49.85 V).</li>
 * <li>Capacity truncated to whole Ah (never more capacity than there is).</li>
 * <li>Every field saturated to its wire range (a 96-module bank's 7,680 A is sent as 3,276.7 A), the module count
 * at 255.</li>
 * </ul>
 *
 * <p>0x355 bytes 4–5: the V1.3 set sends them as {@code 00 00}, as the real V1.3 firmware does ([SFL13],
 * docs/protocol.md §1.2 and §1.7, {@code docs/captures/can-setfirelabs-us5000-v12-vs-v13.txt});
 * {@link #stateOfChargeHighResolution} fills them with the SOC in 0.01 %, the SMA/Victron layout ([SMA],
 * docs/protocol.md §1.2, §1.10), for the sets that read it. Without an SOH, 0x355 is two bytes long in every set.
 */
public final class BankFrameEncoder {

    private BankFrameEncoder() {
    }

    /**
     * {@return Pylontech V1.2's set, in id order: 0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E} As real V1.2 firmware
     * sends it (docs/protocol.md §1.2; the V1.2 half of the Setfire Labs capture, byte for byte).
     *
     * @param v the bank's values
     */
    public static List<CanMessage> pylonV12(BankFrameValues v) {
        return List.of(limits(v), stateOfCharge(v), measurements(v), protectionAndAlarmFlags(v), requestFlags(v),
                ManufacturerName.PYLON);
    }

    /**
     * {@return the V1.3 firmware's set, in id order: 0x351, 0x355 (six bytes, the last two 00), 0x356, 0x35A with
     * nothing set, 0x35E, 0x35F} No 0x359 and no 0x35C: V1.3 firmware dropped them (docs/protocol.md §1.7; the V1.3
     * half of the Setfire Labs capture, byte for byte).
     *
     * @param v the bank's values
     */
    public static List<CanMessage> pylonV13(BankFrameValues v) {
        StateOfChargeAndHealth soc = v.sohPercent().isPresent()
                ? new StateOfChargeAndHealth(percent(v.socPercent()), percent(v.sohPercent().getAsDouble()), 0)
                : stateOfCharge(v);
        return List.of(limits(v), soc, measurements(v), AlarmsAndWarnings.NOTHING_SET, ManufacturerName.PYLON,
                batteryInfo(v));
    }

    /**
     * {@return 0x351: CVL, CCL and DCL truncated to 0.1 V / 0.1 A, the discharge voltage limit rounded up to 0.1 V,
     * or left out (DLC 6) when unknown}
     *
     * @param v the bank's values
     */
    public static ChargeDischargeLimits limits(BankFrameValues v) {
        return limits(v.chargeVoltageLimitVolts(), v.chargeCurrentLimitAmps(), v.dischargeCurrentLimitAmps(),
                v.dischargeVoltageLimitVolts());
    }

    /**
     * {@return 0x351 alone, rounded as {@link #limits(BankFrameValues)} rounds: for a sender that changes only the
     * limits (the simulator's limit faults)}
     *
     * @param chargeVoltageLimitVolts    CVL, V
     * @param chargeCurrentLimitAmps     CCL, A
     * @param dischargeCurrentLimitAmps  DCL, A, positive
     * @param dischargeVoltageLimitVolts the discharge voltage limit, V, or empty to leave it out
     */
    public static ChargeDischargeLimits limits(double chargeVoltageLimitVolts, double chargeCurrentLimitAmps,
                                               double dischargeCurrentLimitAmps,
                                               OptionalDouble dischargeVoltageLimitVolts) {
        return new ChargeDischargeLimits(u16(Math.floor(chargeVoltageLimitVolts * 10 + 1e-9)),
                s16(Math.floor(chargeCurrentLimitAmps * 10 + 1e-9)),
                s16(Math.floor(dischargeCurrentLimitAmps * 10 + 1e-9)),
                dischargeVoltageLimitVolts.isPresent()
                        ? u16(Math.ceil(dischargeVoltageLimitVolts.getAsDouble() * 10 - 1e-9)) : CanMessage.NOT_SENT);
    }

    /**
     * {@return 0x355 as V1.2 sends it: SOC and SOH in whole percent (four bytes), or the SOC alone (two)}
     *
     * @param v the bank's values
     */
    public static StateOfChargeAndHealth stateOfCharge(BankFrameValues v) {
        return new StateOfChargeAndHealth(percent(v.socPercent()),
                v.sohPercent().isPresent() ? percent(v.sohPercent().getAsDouble()) : CanMessage.NOT_SENT);
    }

    /**
     * {@return 0x355 with the high-resolution SOC in bytes 4–5 (0.01 %), as SMA and Victron read it, or the SOC
     * alone (two bytes) without an SOH}
     *
     * @param v the bank's values
     */
    public static StateOfChargeAndHealth stateOfChargeHighResolution(BankFrameValues v) {
        if (v.sohPercent().isEmpty()) {
            return stateOfCharge(v);
        }
        return new StateOfChargeAndHealth(percent(v.socPercent()), percent(v.sohPercent().getAsDouble()),
                u16(Math.round(v.socPercent() * 100)));
    }

    /**
     * {@return 0x356: voltage to the nearest 0.01 V, current to the nearest 0.1 A, temperature to the nearest 0.1 °C,
     * or left out (DLC 4) when unknown}
     *
     * @param v the bank's values
     */
    public static BatteryMeasurements measurements(BankFrameValues v) {
        OptionalDouble t = v.temperatureCelsius();
        return new BatteryMeasurements(s16(Math.round(v.voltageVolts() * 100)), s16(Math.round(v.currentAmps() * 10)),
                t.isPresent() ? s16(Math.round(t.getAsDouble() * 10)) : CanMessage.NOT_SENT);
    }

    /**
     * {@return 0x359: the four flag bytes, the modules online (at most 255) and 'P' 'N', seven bytes as real
     * batteries send it}
     *
     * @param v the bank's values
     */
    public static ProtectionAndAlarmFlags protectionAndAlarmFlags(BankFrameValues v) {
        return new ProtectionAndAlarmFlags(v.protectionAndAlarmFlags(), Math.min(255, v.modules()),
                ProtectionAndAlarmFlags.MARKER_PN, CanMessage.NOT_SENT);
    }

    /**
     * {@return 0x35C: the request flags and a 00 byte, two bytes as real batteries send it}
     *
     * @param v the bank's values
     */
    public static ChargeRequestFlags requestFlags(BankFrameValues v) {
        return new ChargeRequestFlags(v.requestFlags() & 0xFF, 2, 0);
    }

    /**
     * {@return 0x35F as the V1.3 capture shows it: "LI", version 1.3, the capacity in whole Ah, {@code AA 00}}
     *
     * @param v the bank's values
     */
    public static BatteryInfo batteryInfo(BankFrameValues v) {
        return new BatteryInfo('L' | 'I' << 8, 1, 3, capacityAh(v), 8, 0xAAL << 48);
    }

    /**
     * {@return 0x379: the installed capacity in whole Ah, as LuxPower, Sol-Ark and Victron read it}
     *
     * @param v the bank's values
     */
    public static InstalledCapacity installedCapacity(BankFrameValues v) {
        return new InstalledCapacity(capacityAh(v));
    }

    private static int capacityAh(BankFrameValues v) {
        return u16(Math.floor(v.capacityAmpHours() + 1e-9));
    }

    private static int percent(double percent) {
        return u16(Math.round(percent));
    }

    private static int s16(double v) {
        return (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }

    private static int u16(double v) {
        return (int) Math.max(0, Math.min(0xFFFF, v));
    }
}

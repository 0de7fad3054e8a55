package io.pylon4j.gateway;

import io.pylon4j.can.AlarmsAndWarnings;
import io.pylon4j.can.BatteryInfo;
import io.pylon4j.can.BatteryMeasurements;
import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanMessage;
import io.pylon4j.can.CanProfile;
import io.pylon4j.can.ChargeDischargeLimits;
import io.pylon4j.can.ChargeRequestFlags;
import io.pylon4j.can.InstalledCapacity;
import io.pylon4j.can.ManufacturerName;
import io.pylon4j.can.ModuleCounts;
import io.pylon4j.can.ProductIdentification;
import io.pylon4j.can.ProtectionAndAlarmFlags;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.can.StateOfChargeAndHealth;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.Measurements;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Turns a {@link BankView} into one cycle of CAN frames in a {@link FrameSet}, through the project's codec, with
 * 11-bit ids only (a Deye ignores 29-bit ids). Pure and thread-safe.
 *
 * <p>Rounding always toward the safe side: CVL, CCL and DCL are truncated to their 0.1 V / 0.1 A step (53.29 V is
 * sent as 53.2 V), the discharge voltage limit rounded up; SOC rounded to the nearest percent; currents saturated to
 * the s16 range. A field the view does not know is left out of its frame (a shorter DLC, docs/ARCHITECTURE.md
 * "Values"), never sent as a made-up zero: no SOH makes 0x355 two bytes long, no temperature 0x356 four, no
 * discharge voltage limit 0x351 six.
 */
public final class CanFrameSetEncoder {

    private final FrameSet frameSet;
    private final PylonCanCodec codec;

    /**
     * An encoder for {@code frameSet} with the codec profile {@code canProfile}.
     *
     * @param frameSet   which frames each cycle holds
     * @param canProfile how brand-dependent fields are encoded (0x356's voltage resolution for Sol-Ark)
     */
    public CanFrameSetEncoder(FrameSet frameSet, CanProfile canProfile) {
        this.frameSet = Objects.requireNonNull(frameSet, "frameSet");
        this.codec = new PylonCanCodec(canProfile);
    }

    /**
     * {@return the frames of one cycle, in id order}
     *
     * @param v the view to send, complete ({@link BankView#implausibility()} empty) or its fail-safe form
     * @throws IllegalArgumentException if {@code v} has no limits or no SOC
     */
    public List<CanFrame> frames(BankView v) {
        Limits l = v.limits().orElseThrow(() -> new IllegalArgumentException("a view without limits"));
        Measurements m = v.measurements();
        int soc = (int) Math.round(m.socPercent().orElseThrow(() -> new IllegalArgumentException("no SOC")));
        int soh = m.sohPercent().isPresent() ? (int) Math.round(m.sohPercent().getAsDouble()) : CanMessage.NOT_SENT;
        List<CanMessage> messages = new ArrayList<>();
        messages.add(limits(l));
        boolean hiResSoc = frameSet == FrameSet.PYLON_V13 || frameSet == FrameSet.SMA;
        messages.add(hiResSoc && soh != CanMessage.NOT_SENT
                ? new StateOfChargeAndHealth(soc, soh, u16((int) Math.round(m.socPercent().getAsDouble() * 100)))
                : new StateOfChargeAndHealth(soc, soh));
        messages.add(new BatteryMeasurements(centi(m.voltageVolts()), s16(Math.round(m.currentAmps().orElse(0) * 10)),
                m.temperatureCelsius().isPresent() ? s16(Math.round(m.temperatureCelsius().getAsDouble() * 10))
                        : CanMessage.NOT_SENT));
        if (frameSet != FrameSet.SMA) { // a Sunny Island reads its alarms from 0x35A only (docs/protocol.md §1.10)
            messages.add(new ProtectionAndAlarmFlags(AlarmBits.flags359(v.alarms()), Math.min(255, v.modules()),
                    ProtectionAndAlarmFlags.MARKER_PN, CanMessage.NOT_SENT));
        }
        if (frameSet == FrameSet.PYLON_V13) {
            messages.add(AlarmsAndWarnings.NOTHING_SET); // as the V1.3 capture shows it (docs/protocol.md §1.7)
        } else if (frameSet == FrameSet.VICTRON || frameSet == FrameSet.SMA) {
            messages.add(AlarmBits.pairs35A(v.alarms())); // a GX and a Sunny Island read their alarms here
        }
        if (frameSet != FrameSet.PYLON_V13 && frameSet != FrameSet.SMA) {
            messages.add(new ChargeRequestFlags(v.requests().toBits(), 2, 0));
        }
        messages.add(ManufacturerName.PYLON);
        int capacityAh = u16((int) Math.floor(v.capacityAmpHours()));
        if (frameSet == FrameSet.PYLON_V13 || frameSet == FrameSet.VICTRON || frameSet == FrameSet.SMA) {
            messages.add(new BatteryInfo('L' | 'I' << 8, 1, 3, capacityAh, 8, 0xAAL << 48));
        }
        if (frameSet == FrameSet.PYLON_V12_CAPACITY || frameSet == FrameSet.SOL_ARK) {
            messages.add(new InstalledCapacity(capacityAh));
        }
        if (frameSet == FrameSet.VICTRON) {
            int blocking = v.modules();
            messages.add(new ModuleCounts(u16(v.modules()), v.requests().chargeEnable() ? 0 : u16(blocking),
                    v.requests().dischargeEnable() ? 0 : u16(blocking), 0));
            VictronDetailFrames.addCells(v, messages);
            messages.add(new InstalledCapacity(capacityAh));
            VictronDetailFrames.addSerialNumber(v, messages);
            messages.add(ProductIdentification.of("PYLON4J"));
        }
        List<CanFrame> frames = new ArrayList<>(messages.size());
        for (CanMessage message : messages) {
            frames.add(codec.encode(message));
        }
        return frameSet == FrameSet.SOL_ARK ? SolArkFrames.padded(frames) : List.copyOf(frames);
    }

    private static ChargeDischargeLimits limits(Limits l) {
        OptionalDouble dvl = l.dischargeVoltageLimitVolts();
        return new ChargeDischargeLimits(u16((int) Math.floor(l.chargeVoltageLimitVolts() * 10 + 1e-9)),
                s16(floorTenths(l.chargeCurrentLimitAmps())), s16(floorTenths(l.dischargeCurrentLimitAmps())),
                dvl.isPresent() ? u16((int) Math.ceil(dvl.getAsDouble() * 10 - 1e-9)) : CanMessage.NOT_SENT);
    }

    private static long floorTenths(double amps) {
        return (long) Math.floor(amps * 10 + 1e-9);
    }

    private static int centi(OptionalDouble volts) {
        return (int) Math.round(volts.orElseThrow(() -> new IllegalArgumentException("no voltage")) * 100);
    }

    private static int s16(long v) {
        return (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }

    private static int u16(int v) {
        return Math.max(0, Math.min(0xFFFF, v));
    }
}

package io.pylon4j.gateway;

import io.pylon4j.can.BankFrameEncoder;
import io.pylon4j.can.BankFrameValues;
import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanMessage;
import io.pylon4j.can.CanProfile;
import io.pylon4j.can.ManufacturerName;
import io.pylon4j.can.ModuleCounts;
import io.pylon4j.can.ProductIdentification;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.Measurements;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Turns a {@link BankView} into one cycle of CAN frames in a {@link FrameSet}, through the project's codec, with
 * 11-bit ids only (a Deye ignores 29-bit ids). Pure and thread-safe.
 *
 * <p>The values are mapped by protocol-can's {@link BankFrameEncoder}, the one mapping the simulator's battery side
 * uses too: limits rounded toward the safe side (CVL, CCL and DCL truncated to their 0.1 V / 0.1 A step, 53.29 V sent
 * as 53.2 V; the discharge voltage limit rounded up), measurements to the nearest step, capacity truncated to whole
 * Ah, every field saturated to its wire range. A field the view does not know is left out of its frame (a shorter DLC,
 * docs/ARCHITECTURE.md "Values"), never sent as a made-up zero: no SOH makes 0x355 two bytes long, no temperature
 * 0x356 four, no discharge voltage limit 0x351 six. The one exception is an unknown current, sent as 0 A: 0x356
 * cannot carry the voltage without it.
 *
 * <p>What this class adds to the shared mapping, per set: 0x359 in the V1.3 set too (V1.3 firmware dropped it, but
 * its 0x35A is all zero there, so 0x359 is where the fail-safe's system-error protection shows), and the SOC in
 * 0.01 % in 0x355's bytes 4–5 of the V1.3 and SMA sets (V1.3 firmware sends 00 00 there, docs/protocol.md §1.2; an
 * inverter reading the bytes as SMA's high-resolution SOC gets the true SOC rather than 0 %, one ignoring them loses
 * nothing); 0x35A in SMA polarity for Victron and SMA, and Victron's 0x372–0x382.
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
     * @throws IllegalArgumentException if {@code v} has no limits, no SOC or no voltage
     */
    public List<CanFrame> frames(BankView v) {
        BankFrameValues b = values(v);
        List<CanMessage> messages = new ArrayList<>();
        switch (frameSet) {
            case PYLON_V12 -> messages.addAll(BankFrameEncoder.pylonV12(b));
            case PYLON_V12_CAPACITY, SOL_ARK -> {
                messages.addAll(BankFrameEncoder.pylonV12(b));
                messages.add(BankFrameEncoder.installedCapacity(b));
            }
            case PYLON_V13 -> {
                messages.addAll(BankFrameEncoder.pylonV13(b));
                messages.set(1, BankFrameEncoder.stateOfChargeHighResolution(b));
                messages.add(BankFrameEncoder.protectionAndAlarmFlags(b));
            }
            case VICTRON -> {
                messages.addAll(BankFrameEncoder.pylonV12(b));
                messages.add(AlarmBits.pairs35A(v.alarms())); // a GX reads its alarms here
                messages.add(BankFrameEncoder.batteryInfo(b));
                int blocking = v.modules();
                messages.add(new ModuleCounts(u16(v.modules()), v.requests().chargeEnable() ? 0 : u16(blocking),
                        v.requests().dischargeEnable() ? 0 : u16(blocking), 0));
                VictronDetailFrames.addCells(v, messages);
                messages.add(BankFrameEncoder.installedCapacity(b));
                VictronDetailFrames.addSerialNumber(v, messages);
                messages.add(ProductIdentification.of("PYLON4J"));
            }
            case SMA -> { // a Sunny Island reads neither 0x359 nor 0x35C: its alarms are in 0x35A (docs/protocol.md §1.10)
                messages.add(BankFrameEncoder.limits(b));
                messages.add(BankFrameEncoder.stateOfChargeHighResolution(b));
                messages.add(BankFrameEncoder.measurements(b));
                messages.add(AlarmBits.pairs35A(v.alarms()));
                messages.add(ManufacturerName.PYLON);
                messages.add(BankFrameEncoder.batteryInfo(b));
            }
        }
        List<CanFrame> frames = new ArrayList<>(messages.size());
        for (CanMessage message : messages) {
            frames.add(codec.encode(message));
        }
        frames.sort(Comparator.comparingInt(CanFrame::id)); // stable: the shared sets are in id order already
        return frameSet == FrameSet.SOL_ARK ? SolArkFrames.padded(frames) : List.copyOf(frames);
    }

    private static BankFrameValues values(BankView v) {
        Limits l = v.limits().orElseThrow(() -> new IllegalArgumentException("a view without limits"));
        Measurements m = v.measurements();
        return new BankFrameValues(l.chargeVoltageLimitVolts(), l.chargeCurrentLimitAmps(),
                l.dischargeCurrentLimitAmps(), l.dischargeVoltageLimitVolts(),
                m.socPercent().orElseThrow(() -> new IllegalArgumentException("no SOC")), m.sohPercent(),
                m.voltageVolts().orElseThrow(() -> new IllegalArgumentException("no voltage")),
                m.currentAmps().orElse(0), m.temperatureCelsius(), AlarmBits.flags359(v.alarms()), v.modules(),
                v.requests().toBits(), v.capacityAmpHours());
    }

    private static int u16(int v) {
        return Math.max(0, Math.min(0xFFFF, v));
    }
}

package io.pylon4j.simulator.frontend;

import io.pylon4j.can.AlarmsAndWarnings;
import io.pylon4j.can.BankFrameEncoder;
import io.pylon4j.can.BankFrameValues;
import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanMessage;
import io.pylon4j.can.CellExtremes;
import io.pylon4j.can.MaxCellTemperatureId;
import io.pylon4j.can.MaxCellVoltageId;
import io.pylon4j.can.MinCellTemperatureId;
import io.pylon4j.can.MinCellVoltageId;
import io.pylon4j.can.ModuleCounts;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.simulator.Alarm;
import io.pylon4j.simulator.BankSnapshot;
import io.pylon4j.simulator.ChargeLimits;
import io.pylon4j.simulator.ModuleSnapshot;
import io.pylon4j.simulator.Protection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Turns a {@link BankSnapshot} into the CAN frames the bank's master sends in one cycle, in a chosen
 * {@link CanFrameSet}, through the project's CAN codec. Pure: no I/O, no clock, no fault handling (the
 * {@link CanBatterySimulator} applies the wire faults).
 *
 * <p>The values are mapped by protocol-can's {@link BankFrameEncoder}, the one mapping the gateway uses too: voltage
 * limits truncated to 0.1 V but the discharge voltage limit rounded up (53250 mV is sent as 53.2 V, 44950 mV as
 * 45.0 V: the safe side of each), current limits and the current saturated to the s16 range (a 96-module bank's
 * 7680 A is sent as 3276.7 A), DCL positive, the 0x356 voltage to the nearest 0.01 V. The V1.2 and V1.3 sets are
 * the shared ones, byte for byte what the real firmwares send (0x355's bytes 4–5 00 00 in V1.3), except that the
 * V1.3 set keeps 0x359 (real V1.3 firmware dropped it, docs/protocol.md §1.7), as it always did here. 0x359 carries the
 * protection and alarm bits named by {@link Protection} and {@link Alarm}, the modules online and 'P' 'N'. In the
 * Victron set 0x35A carries the same flags in SMA polarity ({@link #alarmsAndWarnings}), and 0x372–0x379 come from
 * the modules (here, not shared: the gateway sees no per-module requests or offline modules). 0x35F: "LI", version
 * 1.3, installed capacity of the modules online in Ah, then {@code AA 00} as in the V1.3 capture.
 *
 * <p>Immutable and thread-safe.
 */
public final class CanFrameSetGenerator {

    private final CanFrameSet frameSet;
    private final PylonCanCodec codec = PylonCanCodec.standard();

    /**
     * A generator for {@code frameSet}.
     *
     * @param frameSet which frames each cycle holds
     */
    public CanFrameSetGenerator(CanFrameSet frameSet) {
        this.frameSet = Objects.requireNonNull(frameSet, "frameSet");
    }

    /** {@return the frame set this generator produces} */
    public CanFrameSet frameSet() {
        return frameSet;
    }

    /**
     * {@return the frames of one cycle, in id order}
     *
     * @param s the bank state to encode
     */
    public List<CanFrame> frames(BankSnapshot s) {
        BankFrameValues v = values(s);
        List<CanMessage> messages = new ArrayList<>();
        switch (frameSet) {
            case PYLON_V12 -> messages.addAll(BankFrameEncoder.pylonV12(v));
            case PYLON_V13 -> {
                messages.addAll(BankFrameEncoder.pylonV13(v));
                // kept beside the firmware's set: the module count and the forced protections show here, and 0x35A
                // is all zero in V1.3
                messages.add(BankFrameEncoder.protectionAndAlarmFlags(v));
            }
            case VICTRON -> {
                messages.addAll(BankFrameEncoder.pylonV12(v));
                messages.add(alarmsAndWarnings(s));
                messages.add(BankFrameEncoder.batteryInfo(v));
                addVictron(s, messages);
                messages.add(BankFrameEncoder.installedCapacity(v));
            }
        }
        List<CanFrame> frames = new ArrayList<>(messages.size());
        for (CanMessage m : messages) {
            frames.add(codec.encode(m));
        }
        frames.sort(Comparator.comparingInt(CanFrame::id)); // stable: the shared sets are in id order already
        return List.copyOf(frames);
    }

    /**
     * {@return the 0x351 frame for {@code limits}: CVL truncated and DVL rounded up to 0.1 V, currents saturated,
     * DCL positive}
     *
     * @param limits the limits to send, in the simulator's units (mV, 0.1 A)
     */
    public CanFrame limitsFrame(ChargeLimits limits) {
        return codec.encode(BankFrameEncoder.limits(limits.chargeVoltageMillivolts() / 1000.0,
                limits.chargeCurrentDeciAmps() / 10.0, limits.dischargeCurrentDeciAmps() / 10.0,
                OptionalDouble.of(limits.dischargeVoltageMillivolts() / 1000.0)));
    }

    private static BankFrameValues values(BankSnapshot s) {
        ChargeLimits l = s.limits();
        return new BankFrameValues(l.chargeVoltageMillivolts() / 1000.0, l.chargeCurrentDeciAmps() / 10.0,
                l.dischargeCurrentDeciAmps() / 10.0, OptionalDouble.of(l.dischargeVoltageMillivolts() / 1000.0),
                s.stateOfChargePercent(), OptionalDouble.of(s.stateOfHealthPercent()), s.voltageMillivolts() / 1000.0,
                s.currentDeciAmps() / 10.0, OptionalDouble.of(s.averageTemperatureDeciCelsius() / 10.0), flags(s),
                s.modulesOnline(), s.requests().toByte(), installedAh(s));
    }

    private static int flags(BankSnapshot s) {
        int flags = 0;
        for (Protection p : s.protections()) {
            flags |= 1 << (8 * p.canByte() + p.canBit());
        }
        for (Alarm a : s.alarms()) {
            flags |= 1 << (8 * a.canByte() + a.canBit());
        }
        return flags;
    }

    /**
     * The Victron set's 0x35A in SMA polarity (docs/protocol.md §1.8): every pair {@code 10} (cleared) but the items of the active
     * flags, {@code 01} (raised): protections in the alarm half (bytes 0–3), alarms in the warning half (bytes 4–7),
     * as 0x359 splits them. A GX reads its alarms from here, not from 0x359, so all zero would hide every fault.
     */
    private static AlarmsAndWarnings alarmsAndWarnings(BankSnapshot s) {
        AlarmsAndWarnings a = AlarmsAndWarnings.ALL_CLEARED;
        for (Protection p : s.protections()) {
            a = a.withAlarm(item(p), AlarmsAndWarnings.PairState.RAISED);
        }
        for (Alarm w : s.alarms()) {
            a = a.withWarning(item(w), AlarmsAndWarnings.PairState.RAISED);
        }
        return a;
    }

    /** The 0x35A item of a protection. */
    private static AlarmsAndWarnings.Item item(Protection p) {
        return switch (p) {
            case CELL_OR_MODULE_OVER_VOLTAGE -> AlarmsAndWarnings.Item.HIGH_VOLTAGE;
            case CELL_OR_MODULE_UNDER_VOLTAGE -> AlarmsAndWarnings.Item.LOW_VOLTAGE;
            case CELL_OVER_TEMPERATURE -> AlarmsAndWarnings.Item.HIGH_TEMPERATURE;
            case CELL_UNDER_TEMPERATURE -> AlarmsAndWarnings.Item.LOW_TEMPERATURE;
            case DISCHARGE_OVER_CURRENT -> AlarmsAndWarnings.Item.HIGH_DISCHARGE_CURRENT;
            case CHARGE_OVER_CURRENT -> AlarmsAndWarnings.Item.HIGH_CHARGE_CURRENT;
            case SYSTEM_ERROR -> AlarmsAndWarnings.Item.BMS_INTERNAL;
        };
    }

    /** The 0x35A item of an alarm. */
    private static AlarmsAndWarnings.Item item(Alarm a) {
        return switch (a) {
            case CELL_OR_MODULE_HIGH_VOLTAGE -> AlarmsAndWarnings.Item.HIGH_VOLTAGE;
            case CELL_OR_MODULE_LOW_VOLTAGE -> AlarmsAndWarnings.Item.LOW_VOLTAGE;
            case CELL_HIGH_TEMPERATURE -> AlarmsAndWarnings.Item.HIGH_TEMPERATURE;
            case CELL_LOW_TEMPERATURE -> AlarmsAndWarnings.Item.LOW_TEMPERATURE;
            case DISCHARGE_HIGH_CURRENT -> AlarmsAndWarnings.Item.HIGH_DISCHARGE_CURRENT;
            case CHARGE_HIGH_CURRENT -> AlarmsAndWarnings.Item.HIGH_CHARGE_CURRENT;
            case INTERNAL_COMMUNICATION_FAIL -> AlarmsAndWarnings.Item.BMS_INTERNAL;
        };
    }

    private static int installedAh(BankSnapshot s) {
        return (int) ((long) s.modulesOnline() * s.preset().capacityMilliampHours() / 1000);
    }

    private static void addVictron(BankSnapshot s, List<CanMessage> messages) {
        List<ModuleSnapshot> online = s.modules().stream().filter(ModuleSnapshot::online).toList();
        int blockingCharge = (int) online.stream().filter(m -> !m.requests().chargeEnable()).count();
        int blockingDischarge = (int) online.stream().filter(m -> !m.requests().dischargeEnable()).count();
        messages.add(new ModuleCounts(u16(online.size()), u16(blockingCharge), u16(blockingDischarge),
                u16(s.modules().size() - online.size())));
        if (!online.isEmpty()) {
            ModuleSnapshot minV = online.get(0);
            ModuleSnapshot maxV = online.get(0);
            ModuleSnapshot minT = online.get(0);
            ModuleSnapshot maxT = online.get(0);
            int minCellT = Integer.MAX_VALUE;
            int maxCellT = Integer.MIN_VALUE;
            for (ModuleSnapshot m : online) {
                if (m.minCellVoltageMillivolts() < minV.minCellVoltageMillivolts()) {
                    minV = m;
                }
                if (m.maxCellVoltageMillivolts() > maxV.maxCellVoltageMillivolts()) {
                    maxV = m;
                }
                for (int t : m.cellTemperaturesDeciCelsius()) {
                    if (t < minCellT) {
                        minCellT = t;
                        minT = m;
                    }
                    if (t > maxCellT) {
                        maxCellT = t;
                        maxT = m;
                    }
                }
            }
            messages.add(new CellExtremes(u16(minV.minCellVoltageMillivolts()), u16(maxV.maxCellVoltageMillivolts()),
                    u16(kelvin(minCellT)), u16(kelvin(maxCellT))));
            messages.add(MinCellVoltageId.of(name(minV)));
            messages.add(MaxCellVoltageId.of(name(maxV)));
            messages.add(MinCellTemperatureId.of(name(minT)));
            messages.add(MaxCellTemperatureId.of(name(maxT)));
        }
    }

    /** Victron's id text: {@code "0101"}-style group and position, one-based, padded to eight characters. */
    private static String name(ModuleSnapshot m) {
        return String.format("%02d%02d    ", m.id().group() + 1, m.id().index() + 1);
    }

    private static int kelvin(int deciCelsius) {
        return Math.round((deciCelsius + 2731.5f) / 10f);
    }

    private static int u16(int v) {
        return Math.max(0, Math.min(0xFFFF, v));
    }
}

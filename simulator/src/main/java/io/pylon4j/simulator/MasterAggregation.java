package io.pylon4j.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the bank's master reports for the whole bank, from its modules (docs/protocol.md §1.2, §1.6; the model is
 * described on {@link SimulatedBank}): module count = modules online; CCL and DCL = the smallest per-module figure ×
 * modules online; CVL and discharge voltage from the preset; SOC, SOH, voltage the averages (SOC 100 % only when
 * every module is full), current the sum, temperature the average cell temperature; protections and alarms the
 * union; request flags from the bank's tracker. Pure: reads the modules, changes nothing.
 */
final class MasterAggregation {

    private MasterAggregation() {
    }

    /** The bank's snapshot at {@code at}: every module's and the master's aggregation of them. */
    static BankSnapshot snapshot(Instant at, ModulePreset preset, List<SimulatedModule> modules,
                                 RequestTracker bankTracker) {
        List<ModuleSnapshot> snapshots = new ArrayList<>(modules.size());
        for (SimulatedModule m : modules) {
            snapshots.add(m.snapshot());
        }
        int online = 0;
        int minCcl = Integer.MAX_VALUE;
        int minDcl = Integer.MAX_VALUE;
        double socSum = 0;
        long sohSum = 0;
        long voltageSum = 0;
        int currentSum = 0;
        long temperatureSum = 0;
        int temperatureCount = 0;
        Set<Protection> protections = EnumSet.noneOf(Protection.class);
        Set<Alarm> alarms = EnumSet.noneOf(Alarm.class);
        for (int i = 0; i < snapshots.size(); i++) {
            ModuleSnapshot s = snapshots.get(i);
            if (!s.online()) {
                continue;
            }
            online++;
            minCcl = Math.min(minCcl, s.limits().chargeCurrentDeciAmps());
            minDcl = Math.min(minDcl, s.limits().dischargeCurrentDeciAmps());
            socSum += modules.get(i).socPercent();
            sohSum += s.stateOfHealthPercent();
            voltageSum += s.voltageMillivolts();
            currentSum += s.currentDeciAmps();
            for (int t : s.cellTemperaturesDeciCelsius()) {
                temperatureSum += t;
                temperatureCount++;
            }
            protections.addAll(s.protections());
            alarms.addAll(s.alarms());
        }
        ChargeLimits limits = new ChargeLimits(preset.chargeVoltageLimitMillivolts(),
                preset.dischargeVoltageLimitMillivolts(), online == 0 ? 0 : minCcl * online,
                online == 0 ? 0 : minDcl * online);
        int soc = online == 0 ? 0 : (int) Math.round(socSum / online);
        if (soc == 100 && snapshots.stream().anyMatch(s -> s.online() && !s.fullyCharged())) {
            soc = 99; // 100 % only when every module is full
        }
        RequestFlags requests = online == 0 ? RequestFlags.NONE
                : bankTracker.flags(limits.chargeCurrentDeciAmps() > 0, limits.dischargeCurrentDeciAmps() > 0);
        return new BankSnapshot(at, preset, online, limits, soc,
                online == 0 ? 0 : (int) Math.round((double) sohSum / online),
                online == 0 ? 0 : (int) Math.round((double) voltageSum / online), currentSum,
                temperatureCount == 0 ? 0 : (int) Math.round((double) temperatureSum / temperatureCount),
                protections, alarms, requests, snapshots);
    }
}

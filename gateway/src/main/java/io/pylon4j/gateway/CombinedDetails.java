package io.pylon4j.gateway;

import io.pylon4j.driver.BankInfo;
import io.pylon4j.driver.ModuleAlarmStates;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.rs485.Rs485Address;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The per-module details of combined banks ({@link BankCombiner}), laid out as an LV-Hub reports its groups
 * (docs/protocol.md §2.3): member <i>k</i> (1-based, in the combined source's order) is group <i>k</i>, its modules
 * keep their position within their group, so that member 1's master is ADR 0x12, member 2's 0x22, and so on (the
 * first group behind a hub starts at m = 1). Only members that count contribute: a bank that drops out takes its
 * modules, their 0x44 blocks and its bank info out of the view in the same call. Pure.
 *
 * <p>Bounds: at most {@link CombinedBankSource#MAX_MEMBERS} groups, each with the positions an RS485 address can
 * carry (battery 1 to {@link Rs485Address#MAX_BATTERY}: a 15th or 16th module of a group has no address and is not
 * in any member's details either). A member is one stack: if its own modules span several groups (it reads a hub
 * itself), only those of its lowest group are taken, since two groups cannot share one.
 */
final class CombinedDetails {

    private CombinedDetails() {
    }

    /**
     * {@return the details of {@code members}, each the view of member {@code index + 1}, or NONE when none has any}
     *
     * @param members the members' views by their position in the combined source (0-based), counting ones only
     */
    static BankDetails merge(Map<Integer, BankView> members) {
        Map<Integer, ModuleDetails> modules = new TreeMap<>();
        Map<Integer, Duration> ages = new TreeMap<>();
        Map<Integer, ModuleAlarmStates> alarms = new TreeMap<>();
        Optional<BankInfo> info = Optional.empty();
        for (Map.Entry<Integer, BankView> e : members.entrySet()) {
            int group = e.getKey() + 1;
            BankDetails d = e.getValue().details();
            if (info.isEmpty()) {
                info = d.bankInfo();
            }
            Optional<Integer> own = lowestGroup(d);
            if (own.isEmpty()) {
                continue;
            }
            d.modules().forEach((adr, m) -> ownGroup(adr, own.get()).ifPresent(battery -> {
                int to = Rs485Address.of(group, battery);
                modules.put(to, readdressed(m, to));
                ages.put(to, d.moduleAges().get(adr));
            }));
            d.moduleAlarms().forEach((adr, s) -> ownGroup(adr, own.get()).ifPresent(battery -> {
                int to = Rs485Address.of(group, battery);
                alarms.put(to, readdressed(s, to));
            }));
        }
        return new BankDetails(modules, ages, info, alarms);
    }

    private static Optional<Integer> lowestGroup(BankDetails d) {
        return java.util.stream.Stream.concat(d.modules().keySet().stream(), d.moduleAlarms().keySet().stream())
                .filter(Rs485Address::isBattery).map(Rs485Address::groupOf).min(Integer::compare);
    }

    /** The battery number of {@code address} if it is a battery of {@code group}. */
    private static Optional<Integer> ownGroup(int address, int group) {
        return Rs485Address.isBattery(address) && Rs485Address.groupOf(address) == group
                && Rs485Address.batteryOf(address) <= Rs485Address.MAX_BATTERY
                ? Optional.of(Rs485Address.batteryOf(address)) : Optional.empty();
    }

    private static ModuleDetails readdressed(ModuleDetails m, int address) {
        return new ModuleDetails(address, m.cellVoltagesVolts(), m.temperaturesCelsius(), m.currentAmps(),
                m.voltageVolts(), m.remainingCapacityAh(), m.totalCapacityAh(), m.cycles(), m.serialNumber(),
                m.manufacturerVersion(), m.mainlineVersion(), m.chargeVoltageLimitVolts(),
                m.dischargeVoltageLimitVolts(), m.chargeCurrentLimitAmps(), m.dischargeCurrentLimitAmps());
    }

    private static ModuleAlarmStates readdressed(ModuleAlarmStates s, int address) {
        return new ModuleAlarmStates(address, s.cellStates(), s.temperatureStates(), s.chargeCurrentState(),
                s.moduleVoltageState(), s.dischargeCurrentState(), s.status1(), s.status2(), s.status3(),
                s.status4(), s.status5(), s.stamp());
    }

    /** {@return the members' views that count, by position} */
    static Map<Integer, BankView> counting(List<BankView> members, List<BankView> counting) {
        Map<Integer, BankView> out = new TreeMap<>();
        for (int i = 0; i < members.size(); i++) {
            BankView m = members.get(i);
            if (counting.stream().anyMatch(c -> c == m)) {
                out.put(i, m);
            }
        }
        return out;
    }
}

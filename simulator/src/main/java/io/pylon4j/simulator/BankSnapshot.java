package io.pylon4j.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The whole simulated bank at one instant, aggregated as the master reports it on CAN (0x351, 0x355, 0x356, 0x359,
 * 0x35C; docs/protocol.md §1.2–1.3, §1.6), plus every module's snapshot for RS485. Immutable.
 *
 * <p>Aggregates are over the modules online only; with none online, limits, SOC, SOH, voltage, current and
 * temperature are 0 and nothing is enabled.
 *
 * @param time                        the simulated time of the snapshot
 * @param preset                      the modules' preset (for RS485 0x47 and 0x51)
 * @param modulesOnline               CAN 0x359 byte 4: the number of modules online
 * @param limits                      CAN 0x351: CVL and discharge voltage from the preset; CCL and DCL the
 *                                    smallest per-module (derated) figure times {@code modulesOnline}
 * @param stateOfChargePercent        CAN 0x355: the average SOC, rounded
 * @param stateOfHealthPercent        CAN 0x355: the average SOH, rounded
 * @param voltageMillivolts           CAN 0x356: the average module voltage (CAN sends 0.01 V)
 * @param currentDeciAmps             CAN 0x356: the total current (the sum of the modules'), positive = charge
 * @param averageTemperatureDeciCelsius CAN 0x356: the average of all cell temperatures
 * @param protections                 CAN 0x359 bytes 0–1: the union over the modules online
 * @param alarms                      CAN 0x359 bytes 2–3: the union over the modules online
 * @param requests                    CAN 0x35C byte 0
 * @param modules                     every module, online or not, in {@link ModuleId} order
 */
public record BankSnapshot(Instant time, ModulePreset preset, int modulesOnline, ChargeLimits limits,
                           int stateOfChargePercent, int stateOfHealthPercent, int voltageMillivolts,
                           int currentDeciAmps, int averageTemperatureDeciCelsius, Set<Protection> protections,
                           Set<Alarm> alarms, RequestFlags requests, List<ModuleSnapshot> modules) {

    /**
     * Copies the collections and checks the values.
     *
     * @param time                          the simulated time of the snapshot
     * @param preset                        the modules' preset (for RS485 0x47 and 0x51)
     * @param modulesOnline                 CAN 0x359 byte 4: the number of modules online
     * @param limits                        CAN 0x351: CVL and discharge voltage from the preset; CCL and DCL the
     *                                      smallest per-module (derated) figure times {@code modulesOnline}
     * @param stateOfChargePercent          CAN 0x355: the average SOC, rounded
     * @param stateOfHealthPercent          CAN 0x355: the average SOH, rounded
     * @param voltageMillivolts             CAN 0x356: the average module voltage (CAN sends 0.01 V)
     * @param currentDeciAmps               CAN 0x356: the total current (the sum of the modules'), positive = charge
     * @param averageTemperatureDeciCelsius CAN 0x356: the average of all cell temperatures
     * @param protections                   CAN 0x359 bytes 0–1: the union over the modules online
     * @param alarms                        CAN 0x359 bytes 2–3: the union over the modules online
     * @param requests                      CAN 0x35C byte 0
     * @param modules                       every module, online or not, in {@link ModuleId} order
     *
     * @throws IllegalArgumentException if the module count does not match the modules, or a percentage is out of range
     */
    public BankSnapshot {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(requests, "requests");
        protections = Immutables.enumSet(protections, Protection.class, "protections");
        alarms = Immutables.enumSet(alarms, Alarm.class, "alarms");
        modules = Immutables.list(modules, "modules");
        long online = modules.stream().filter(ModuleSnapshot::online).count();
        if (modulesOnline != online) {
            throw new IllegalArgumentException(
                    "modulesOnline is " + modulesOnline + " but " + online + " module snapshots are online");
        }
        if (stateOfChargePercent < 0 || stateOfChargePercent > 100 || stateOfHealthPercent < 0
                || stateOfHealthPercent > 100) {
            throw new IllegalArgumentException(String.format(
                    "SOC %d %% and SOH %d %% must be 0 to 100", stateOfChargePercent, stateOfHealthPercent));
        }
    }

    /**
     * {@return the snapshot of one module}
     *
     * @param id the module, as {@link ModuleId#of(int, int)} names it
     * @throws IllegalArgumentException if the bank has no such module
     */
    public ModuleSnapshot module(ModuleId id) {
        for (ModuleSnapshot m : modules) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("the bank has no module " + id);
    }

    /**
     * {@return the snapshots of one group's modules (online or not), in position order; empty if there is no such
     * group}
     *
     * @param group the group, 0-based (0 to 5)
     */
    public List<ModuleSnapshot> group(int group) {
        return modules.stream().filter(m -> m.id().group() == group).toList();
    }

    /** {@return the total current in amperes, positive = charge} */
    public double currentAmps() {
        return currentDeciAmps / 10.0;
    }
}

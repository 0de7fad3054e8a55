package io.pylon4j.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A simulated bank's modules, group by group, and what happens to all of them at once: built with their fixed cell
 * and sensor offsets drawn from the builder's random generator, found by {@link ModuleId}, given their share of the
 * bank's current, and the bank's request flags kept from their average SOC. Not thread-safe: {@link SimulatedBank}
 * holds its lock.
 */
final class BankModules {

    private final List<SimulatedModule> modules;
    private final List<ModuleId> ids;
    private final RequestTracker bankTracker;

    BankModules(SimulatedBank.Builder b) {
        List<SimulatedModule> list = new ArrayList<>();
        List<ModuleId> idList = new ArrayList<>();
        for (int g = 0; g < b.groups; g++) {
            for (int m = 0; m < b.modulesPerGroup; m++) {
                ModuleId id = new ModuleId(g, m);
                double[] cellOffsets = new double[b.preset.cellCount()];
                for (int c = 0; c < cellOffsets.length; c++) {
                    cellOffsets[c] = spread(b.random, b.cellVoltageSpreadMillivolts);
                }
                double[] sensorOffsets = new double[ModuleSnapshot.TEMPERATURE_COUNT];
                for (int t = 0; t < sensorOffsets.length; t++) {
                    sensorOffsets[t] = spread(b.random, b.temperatureSpreadCelsius);
                }
                list.add(new SimulatedModule(id, b.preset, b.socPercent, b.sohPercent, b.cycles, b.ambientCelsius,
                        cellOffsets, sensorOffsets, b.policy));
                idList.add(id);
            }
        }
        this.modules = List.copyOf(list);
        this.ids = List.copyOf(idList);
        this.bankTracker = new RequestTracker(b.policy, b.socPercent);
    }

    private static double spread(RandomGenerator random, double width) {
        return width == 0 ? 0 : (random.nextDouble() * 2 - 1) * width;
    }

    /** Every module, group by group. */
    List<SimulatedModule> all() {
        return modules;
    }

    /** Every module's id, group by group. */
    List<ModuleId> ids() {
        return ids;
    }

    /** The bank's own request flags (the master's, from the average SOC). */
    RequestTracker bankTracker() {
        return bankTracker;
    }

    /**
     * The module {@code id}.
     *
     * @throws IllegalArgumentException if the bank has no such module
     */
    SimulatedModule module(ModuleId id) {
        Objects.requireNonNull(id, "id");
        int index = Collections.binarySearch(ids, id);
        if (index < 0) {
            throw new IllegalArgumentException("the bank has no module " + id + " (it has " + groupsText() + ")");
        }
        return modules.get(index);
    }

    private String groupsText() {
        ModuleId last = ids.get(ids.size() - 1);
        return (last.group() + 1) + " group(s) of " + (last.index() + 1) + " module(s)";
    }

    /**
     * One integration step: the bank's current split evenly over the modules online (none for an offline one), the
     * modules' charge, temperature and request timers moved on by {@code nanos}.
     */
    void integrate(double bankAmps, long nanos, double ambientCelsius) {
        long online = modules.stream().filter(SimulatedModule::online).count();
        double perModule = online == 0 ? 0 : bankAmps / online;
        double seconds = nanos / 1e9;
        for (SimulatedModule m : modules) {
            m.integrate(perModule, seconds, ambientCelsius);
            m.updateRequests(nanos);
        }
        if (online > 0) {
            bankTracker.update(averageSoc(), nanos);
        }
    }

    /**
     * Lets the request flags see a change made without time passing (a module's SOC set, a module gone): the
     * thresholds apply at once, the full-charge timer does not move.
     */
    void refreshRequests() {
        for (SimulatedModule m : modules) {
            m.updateRequests(0);
        }
        if (modules.stream().anyMatch(SimulatedModule::online)) {
            bankTracker.update(averageSoc(), 0);
        }
    }

    private double averageSoc() {
        return modules.stream().filter(SimulatedModule::online).mapToDouble(SimulatedModule::socPercent).average()
                .orElse(0);
    }
}

package io.pylon4j.driver.internal;

import io.pylon4j.driver.FieldStamp;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.Source;
import io.pylon4j.transport.time.Moment;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The {@link BankModel}'s modules: each module's merged details and the stamp of its newest input ("newest wins" per
 * module), with the immutable copies a snapshot takes, made again only when the maps change: a 0x44 reply or a
 * cycle's bank values do not touch them, and the copies were the snapshot's main cost. Confined to the model's lock.
 */
final class ModuleTable {

    private final Map<Integer, ModuleDetails> modules = new TreeMap<>();
    private final Map<Integer, FieldStamp> stamps = new TreeMap<>();
    private Map<Integer, ModuleDetails> modulesCopy = ModuleMaps.frozen(Map.of());
    private Map<Integer, FieldStamp> stampsCopy = ModuleMaps.frozen(Map.of());
    private boolean modulesChanged;
    private boolean stampsChanged;
    /** The stamp made last: the modules of one reply share it (a record per module per reply, otherwise). */
    private FieldStamp lastStamp;

    /** Whether an input about {@code address} observed at {@code at} is at least as new as the module's newest. */
    boolean accepts(int address, Moment at) {
        FieldStamp previous = stamps.get(address);
        return previous == null || at.nanos() - previous.atNanos() >= 0;
    }

    /**
     * Stamps the module and merges {@code details} into what is known ({@link ModuleDetails#mergedWith}); call it
     * only for inputs it {@link #accepts}.
     *
     * @return the merged details if they changed, otherwise null
     */
    ModuleDetails merge(Source source, ModuleDetails details, Moment at) {
        lastStamp = FieldStamps.reuse(lastStamp, source, at);
        stamps.put(details.address(), lastStamp);
        stampsChanged = true;
        ModuleDetails old = modules.get(details.address());
        if (old != null && changesNothing(old, details)) {
            return null; // what old.mergedWith(details).equals(old) says, without building the merged record
        }
        ModuleDetails merged = old == null ? details : old.mergedWith(details);
        modules.put(details.address(), merged);
        modulesChanged = true;
        return merged;
    }

    /** Whether every field {@code newer} carries (a non-empty list, a present value) already has that value. */
    private static boolean changesNothing(ModuleDetails old, ModuleDetails newer) {
        // the lists compared in place (PrimitiveLists): no iterators or boxes, two lists per module of a 0x42 reply
        return (newer.cellVoltagesVolts().isEmpty()
                        || PrimitiveLists.sameDoubles(newer.cellVoltagesVolts(), old.cellVoltagesVolts()))
                && (newer.temperaturesCelsius().isEmpty()
                        || PrimitiveLists.sameDoubles(newer.temperaturesCelsius(), old.temperaturesCelsius()))
                && same(newer.currentAmps(), old.currentAmps())
                && same(newer.voltageVolts(), old.voltageVolts())
                && same(newer.remainingCapacityAh(), old.remainingCapacityAh())
                && same(newer.totalCapacityAh(), old.totalCapacityAh())
                && (newer.cycles().isEmpty() || newer.cycles().equals(old.cycles()))
                && (newer.serialNumber().isEmpty() || newer.serialNumber().equals(old.serialNumber()))
                && (newer.manufacturerVersion().isEmpty()
                        || newer.manufacturerVersion().equals(old.manufacturerVersion()))
                && (newer.mainlineVersion().isEmpty() || newer.mainlineVersion().equals(old.mainlineVersion()))
                && same(newer.chargeVoltageLimitVolts(), old.chargeVoltageLimitVolts())
                && same(newer.dischargeVoltageLimitVolts(), old.dischargeVoltageLimitVolts())
                && same(newer.chargeCurrentLimitAmps(), old.chargeCurrentLimitAmps())
                && same(newer.dischargeCurrentLimitAmps(), old.dischargeCurrentLimitAmps());
    }

    /** Absent in {@code newer} (keeps old's), or equal as {@link OptionalDouble#equals} says. */
    private static boolean same(OptionalDouble newer, OptionalDouble old) {
        return newer.isEmpty() || newer.equals(old);
    }

    /**
     * Forgets a module that left, unless it is unknown or the input is older than the module's newest.
     *
     * @return whether it was removed
     */
    boolean remove(int address, Moment at) {
        FieldStamp previous = stamps.get(address);
        if (previous == null || at.nanos() - previous.atNanos() < 0) {
            return false;
        }
        stamps.remove(address);
        stampsChanged = true;
        modules.remove(address);
        modulesChanged = true;
        return true;
    }

    /** The modules' details for a snapshot: an immutable copy, ascending by address, shared until they change. */
    Map<Integer, ModuleDetails> details() {
        if (modulesChanged) {
            modulesCopy = ModuleMaps.frozen(modules);
            modulesChanged = false;
        }
        return modulesCopy;
    }

    /** The modules' stamps for a snapshot: an immutable copy, ascending by address, shared until they change. */
    Map<Integer, FieldStamp> stamps() {
        if (stampsChanged) {
            stampsCopy = ModuleMaps.frozen(stamps);
            stampsChanged = false;
        }
        return stampsCopy;
    }
}

package io.pylon4j.driver.internal;

import io.pylon4j.driver.ModuleAlarmStates;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link BankModel}'s newest 0x44 block per module ({@link ModuleAlarmStates}), "newest wins" by its stamp, with
 * the immutable copy a snapshot takes, made again only when a block arrived or a module left. Confined to the
 * model's lock. Bounded by the addresses a reply can name (at most 256).
 */
final class ModuleAlarmTable {

    private final Map<Integer, ModuleAlarmStates> states = new TreeMap<>();
    private Map<Integer, ModuleAlarmStates> copy = ModuleMaps.frozen(Map.of());
    private boolean changed;

    /** Keeps {@code block} unless the module's block already held is newer. */
    void put(ModuleAlarmStates block) {
        ModuleAlarmStates old = states.get(block.address());
        if (old == null || block.stamp().atNanos() - old.stamp().atNanos() >= 0) {
            states.put(block.address(), block);
            changed = true;
        }
    }

    /** Forgets a module that left. */
    void remove(int address) {
        if (states.remove(address) != null) {
            changed = true;
        }
    }

    /** The blocks for a snapshot: an immutable copy, ascending by address, shared until they change. */
    Map<Integer, ModuleAlarmStates> view() {
        if (changed) {
            copy = ModuleMaps.frozen(states);
            changed = false;
        }
        return copy;
    }
}

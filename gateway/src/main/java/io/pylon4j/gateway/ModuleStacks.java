package io.pylon4j.gateway;

import io.pylon4j.rs485.Rs485Address;
import java.util.List;
import java.util.TreeSet;

/**
 * Which modules of a {@link BankView} one RS485 query is about (docs/protocol.md §2.3): a module's own address, or,
 * with the command value 0xFF at a group's master (ADR 0x02 + 0x10·m), every module of that group, ascending, as a
 * stack's master answers for its group (an LV-Hub bank is asked group by group). Pure.
 */
final class ModuleStacks {

    private ModuleStacks() {
    }

    /** {@return whether the view has anything about the module at {@code address}: details or a 0x44 block} */
    static boolean knows(BankView v, int address) {
        return v.details().modules().containsKey(address) || v.details().moduleAlarms().containsKey(address);
    }

    /**
     * {@return the addresses a query at {@code address} with {@code commandValue} is about: those the view knows}
     *
     * @param address      the request's ADR
     * @param commandValue the request's command value (0xFF: the whole group, at its master)
     * @param v            the view
     */
    static List<Integer> addresses(int address, int commandValue, BankView v) {
        if (commandValue == Rs485Address.WHOLE_STACK && Rs485Address.isBattery(address)
                && Rs485Address.batteryOf(address) == 1) {
            int group = Rs485Address.groupOf(address);
            TreeSet<Integer> known = new TreeSet<>(v.details().modules().keySet());
            known.addAll(v.details().moduleAlarms().keySet());
            return known.stream().filter(a -> Rs485Address.isBattery(a) && Rs485Address.groupOf(a) == group)
                    .toList();
        }
        return knows(v, address) ? List.of(address) : List.of();
    }
}

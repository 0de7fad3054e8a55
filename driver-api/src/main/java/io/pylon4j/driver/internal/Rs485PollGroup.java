package io.pylon4j.driver.internal;

import io.pylon4j.driver.internal.Rs485GroupAggregator.GroupReading;
import io.pylon4j.rs485.AlarmInfoRequest;
import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.AnalogValuesRequest;
import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.ChargeDischargeManagementRequest;
import io.pylon4j.rs485.Rs485Address;
import io.pylon4j.rs485.Rs485Request;
import io.pylon4j.rs485.SerialNumberRequest;
import io.pylon4j.rs485.SoftwareVersionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;

/**
 * What one RS485 group reported to the {@link Rs485Poll}: its newest module count and module addresses, this cycle's
 * replies, and whether it is silent; and the requests one cycle asks of it. Pure and not thread-safe, like the poll
 * that owns it (the poll decides when each of these runs: see its transition table).
 */
final class Rs485PollGroup {
    final int group;
    final int master;
    /** Modules in the newest whole-stack 0x42 reply; 0 until one arrived. */
    int modules;
    /** The module count whose modules were last asked 0x93/0x96; -1 before the first. */
    int identifiedModules = -1;
    AnalogValues analog;
    ChargeDischargeManagement limits;
    boolean answeredThisCycle;
    /**
     * Whether a cycle request of it was given up in this cycle after it had answered another: it stopped answering
     * mid-cycle, so its next requests are asked once, without retries, until one is answered.
     */
    boolean gaveUpThisCycle;
    /** Whether the group answered nothing in its previous cycle, or was found silent in this one: it is probed. */
    boolean silent;
    /** The module addresses in the newest whole-stack 0x42 reply. */
    Set<Integer> present = Set.of();

    Rs485PollGroup(int group) {
        this.group = group;
        this.master = Rs485Address.master(group);
    }

    /**
     * Starts a cycle of this group: forgets the previous cycle's replies and queues 0x42 and 0x44 of the whole stack,
     * the master's 0x92, and with per-module limits each slave's 0x92 (the slaves of the newest whole-stack 0x42).
     *
     * @param queue           the poll's queue of requests
     * @param perModuleLimits whether each slave's 0x92 is asked too
     */
    void startCycle(Queue<Rs485Request> queue, boolean perModuleLimits) {
        analog = null;
        limits = null;
        answeredThisCycle = false;
        gaveUpThisCycle = false;
        queue.add(AnalogValuesRequest.wholeStack(group));
        queue.add(AlarmInfoRequest.wholeStack(group));
        queue.add(ChargeDischargeManagementRequest.of(master));
        if (perModuleLimits) {
            for (int battery = 2; battery <= Math.min(modules, Rs485Address.MAX_BATTERY); battery++) {
                queue.add(ChargeDischargeManagementRequest.of(Rs485Address.of(group, battery)));
            }
        }
    }

    /** Whether its requests are asked once, without retries: it is silent, or stopped answering in this cycle. */
    boolean probed() {
        return silent || gaveUpThisCycle;
    }

    /**
     * Ends a cycle of this group: a group that answered nothing in it, or was found silent in it after answering, is
     * silent in the next.
     *
     * @return what the group reported this cycle, for the {@link Rs485GroupAggregator}
     */
    GroupReading endCycle() {
        silent = silent || !answeredThisCycle;
        return new GroupReading(group, modules, Optional.ofNullable(analog), Optional.ofNullable(limits));
    }

    /**
     * The group is found silent: it is only probed from now on, the modules of its newest whole-stack 0x42 have left
     * (its next whole-stack 0x42 names them afresh), and it contributes nothing to this cycle's bank values (not even
     * a 0x42 it answered before it fell silent).
     *
     * @return the addresses of the modules that left, ascending
     */
    List<Integer> silence() {
        silent = true;
        analog = null;
        limits = null;
        List<Integer> left = new ArrayList<>(present);
        left.sort(null);
        present = Set.of();
        modules = 0;
        return left;
    }

    /** Whether {@code request} is one a cycle asks of every group (0x42, 0x44, 0x92), not static info. */
    static boolean isCycleRequest(Rs485Request request) {
        return request instanceof AnalogValuesRequest || request instanceof AlarmInfoRequest
                || request instanceof ChargeDischargeManagementRequest;
    }

    /**
     * This group's whole-stack 0x42 named its modules: remembers them, and queues 0x93 and 0x96 of each when the count
     * is new or changed.
     *
     * @param a     the group master's whole-stack reply, naming at least one module
     * @param queue the poll's queue of requests
     * @return the addresses of the modules that were present and are not any more
     */
    List<Integer> onWholeStack(AnalogValues a, Queue<Rs485Request> queue) {
        List<Integer> addresses = Rs485ReplyMapper.moduleAddresses(a);
        analog = a;
        modules = a.modules().size();
        List<Integer> left = new ArrayList<>(0);
        for (int gone : present) {
            if (!addresses.contains(gone)) {
                left.add(gone);
            }
        }
        present = Set.copyOf(addresses);
        if (identifiedModules != modules) {
            // first sight of the group, or a module dropped out or was replaced: (re)read who is there
            identifiedModules = modules;
            for (int adr : addresses) {
                queue.add(SerialNumberRequest.of(adr));
                queue.add(SoftwareVersionRequest.of(adr));
            }
        }
        return left;
    }
}

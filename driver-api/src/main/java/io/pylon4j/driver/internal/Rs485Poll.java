package io.pylon4j.driver.internal;

import io.pylon4j.driver.SupervisionState;
import io.pylon4j.driver.internal.Rs485GroupAggregator.GroupReading;
import io.pylon4j.rs485.AlarmInfoRequest;
import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.AnalogValuesRequest;
import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.ChargeDischargeManagementRequest;
import io.pylon4j.rs485.ManufacturerInfoRequest;
import io.pylon4j.rs485.Rs485Address;
import io.pylon4j.rs485.Rs485Request;
import io.pylon4j.rs485.SerialNumberRequest;
import io.pylon4j.rs485.SoftwareVersionRequest;
import io.pylon4j.rs485.SystemParametersRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The RS485 poll schedule as an explicit state machine: which request goes next, when a cycle starts and ends, which
 * groups are only probed, and when the static info is read again. Pure: no I/O, no timer, no clock, no model (the
 * {@link Rs485Strategy} wires it to the {@link io.pylon4j.rs485.exchange.Rs485Exchange}, the scheduler and the
 * {@link BankModel}); not thread-safe (the strategy's lock).
 *
 * <h2>States and transitions</h2>
 * <table>
 *   <caption>Rs485Poll transitions (state × event → state: action)</caption>
 *   <tr><th></th><th>{@link #startCycle} link up</th><th>{@link #startCycle} link down</th>
 *       <th>{@link #next()}, requests queued</th><th>{@link #next()}, none queued</th>
 *       <th>{@link #onGiveUp} of a probe</th><th>{@link #close()}</th></tr>
 *   <tr><th>{@link State#IDLE}</th><td>POLLING: queue the cycle</td><td>IDLE</td><td>—</td>
 *       <td>IDLE: {@link Nothing}</td><td>IDLE</td><td>CLOSED</td></tr>
 *   <tr><th>{@link State#POLLING}</th><td>POLLING: not overlapped, the next tick starts it</td><td>POLLING</td>
 *       <td>POLLING: {@link Ask}</td><td>IDLE: {@link CycleDone} with the groups' readings</td>
 *       <td>POLLING: the group's other requests dropped</td><td>CLOSED</td></tr>
 *   <tr><th>{@link State#CLOSED}</th><td>CLOSED</td><td>CLOSED</td><td>—</td><td>CLOSED: {@link Nothing}</td>
 *       <td>CLOSED</td><td>CLOSED</td></tr>
 * </table>
 *
 * <h2>The schedule</h2>
 * On the first cycle 0x51 and 0x47 to the first group's master (0x51 names the bank's master model wherever it is
 * asked, docs/protocol.md §2.3). Every cycle, for each group in turn: 0x42 whole stack, 0x44 whole stack, 0x92 to
 * the master, and with per-module limits 0x92 to each slave the group's newest whole-stack 0x42 named. When a group's
 * whole-stack 0x42 first names its modules, and again whenever its module count changes, 0x93 and 0x96 are asked of
 * each of its modules ({@link #onWholeStack}).
 *
 * <p>Silent groups. A group that answered nothing in its previous cycle is only probed ({@link Ask#probe()}: its
 * first request is sent once, without retries), and when that goes unanswered the group's other requests are dropped
 * for this cycle ({@link #onGiveUp}), so one dead group does not cost every cycle (1 + retries) × timeout per
 * request. A group that answers anything ({@link #onAnswered}) is polled in full again, its modules are read again
 * (0x93, 0x96), and for the first group the bank info (0x51, 0x47): they may have been swapped while it was silent.
 *
 * <p>Static info read again. After the link reconnects, and after the bank recovers from
 * {@link SupervisionState#LOST} (seen by {@link #watch} at a cycle's start and at every timeout), the next cycle asks
 * 0x51 and 0x47 again and every group's modules 0x93 and 0x96 again (after its whole-stack 0x42).
 */
final class Rs485Poll {

    /** Where the poll is. */
    enum State {
        /** Between cycles: nothing queued, nothing asked. */
        IDLE,
        /** A cycle's requests are queued or one is in flight; its bank values come when the last is done. */
        POLLING,
        /** Closed: nothing is asked any more. */
        CLOSED
    }

    /** What {@link #next()} says to do. */
    sealed interface Next permits Ask, CycleDone, Nothing {
    }

    /**
     * Send this request.
     *
     * @param request the request
     * @param probe   whether it probes a silent group: sent once, without retries
     */
    record Ask(Rs485Request request, boolean probe) implements Next {
    }

    /**
     * The cycle is over: publish the bank's values from these readings ({@link Rs485GroupAggregator}).
     *
     * @param groups each group's readings this cycle, in poll order
     */
    record CycleDone(List<GroupReading> groups) implements Next {
    }

    /** Nothing to ask: no cycle is running. */
    record Nothing() implements Next {
    }

    /** What one group reported: its newest module count, and this cycle's replies. */
    private static final class Group {
        final int group;
        final int master;
        /** Modules in the newest whole-stack 0x42 reply; 0 until one arrived. */
        int modules;
        /** The module count whose modules were last asked 0x93/0x96; -1 before the first. */
        int identifiedModules = -1;
        AnalogValues analog;
        ChargeDischargeManagement limits;
        boolean answeredThisCycle;
        /** Whether the group answered nothing in its previous cycle: it is probed, not polled. */
        boolean silent;
        /** The module addresses in the newest whole-stack 0x42 reply. */
        Set<Integer> present = Set.of();

        Group(int group) {
            this.group = group;
            this.master = Rs485Address.master(group);
        }
    }

    private final Map<Integer, Group> groups = new LinkedHashMap<>();
    private final int firstMaster;
    private final boolean perModuleLimits;
    private final ArrayDeque<Rs485Request> queue = new ArrayDeque<>();
    private State state = State.IDLE;
    private boolean startupQueued;
    /** Whether LOST was seen since static info was last asked for. */
    private boolean lostSeen;
    /** Whether the next cycle asks 0x51, 0x47 and every module's 0x93, 0x96 again (reconnect, recovery). */
    private boolean rereadStatic;

    /**
     * A poll of {@code groups}, the first of which holds the bank's master.
     *
     * @param groups          the groups polled, in order
     * @param perModuleLimits whether each slave's 0x92 is asked too
     */
    Rs485Poll(List<Integer> groups, boolean perModuleLimits) {
        for (int g : groups) {
            this.groups.put(g, new Group(g));
        }
        this.firstMaster = Rs485Address.master(groups.get(0));
        this.perModuleLimits = perModuleLimits;
    }

    /** The state now. */
    State state() {
        return state;
    }

    /**
     * A cycle is due: queues its requests if none is running and the link is up.
     *
     * @param linkUp      whether the link is connected
     * @param supervision the bank's supervision state now
     * @param reconnected whether the link reconnected since the last cycle started
     * @return whether a cycle started (then {@link #next()})
     */
    boolean startCycle(boolean linkUp, SupervisionState supervision, boolean reconnected) {
        if (state != State.IDLE) {
            return false; // the previous cycle is still running, or closed
        }
        watch(supervision);
        if (!linkUp) {
            return false; // nothing to ask while the link is down; supervision reports the silence
        }
        if (reconnected || rereadStatic) {
            rereadStatic = false;
            startupQueued = false; // 0x51 and 0x47 below
            for (Group g : groups.values()) {
                g.identifiedModules = -1; // 0x93 and 0x96 of each module after its group's next whole-stack 0x42
            }
        }
        if (!startupQueued) {
            startupQueued = true;
            queue.add(new ManufacturerInfoRequest(firstMaster));
            queue.add(new SystemParametersRequest(firstMaster));
        }
        for (Group g : groups.values()) {
            g.analog = null;
            g.limits = null;
            g.answeredThisCycle = false;
            queue.add(AnalogValuesRequest.wholeStack(g.group));
            queue.add(AlarmInfoRequest.wholeStack(g.group));
            queue.add(ChargeDischargeManagementRequest.of(g.master));
            if (perModuleLimits) {
                for (int battery = 2; battery <= Math.min(g.modules, Rs485Address.MAX_BATTERY); battery++) {
                    queue.add(ChargeDischargeManagementRequest.of(Rs485Address.of(g.group, battery)));
                }
            }
        }
        state = State.POLLING;
        return true;
    }

    /**
     * What to do now the exchange is free.
     *
     * @return the next request, the end of the cycle, or nothing
     */
    Next next() {
        if (state != State.POLLING) {
            return new Nothing();
        }
        Rs485Request request = queue.poll();
        if (request != null) {
            Group g = groupOf(request.address());
            return new Ask(request, g != null && g.silent);
        }
        state = State.IDLE;
        List<GroupReading> readings = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            g.silent = !g.answeredThisCycle;
            readings.add(new GroupReading(g.group, g.modules, Optional.ofNullable(g.analog),
                    Optional.ofNullable(g.limits)));
        }
        return new CycleDone(readings);
    }

    /** Whether no request is queued (one may still be in flight). */
    boolean queueEmpty() {
        return queue.isEmpty();
    }

    /** Notes LOST, and a recovery from it, as seen now (see the class comment). */
    void watch(SupervisionState supervision) {
        if (supervision == SupervisionState.LOST) {
            lostSeen = true;
        } else if (lostSeen) {
            lostSeen = false;
            rereadStatic = true;
        }
    }

    /**
     * {@code request} was answered (a rejection too): its group is not silent.
     *
     * @param request the request answered
     */
    void onAnswered(Rs485Request request) {
        Group g = groupOf(request.address());
        if (state == State.CLOSED || g == null) {
            return;
        }
        g.answeredThisCycle = true;
        if (g.silent) {
            g.silent = false;
            g.identifiedModules = -1; // back after silence: its modules may have been swapped meanwhile
            if (g.master == firstMaster) {
                // the bank was off when 0x51/0x47 were asked, or was switched off and on: ask again now
                queue.add(new ManufacturerInfoRequest(firstMaster));
                queue.add(new SystemParametersRequest(firstMaster));
            }
            lostSeen = false; // a LOST bank was silent: read again here, not once more next cycle
        }
    }

    /**
     * A whole-stack 0x42 names the group's modules: remembers them, and queues 0x93 and 0x96 of each when the count
     * is new or changed.
     *
     * @param a the reply (a single module's reply says nothing about the stack and is ignored)
     * @return the addresses of the modules that were present and are not any more
     */
    List<Integer> onWholeStack(AnalogValues a) {
        Group g = a.isWholeStack() ? masterOf(a.address()) : null;
        if (g == null || a.modules().isEmpty() || state == State.CLOSED) {
            return List.of();
        }
        List<Integer> addresses = Rs485ReplyMapper.moduleAddresses(a);
        g.analog = a;
        g.modules = a.modules().size();
        List<Integer> left = new ArrayList<>(0);
        for (int gone : g.present) {
            if (!addresses.contains(gone)) {
                left.add(gone);
            }
        }
        g.present = Set.copyOf(addresses);
        if (g.identifiedModules != g.modules) {
            // first sight of the group, or a module dropped out or was replaced: (re)read who is there
            g.identifiedModules = g.modules;
            for (int adr : addresses) {
                queue.add(SerialNumberRequest.of(adr));
                queue.add(SoftwareVersionRequest.of(adr));
            }
        }
        return left;
    }

    /**
     * A 0x92 reply: a group master's is the group's limits this cycle.
     *
     * @param c the reply
     */
    void onLimits(ChargeDischargeManagement c) {
        Group g = masterOf(c.address());
        if (g != null) {
            g.limits = c;
        }
    }

    /**
     * {@code request} went unanswered in all its attempts: a silent group's other requests are dropped for this cycle.
     *
     * @param request the request given up
     * @return how many queued requests were dropped
     */
    int onGiveUp(Rs485Request request) {
        Group g = groupOf(request.address());
        if (state != State.POLLING || g == null || !g.silent) {
            return 0;
        }
        int queued = queue.size();
        queue.removeIf(r -> groupOf(r.address()) == g); // still silent: nothing else to ask it this cycle
        return queued - queue.size();
    }

    /** Stops the poll: nothing more is asked. */
    void close() {
        state = State.CLOSED;
        queue.clear();
    }

    private Group groupOf(int address) {
        return Rs485Address.isBattery(address) ? groups.get(Rs485Address.groupOf(address)) : null;
    }

    private Group masterOf(int address) {
        for (Group g : groups.values()) {
            if (g.master == address) {
                return g;
            }
        }
        return null;
    }
}

package io.pylon4j.driver.internal;

import io.pylon4j.driver.SupervisionState;
import io.pylon4j.driver.internal.Rs485GroupAggregator.GroupReading;
import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.ManufacturerInfoRequest;
import io.pylon4j.rs485.Rs485Address;
import io.pylon4j.rs485.Rs485Request;
import io.pylon4j.rs485.SystemParametersRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 *       <th>{@link #onGiveUp} of a cycle request</th><th>{@link #close()}</th></tr>
 *   <tr><th>{@link State#IDLE}</th><td>POLLING: queue the cycle</td><td>IDLE</td><td>—</td>
 *       <td>IDLE: {@link Nothing}</td><td>IDLE</td><td>CLOSED</td></tr>
 *   <tr><th>{@link State#POLLING}</th><td>POLLING: not overlapped, the next tick starts it</td><td>POLLING</td>
 *       <td>POLLING: {@link Ask}</td><td>IDLE: {@link CycleDone} with the groups' readings</td>
 *       <td>POLLING: if its group answered nothing this cycle (or its probe after a give-up), its other requests
 *       dropped, silent; else its next request a probe</td>
 *       <td>CLOSED</td></tr>
 *   <tr><th>{@link State#CLOSED}</th><td>CLOSED</td><td>CLOSED</td><td>—</td><td>CLOSED: {@link Nothing}</td>
 *       <td>CLOSED</td><td>CLOSED</td></tr>
 * </table>
 *
 * <h2>The schedule</h2>
 * On the first cycle 0x51 and 0x47 to the first group's master (0x51 names the bank's master model wherever it is
 * asked, docs/protocol.md §2.3). Every cycle, for each group in turn: 0x42 whole stack, 0x44 whole stack, 0x92 to
 * the master, and with per-module limits 0x92 to each slave the group's newest whole-stack 0x42 named. When a group's
 * whole-stack 0x42 first names its modules, and again whenever its module count changes, 0x93 and 0x96 are asked of
 * each of its modules ({@link #onWholeStack}). What a group asks in one cycle, and what it reported, is its
 * {@link Rs485PollGroup}'s.
 *
 * <p>Silent groups. A cycle request (0x42, 0x44, 0x92) given up after all its attempts, of a group that answered
 * nothing this cycle, ends the group's part of the cycle ({@link #onGiveUp}: its other requests are dropped), so that
 * a group going silent does not hold up the others' values: it is silent from now on, and in a bank of several
 * groups its modules leave ({@link Rs485GroupSilence}). A group that answered this cycle before such a give-up is
 * asked its next request once, without retries, and is silent when that goes unanswered too. A silent group is only probed ({@link Ask#probe()}:
 * its first request is sent once, without retries), and when that goes unanswered its other requests are dropped for
 * this cycle, so one dead group does not cost every cycle (1 + retries) × timeout per request. A group that answers
 * anything ({@link #onAnswered}) is polled in full again, its modules are read again (0x93, 0x96), and for the first
 * group the bank info (0x51, 0x47): they may have been swapped while it was silent.
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

    private final Map<Integer, Rs485PollGroup> groups = new LinkedHashMap<>();
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
            this.groups.put(g, new Rs485PollGroup(g));
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
            for (Rs485PollGroup g : groups.values()) {
                g.identifiedModules = -1; // 0x93 and 0x96 of each module after its group's next whole-stack 0x42
            }
        }
        if (!startupQueued) {
            startupQueued = true;
            queue.add(new ManufacturerInfoRequest(firstMaster));
            queue.add(new SystemParametersRequest(firstMaster));
        }
        for (Rs485PollGroup g : groups.values()) {
            g.startCycle(queue, perModuleLimits);
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
            Rs485PollGroup g = groupOf(request.address());
            return new Ask(request, g != null && g.probed());
        }
        state = State.IDLE;
        List<GroupReading> readings = new ArrayList<>(groups.size());
        for (Rs485PollGroup g : groups.values()) {
            readings.add(g.endCycle());
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
     * @return whether its group was silent and is back
     */
    boolean onAnswered(Rs485Request request) {
        Rs485PollGroup g = groupOf(request.address());
        if (state == State.CLOSED || g == null) {
            return false;
        }
        g.answeredThisCycle = true;
        g.gaveUpThisCycle = false; // alive: its next requests are asked with retries again
        if (g.silent) {
            g.silent = false;
            g.identifiedModules = -1; // back after silence: its modules may have been swapped meanwhile
            if (g.master == firstMaster) {
                // the bank was off when 0x51/0x47 were asked, or was switched off and on: ask again now
                queue.add(new ManufacturerInfoRequest(firstMaster));
                queue.add(new SystemParametersRequest(firstMaster));
            }
            lostSeen = false; // a LOST bank was silent: read again here, not once more next cycle
            return true;
        }
        return false;
    }

    /**
     * A whole-stack 0x42 names the group's modules: remembers them, and queues 0x93 and 0x96 of each when the count
     * is new or changed.
     *
     * @param a the reply (a single module's reply says nothing about the stack and is ignored)
     * @return the addresses of the modules that were present and are not any more
     */
    List<Integer> onWholeStack(AnalogValues a) {
        Rs485PollGroup g = a.isWholeStack() ? masterOf(a.address()) : null;
        if (g == null || a.modules().isEmpty() || state == State.CLOSED) {
            return List.of();
        }
        return g.onWholeStack(a, queue);
    }

    /**
     * A 0x92 reply: a group master's is the group's limits this cycle.
     *
     * @param c the reply
     */
    void onLimits(ChargeDischargeManagement c) {
        Rs485PollGroup g = masterOf(c.address());
        if (g != null) {
            g.limits = c;
        }
    }

    /**
     * {@code request} went unanswered in all its attempts. When it is one of the cycle requests (0x42, 0x44, 0x92) of
     * a group that answered nothing this cycle, the group's other requests are dropped for this cycle, so that a group
     * going silent does not hold up the others, and it is silent from now on (only probed) and, in a bank of several
     * groups, its modules leave. A group that answered this cycle is alive, but may have died since: its next request
     * is asked once, without retries (a probe), and when that goes unanswered too the group is silent as above; when
     * it is answered, the rest are asked as before. A static request (0x51, 0x47, 0x93, 0x96) going unanswered
     * changes nothing: some firmware does not answer them.
     *
     * @param request the request given up
     * @return the requests dropped and the group found silent, if any
     */
    Rs485GroupSilence.GaveUp onGiveUp(Rs485Request request) {
        Rs485PollGroup g = groupOf(request.address());
        if (state != State.POLLING || g == null || !(g.silent || Rs485PollGroup.isCycleRequest(request))) {
            return Rs485GroupSilence.GaveUp.NONE;
        }
        if (g.answeredThisCycle && !g.gaveUpThisCycle) {
            // it answered this cycle, then a request went unanswered in every attempt: the next is a probe, so that a
            // group dying after its 0x42 costs the cycle one timeout more, not each request's retries
            g.gaveUpThisCycle = true;
            return Rs485GroupSilence.GaveUp.NONE;
        }
        int queued = queue.size();
        queue.removeIf(r -> groupOf(r.address()) == g); // nothing else to ask it this cycle
        int skipped = queued - queue.size();
        if (g.silent || groups.size() == 1) {
            // known silent already (its probe went unanswered); or the bank's only group, whose silence is the
            // bank's: its modules stay, supervision reports it, and its next 0x42 is compared with them
            g.silent = true;
            return new Rs485GroupSilence.GaveUp(skipped, Optional.empty());
        }
        List<Integer> left = g.silence();
        return new Rs485GroupSilence.GaveUp(skipped, Optional.of(new Rs485GroupSilence.Silenced(g.group, left)));
    }

    /** Stops the poll: nothing more is asked. */
    void close() {
        state = State.CLOSED;
        queue.clear();
    }

    private Rs485PollGroup groupOf(int address) {
        return Rs485Address.isBattery(address) ? groups.get(Rs485Address.groupOf(address)) : null;
    }

    private Rs485PollGroup masterOf(int address) {
        for (Rs485PollGroup g : groups.values()) {
            if (g.master == address) {
                return g;
            }
        }
        return null;
    }
}

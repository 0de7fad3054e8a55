package io.pylon4j.driver.internal;

import io.pylon4j.driver.SilentGroup;
import io.pylon4j.driver.Source;
import io.pylon4j.rs485.Rs485Address;
import io.pylon4j.rs485.Rs485Request;
import io.pylon4j.transport.time.Moment;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A group of a multi-group RS485 bank (an LV-Hub) falling silent and answering again: what the {@link Rs485Poll}
 * found when a request was given up, and how the {@link BankModel} shows it. A silent group's modules leave the
 * status, with their alarms and 0x44 blocks, and the status names the group, why and since when
 * ({@link io.pylon4j.driver.BankStatus#silentGroups()}); its share of the cycle's values is gone already (it sent no
 * 0x92 this cycle, {@link Rs485GroupAggregator}). Stateless; called under the strategy's lock.
 */
final class Rs485GroupSilence {

    /**
     * What a give-up changed: how many of the group's queued requests were dropped, and the group found silent by it.
     *
     * @param skipped  the group's queued requests dropped for this cycle
     * @param silenced the group that is silent from now on, with the modules that left with it; empty when the
     *                 give-up found no new silence
     */
    record GaveUp(int skipped, Optional<Silenced> silenced) {

        /** Nothing dropped, no group silenced. */
        static final GaveUp NONE = new GaveUp(0, Optional.empty());
    }

    /**
     * A group of a multi-group bank found silent: it answered nothing in this cycle before one of its requests went
     * unanswered in every attempt.
     *
     * @param group   the group number
     * @param modules the addresses of its modules in its newest whole-stack 0x42, which have left with it
     */
    record Silenced(int group, List<Integer> modules) {

        Silenced {
            modules = List.copyOf(modules);
        }
    }

    private Rs485GroupSilence() {
    }

    /**
     * The group is silent: its modules leave now (a module that left must not stay in the table with its last values,
     * nor keep its alarms raised), and the status says which group and why, as one snapshot.
     *
     * @param model    the bank's model
     * @param metrics  the driver's counters: one more silence, and the silent groups now
     * @param silenced the group and its modules
     * @param request  the request that went unanswered
     * @param attempts how often it was sent
     * @param at       now
     */
    static void silenced(BankModel model, DriverMetrics metrics, Silenced silenced, Rs485Request request, int attempts,
                         Moment at) {
        String reason = String.format("no reply to 0x%02X at 0x%02X in %d attempt%s", request.command().code(),
                request.address(), attempts, attempts == 1 ? "" : "s");
        model.batch(() -> {
            for (int gone : silenced.modules()) {
                model.onAlarms(Source.RS485, Rs485ReplyMapper.alarmChannel(gone), Set.of(), at);
                model.onModuleLeft(Source.RS485, gone, at);
            }
            model.onGroupSilence(silenced.group(), Optional.of(new SilentGroup(silenced.group(), at.wall(), reason)),
                    at);
        });
        metrics.rs485GroupSilences.increment();
        countSilentGroups(model, metrics);
    }

    /**
     * A silent group answered {@code request}: the status no longer names it (its modules come back with the replies
     * of this cycle).
     *
     * @param model   the bank's model
     * @param metrics the driver's counters: the silent groups now
     * @param request the request it answered
     * @param at      now
     */
    static void back(BankModel model, DriverMetrics metrics, Rs485Request request, Moment at) {
        model.onGroupSilence(Rs485Address.groupOf(request.address()), Optional.empty(), at);
        countSilentGroups(model, metrics);
    }

    /**
     * The gauge follows the status rather than counting ups and downs: a group of a one-group bank, or one found
     * silent only at a cycle's end, answers again without ever having been in the status.
     */
    private static void countSilentGroups(BankModel model, DriverMetrics metrics) {
        metrics.rs485SilentGroups.set(model.status().silentGroups().size());
    }
}

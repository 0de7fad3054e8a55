package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.simulator.ModuleId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A silent group of a bank behind an LV-Hub (two groups of two modules on one link, the simulator's battery side on
 * a virtual clock, as {@link Rs485SimulatedBankTest}): group 2's master goes off mid-run. The bank stays FRESH on
 * group 1, group 2's modules leave with events, the limits are group 1's alone, the status names the silent group,
 * the cycles keep their cadence, and group 2 rejoins when it answers again.
 */
class Rs485SilentGroupTest {

    /** A 1 s cycle + (1 + 2 retries) × (500 ms + a 125 ms guard) = 2.875 s stays below the 3 s stale timeout. */
    static final InverterProfile PROFILE = InverterProfile.GENERIC_PYLON.toBuilder()
            .rs485ResponseTimeout(Duration.ofMillis(500)).build();
    static final Duration STEP = Duration.ofMillis(125);
    static final double MODULE_CCL = 37.0; // a US3000C's charge current limit (the simulator's preset)

    final Rs485SimulatedBankTest rig = new Rs485SimulatedBankTest();

    void start(InverterProfile profile) {
        UnaryOperator<DriverOptions.Builder> options = b -> b.rs485Groups(List.of(1, 2)).profile(profile);
        rig.start(Rs485SimulatedBankTest.us3000c().groups(2).modulesPerGroup(2).build(), options);
        rig.step(Duration.ZERO);
        assertThat(status().supervisionState()).isEqualTo(SupervisionState.FRESH);
        assertThat(status().modules()).containsOnlyKeys(0x12, 0x13, 0x22, 0x23);
        assertThat(status().batteryLimits().orElseThrow().chargeCurrentLimitAmps()).isEqualTo(4 * MODULE_CCL);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    BankStatus status() {
        return rig.driver.status();
    }

    /** Steps {@code total} in small steps, asserting after each that the bank is FRESH. */
    void stepFresh(Duration total) {
        for (Duration d = Duration.ZERO; d.compareTo(total) < 0; d = d.plus(STEP)) {
            rig.step(STEP);
            assertThat(status().supervisionState()).as("after %s", d.plus(STEP)).isEqualTo(SupervisionState.FRESH);
        }
    }

    <E extends BankEvent> List<E> eventsSince(int from, Class<E> type) {
        return rig.events.subList(from, rig.events.size()).stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aGroupThatFallsSilentLeavesWithItsModulesWhileTheBankStaysFreshOnTheOther() {
        start(PROFILE);
        int from = rig.events.size();
        Instant off = rig.clock.instant();
        rig.bank.setModuleOnline(ModuleId.of(1, 0), false); // group 2's master off: the whole group is silent

        // the next cycle (≤ 1 s) gives up on group 2's 0x42 after 3 × (500 ms and a 125 ms guard), then commits
        Duration bound = Duration.ofMillis(1000 + 3 * (500 + 125)).plus(STEP);
        Instant left = null;
        for (Duration d = Duration.ZERO; d.compareTo(bound) < 0 && left == null; d = d.plus(STEP)) {
            rig.step(STEP);
            if (status().moduleCount().orElseThrow() == 2) {
                left = rig.clock.instant();
            }
        }
        assertThat(left).as("group 2 left within %s", bound).isNotNull();
        stepFresh(Duration.ofSeconds(10));

        BankStatus s = status();
        assertThat(eventsSince(from, BankEvent.SupervisionStateChanged.class)).isEmpty();
        assertThat(eventsSince(from, BankEvent.ModuleLeft.class)).extracting(BankEvent.ModuleLeft::address)
                .containsExactly(0x22, 0x23);
        assertThat(eventsSince(from, BankEvent.ModuleCountChanged.class))
                .extracting(BankEvent.ModuleCountChanged::current).containsExactly(2);
        assertThat(s.modules()).containsOnlyKeys(0x12, 0x13);
        assertThat(s.moduleAlarms()).containsOnlyKeys(0x12, 0x13);
        assertThat(s.moduleStamps()).containsOnlyKeys(0x12, 0x13);
        assertThat(s.moduleCount()).hasValue(2);
        assertThat(s.measurements().currentAmps()).isPresent();
        // group 1's share alone, and never more than both groups' before
        assertThat(s.batteryLimits().orElseThrow().chargeCurrentLimitAmps()).isEqualTo(2 * MODULE_CCL);
        assertThat(eventsSince(from, BankEvent.LimitsChanged.class)).allSatisfy(e -> assertThat(
                e.limits().chargeCurrentLimitAmps()).isLessThanOrEqualTo(4 * MODULE_CCL));
        // which group, since when, and why
        Instant leftAt = left;
        assertThat(s.silentGroups()).singleElement().satisfies(g -> {
            assertThat(g.group()).isEqualTo(2);
            assertThat(g.since()).isAfter(off).isBeforeOrEqualTo(leftAt);
            assertThat(g.reason()).isEqualTo("no reply to 0x42 at 0x22 in 3 attempts");
        });
        assertThat(BankStatusJson.toJson(s, rig.driver.now())).contains("\"silentGroups\":[{\"group\":2,");
    }

    @Test
    void aSilentGroupIsProbedOnceACycleWithoutRetriesSoTheCyclesKeepTheirCadence() {
        start(PROFILE);
        rig.bank.setModuleOnline(ModuleId.of(1, 0), false);
        stepFresh(Duration.ofSeconds(4)); // found silent in the first cycle
        long cycles = rig.driver.counters().rs485Cycles();
        long retries = rig.driver.counters().rs485Retries();
        rig.commands.clear();

        stepFresh(Duration.ofSeconds(10));

        // one cycle a second: group 1 in full, group 2's 0x42 once (500 ms and a 125 ms guard), nothing else of it
        assertThat(rig.driver.counters().rs485Cycles() - cycles).isBetween(9L, 10L);
        assertThat(rig.driver.counters().rs485Retries()).isEqualTo(retries);
        assertThat(rig.commands.stream().filter("42@22"::equals).count()).isBetween(9L, 10L);
        assertThat(rig.commands).doesNotContain("44@22", "92@22").contains("42@12", "44@12", "92@12");
    }

    @Test
    void aSilentGroupThatAnswersAgainRejoinsWithItsModulesAndItsShareOfTheLimits() {
        start(PROFILE);
        rig.bank.setModuleOnline(ModuleId.of(1, 0), false);
        stepFresh(Duration.ofSeconds(5));
        assertThat(status().moduleCount()).hasValue(2);
        int from = rig.events.size();

        rig.bank.setModuleOnline(ModuleId.of(1, 0), true);
        stepFresh(Duration.ofSeconds(3));

        BankStatus s = status();
        assertThat(s.silentGroups()).isEmpty();
        assertThat(s.modules()).containsOnlyKeys(0x12, 0x13, 0x22, 0x23);
        assertThat(s.moduleAlarms()).containsOnlyKeys(0x12, 0x13, 0x22, 0x23);
        assertThat(s.moduleCount()).hasValue(4);
        assertThat(eventsSince(from, BankEvent.ModuleCountChanged.class))
                .extracting(BankEvent.ModuleCountChanged::current).containsExactly(4);
        assertThat(s.batteryLimits().orElseThrow().chargeCurrentLimitAmps()).isEqualTo(4 * MODULE_CCL);
        assertThat(rig.commands).contains("93@22", "96@22", "93@23", "96@23"); // read again: perhaps swapped
        assertThat(eventsSince(from, BankEvent.SupervisionStateChanged.class)).isEmpty();
    }

    @Test
    void aGroupThatDiesAfterAnsweringItsWholeStackIsSilentFromItsNextRequestWithoutItsRetries() {
        start(PROFILE);
        // group 2's master answers this cycle's 0x42, then goes off: its 0x44 and 0x92 of the cycle go unanswered
        rig.tamper = (request, reply) -> {
            if (request.address() == 0x22 && request.command().code() == 0x42) {
                rig.bank.setModuleOnline(ModuleId.of(1, 0), false);
            }
            return reply;
        };
        rig.commands.clear();
        long timeouts = rig.driver.counters().rs485Timeouts();
        long retries = rig.driver.counters().rs485Retries();

        // the next cycle (≤ 1 s): 0x44 in 3 attempts of 500 ms and a 125 ms guard, then 0x92 once (625 ms)
        Duration bound = Duration.ofMillis(1000 + 3 * (500 + 125) + (500 + 125));
        for (Duration d = Duration.ZERO; d.compareTo(bound) < 0 && status().silentGroups().isEmpty();
                d = d.plus(STEP)) {
            rig.step(STEP);
        }
        BankStatus s = status();
        assertThat(s.silentGroups()).as("group 2 silent within %s", bound).singleElement().satisfies(g -> {
            assertThat(g.group()).isEqualTo(2);
            assertThat(g.reason()).isEqualTo("no reply to 0x92 at 0x22 in 1 attempt");
        });
        assertThat(rig.commands.stream().filter("44@22"::equals).count()).isEqualTo(3);
        assertThat(rig.commands.stream().filter("92@22"::equals).count()).as("0x92 asked once").isEqualTo(1);
        assertThat(rig.driver.counters().rs485Retries() - retries).isEqualTo(2); // the 0x44's alone
        assertThat(rig.driver.counters().rs485Timeouts() - timeouts).isEqualTo(2);
        assertThat(rig.driver.counters().rs485GroupSilences()).isEqualTo(1);
        // its modules left, and the cycle's values are group 1's alone (not group 2's 0x42 of this cycle)
        assertThat(s.modules()).containsOnlyKeys(0x12, 0x13);
        assertThat(s.moduleCount()).hasValue(2);
        assertThat(s.batteryLimits().orElseThrow().chargeCurrentLimitAmps()).isEqualTo(2 * MODULE_CCL);

        rig.commands.clear();
        for (int i = 0; i < 4 * 8; i++) { // from now on it is only probed, as any silent group
            rig.step(STEP);
        }
        assertThat(status().isFresh()).isTrue();
        assertThat(rig.commands).contains("42@22").doesNotContain("44@22", "92@22");
        assertThat(rig.driver.counters().rs485GroupSilences()).isEqualTo(1);
    }

    @Test
    void withTheGenericProfileTheBankIsNeverLostAndStaleOnlyWhileTheFirstGiveUpRuns() {
        // a 1 s cycle + (1 + 2 retries) × (1 s + a 250 ms guard) = 4.75 s passes the 3 s stale timeout by 1.75 s
        start(InverterProfile.GENERIC_PYLON);
        int from = rig.events.size();
        rig.bank.setModuleOnline(ModuleId.of(1, 0), false);
        for (int i = 0; i < 15 * 8; i++) {
            rig.step(STEP);
        }
        List<BankEvent.SupervisionStateChanged> changes = eventsSince(from, BankEvent.SupervisionStateChanged.class);
        assertThat(changes).extracting(BankEvent.SupervisionStateChanged::current)
                .doesNotContain(SupervisionState.LOST).containsSubsequence(SupervisionState.STALE,
                        SupervisionState.RECOVERED);
        Duration stale = Duration.between(changes.get(0).at(), changes.get(1).at());
        assertThat(stale).isLessThanOrEqualTo(Duration.ofMillis(1750));
        assertThat(status().supervisionState()).isEqualTo(SupervisionState.FRESH);
        assertThat(status().modules()).containsOnlyKeys(0x12, 0x13);
    }

    @Test
    void withEveryGroupSilentTheBankGoesStaleThenLostAsBefore() {
        start(PROFILE);
        int from = rig.events.size();
        rig.bank.setModuleOnline(ModuleId.of(0, 0), false);
        rig.bank.setModuleOnline(ModuleId.of(1, 0), false);
        for (int i = 0; i < 12 * 8; i++) {
            rig.step(STEP);
        }
        assertThat(eventsSince(from, BankEvent.SupervisionStateChanged.class))
                .extracting(BankEvent.SupervisionStateChanged::current)
                .containsExactly(SupervisionState.STALE, SupervisionState.LOST);
        assertThat(status().silentGroups()).extracting(SilentGroup::group).containsExactly(1, 2);
        assertThat(status().batteryLimits()).isPresent(); // the last ones as sent, published as LOST's fail-safe
        assertThat(status().publishedLimits().chargeCurrentLimitAmps()).isZero();
    }
}

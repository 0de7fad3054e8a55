package io.pylon4j.driver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.SupervisionState;
import io.pylon4j.driver.internal.Rs485Poll.Ask;
import io.pylon4j.driver.internal.Rs485Poll.CycleDone;
import io.pylon4j.driver.internal.Rs485Poll.Next;
import io.pylon4j.driver.internal.Rs485Poll.Nothing;
import io.pylon4j.driver.internal.Rs485Poll.State;
import io.pylon4j.rs485.AlarmInfoRequest;
import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.AnalogValuesRequest;
import io.pylon4j.rs485.ChargeDischargeManagementRequest;
import io.pylon4j.rs485.ManufacturerInfoRequest;
import io.pylon4j.rs485.ModuleAnalog;
import io.pylon4j.rs485.Rs485Request;
import io.pylon4j.rs485.SerialNumberRequest;
import io.pylon4j.rs485.SoftwareVersionRequest;
import io.pylon4j.rs485.SystemParametersRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The poll schedule's state machine, one cell of its transition table (state × event) per test, as SupervisorTest. */
class Rs485PollTest {

    static final SupervisionState FRESH = SupervisionState.FRESH;

    final Rs485Poll poll = new Rs485Poll(List.of(0), false);

    /** The requests of the cycle in progress, each answered by {@code answer} (null: given up). */
    static List<Rs485Request> drain(Rs485Poll poll, boolean answer) {
        List<Rs485Request> asked = new ArrayList<>();
        Next next;
        while ((next = poll.next()) instanceof Ask ask) {
            asked.add(ask.request());
            if (answer) {
                poll.onAnswered(ask.request());
            } else {
                poll.onGiveUp(ask.request());
            }
        }
        assertThat(next).isInstanceOf(CycleDone.class);
        return asked;
    }

    static AnalogValues wholeStack(int group, int modules) {
        List<ModuleAnalog> blocks = new ArrayList<>();
        for (int i = 0; i < modules; i++) {
            blocks.add(Rs485GroupAggregatorTest.module(50.0, 1.0, 37.0, 74.0, 20.0));
        }
        return new AnalogValues(io.pylon4j.rs485.Rs485Address.master(group), io.pylon4j.rs485.InfoFlag.of(0), 0xFF, blocks);
    }

    @Nested
    class Idle {

        @Test
        void aTickWithTheLinkUpStartsACycleWithTheStartupRequestsFirst() {
            assertThat(poll.startCycle(true, FRESH, false)).isTrue();
            assertThat(poll.state()).isEqualTo(State.POLLING);
            assertThat(drain(poll, true)).containsExactly(new ManufacturerInfoRequest(0x02),
                    new SystemParametersRequest(0x02), AnalogValuesRequest.wholeStack(0),
                    AlarmInfoRequest.wholeStack(0), ChargeDischargeManagementRequest.of(0x02));
            assertThat(poll.state()).isEqualTo(State.IDLE);
        }

        @Test
        void aTickWithTheLinkDownStaysIdle() {
            assertThat(poll.startCycle(false, FRESH, false)).isFalse();
            assertThat(poll.state()).isEqualTo(State.IDLE);
            assertThat(poll.next()).isInstanceOf(Nothing.class);
        }

        @Test
        void nextWithNoCycleIsNothing() {
            assertThat(poll.next()).isInstanceOf(Nothing.class);
        }

        @Test
        void aGiveUpOutsideACycleDropsNothing() {
            assertThat(poll.onGiveUp(AnalogValuesRequest.wholeStack(0)).skipped()).isZero();
        }

        @Test
        void closeCloses() {
            poll.close();
            assertThat(poll.state()).isEqualTo(State.CLOSED);
        }

        @Test
        void theStartupRequestsAreAskedOnceNotEveryCycle() {
            poll.startCycle(true, FRESH, false);
            drain(poll, true);
            poll.startCycle(true, FRESH, false);
            assertThat(drain(poll, true)).doesNotContain(new ManufacturerInfoRequest(0x02));
        }

        @Test
        void aReconnectReadsTheStaticInfoAgain() {
            poll.startCycle(true, FRESH, false);
            drain(poll, true);
            poll.startCycle(true, FRESH, true);
            assertThat(drain(poll, true)).startsWith(new ManufacturerInfoRequest(0x02),
                    new SystemParametersRequest(0x02));
        }

        @Test
        void aRecoveryFromLostReadsTheStaticInfoAgain() {
            poll.startCycle(true, FRESH, false);
            drain(poll, true);
            poll.watch(SupervisionState.LOST);
            poll.startCycle(true, SupervisionState.RECOVERED, false);
            assertThat(drain(poll, true)).startsWith(new ManufacturerInfoRequest(0x02));
        }
    }

    @Nested
    class Polling {

        @Test
        void aTickDoesNotOverlapTheRunningCycle() {
            poll.startCycle(true, FRESH, false);
            poll.next();
            assertThat(poll.startCycle(true, FRESH, false)).isFalse();
            assertThat(drain(poll, true)).hasSize(4); // the rest of the first cycle only
        }

        @Test
        void aTickWithTheLinkDownDoesNotStopTheRunningCycle() {
            poll.startCycle(true, FRESH, false);
            assertThat(poll.startCycle(false, FRESH, false)).isFalse();
            assertThat(poll.state()).isEqualTo(State.POLLING);
        }

        @Test
        void nextAsksTheQueuedRequestsInOrder() {
            poll.startCycle(true, FRESH, false);
            assertThat(poll.next()).isEqualTo(new Ask(new ManufacturerInfoRequest(0x02), false));
        }

        @Test
        void nextWithNothingQueuedEndsTheCycleWithTheGroupsReadings() {
            poll.startCycle(true, FRESH, false);
            Next next;
            while ((next = poll.next()) instanceof Ask ask) {
                poll.onAnswered(ask.request());
                if (ask.request().equals(AnalogValuesRequest.wholeStack(0))) {
                    poll.onWholeStack(wholeStack(0, 2));
                }
            }
            assertThat(next).isInstanceOfSatisfying(CycleDone.class, d -> assertThat(d.groups()).singleElement()
                    .satisfies(g -> {
                        assertThat(g.modules()).isEqualTo(2);
                        assertThat(g.analog()).isPresent();
                        assertThat(g.limits()).isEmpty();
                    }));
            assertThat(poll.state()).isEqualTo(State.IDLE);
        }

        @Test
        void aWholeStackNamingModulesQueuesTheirSerialsAndVersionsOnce() {
            poll.startCycle(true, FRESH, false);
            poll.next();
            poll.onWholeStack(wholeStack(0, 2));
            List<Rs485Request> rest = drain(poll, true);
            assertThat(rest).containsSubsequence(SerialNumberRequest.of(0x02), SoftwareVersionRequest.of(0x02),
                    SerialNumberRequest.of(0x03), SoftwareVersionRequest.of(0x03));
            poll.startCycle(true, FRESH, false);
            poll.onWholeStack(wholeStack(0, 2));
            assertThat(drain(poll, true)).doesNotContain(SerialNumberRequest.of(0x02));
        }

        @Test
        void aModuleThatLeftIsNamedAndTheModulesAreReadAgain() {
            poll.startCycle(true, FRESH, false);
            poll.onWholeStack(wholeStack(0, 3));
            drain(poll, true);
            poll.startCycle(true, FRESH, false);
            assertThat(poll.onWholeStack(wholeStack(0, 2))).containsExactly(0x04);
            assertThat(drain(poll, true)).contains(SerialNumberRequest.of(0x02));
        }

        @Test
        void aGiveUpOfAnAnsweringGroupDropsNothing() {
            poll.startCycle(true, FRESH, false);
            assertThat(poll.onGiveUp(((Ask) poll.next()).request()).skipped()).isZero();
        }

        @Test
        void aSilentGroupIsProbedAndItsOtherRequestsDroppedWhenTheProbeGoesUnanswered() {
            poll.startCycle(true, FRESH, false);
            drain(poll, false); // nothing answered: silent from now on
            poll.startCycle(true, FRESH, false);
            Ask probe = (Ask) poll.next();
            assertThat(probe.probe()).isTrue();
            assertThat(poll.onGiveUp(probe.request()).skipped()).isEqualTo(2); // 0x44 and 0x92 not asked
            assertThat(poll.next()).isInstanceOf(CycleDone.class);
        }

        @Test
        void aSilentGroupThatAnswersIsPolledInFullAndItsStaticInfoReadAgain() {
            poll.startCycle(true, FRESH, false);
            drain(poll, false);
            poll.startCycle(true, FRESH, false);
            Ask probe = (Ask) poll.next();
            poll.onAnswered(probe.request());
            Ask next = (Ask) poll.next();
            assertThat(next.probe()).isFalse();
            assertThat(drain(poll, true)).contains(new ManufacturerInfoRequest(0x02),
                    new SystemParametersRequest(0x02));
        }

        @Test
        void aGroupThatAnsweredNothingThisCycleIsSilentAtItsFirstGiveUpItsModulesLeaveAndTheCycleEnds() {
            Rs485Poll two = new Rs485Poll(List.of(1, 2), false);
            two.startCycle(true, FRESH, false);
            answerAll(two); // both groups named two modules each
            two.startCycle(true, FRESH, false);
            Ask ask;
            while (!((ask = (Ask) two.next()).request().equals(AnalogValuesRequest.wholeStack(2)))) {
                two.onAnswered(ask.request()); // group 1 answers
            }
            assertThat(ask.probe()).isFalse(); // it answered last cycle: asked with retries

            Rs485GroupSilence.GaveUp gave = two.onGiveUp(ask.request());

            assertThat(gave.skipped()).isEqualTo(2); // its 0x44 and 0x92 not waited for
            assertThat(gave.silenced()).contains(new Rs485GroupSilence.Silenced(2, List.of(0x22, 0x23)));
            assertThat(two.next()).isInstanceOfSatisfying(CycleDone.class, d -> assertThat(d.groups().get(1))
                    .satisfies(g -> {
                        assertThat(g.modules()).isZero();
                        assertThat(g.analog()).isEmpty();
                        assertThat(g.limits()).isEmpty();
                    }));
            two.startCycle(true, FRESH, false);
            List<Ask> asks = new ArrayList<>();
            Next next;
            while ((next = two.next()) instanceof Ask a) {
                asks.add(a);
                if (a.probe()) {
                    two.onGiveUp(a.request());
                } else {
                    two.onAnswered(a.request());
                }
            }
            assertThat(asks).filteredOn(Ask::probe).extracting(Ask::request)
                    .containsExactly(AnalogValuesRequest.wholeStack(2)); // only probed, and found silent only once
        }

        @Test
        void aGiveUpOfAGroupThatAnsweredThisCycleDropsNothingAndItsNextRequestIsAProbe() {
            Rs485Poll two = new Rs485Poll(List.of(1, 2), false);
            Ask ask = giveUpGroup2sAlarmsAfterItsWholeStack(two);

            assertThat(two.onGiveUp(ask.request())).isEqualTo(Rs485GroupSilence.GaveUp.NONE); // it answered 0x42
            // its limits are still asked, but once: a group that died after its 0x42 must not cost every retry
            assertThat(two.next()).isEqualTo(new Ask(ChargeDischargeManagementRequest.of(0x22), true));
        }

        @Test
        void aGroupThatAnsweredThisCycleAndThenNotItsProbeIsSilentItsModulesLeaveAndItAddsNothingToTheCycle() {
            Rs485Poll two = new Rs485Poll(List.of(1, 2), false);
            two.onGiveUp(giveUpGroup2sAlarmsAfterItsWholeStack(two).request());
            Ask probe = (Ask) two.next();

            Rs485GroupSilence.GaveUp gave = two.onGiveUp(probe.request());

            assertThat(gave.silenced()).contains(new Rs485GroupSilence.Silenced(2, List.of(0x22, 0x23)));
            assertThat(two.next()).isInstanceOfSatisfying(CycleDone.class, d -> assertThat(d.groups().get(1))
                    .satisfies(g -> {
                        assertThat(g.modules()).isZero();
                        assertThat(g.analog()).as("this cycle's 0x42, from before it fell silent").isEmpty();
                        assertThat(g.limits()).isEmpty();
                    }));
            two.startCycle(true, FRESH, false); // silent in the next cycle: only probed, and not silenced again
            List<Ask> probes = new ArrayList<>();
            Next next;
            while ((next = two.next()) instanceof Ask a) {
                if (a.probe()) {
                    probes.add(a);
                    assertThat(two.onGiveUp(a.request()).silenced()).isEmpty();
                } else {
                    two.onAnswered(a.request());
                }
            }
            assertThat(probes).extracting(Ask::request).containsExactly(AnalogValuesRequest.wholeStack(2));
        }

        @Test
        void aProbeAnsweredAfterAGiveUpMeansTheGroupIsAliveAndItsNextRequestsHaveRetriesAgain() {
            Rs485Poll two = new Rs485Poll(List.of(1, 2), true); // per-module limits: 0x92 of 0x22, then of 0x23
            two.onGiveUp(giveUpGroup2sAlarmsAfterItsWholeStack(two).request());
            Ask probe = (Ask) two.next();
            assertThat(probe).isEqualTo(new Ask(ChargeDischargeManagementRequest.of(0x22), true));

            assertThat(two.onAnswered(probe.request())).as("never silent: not back").isFalse();

            assertThat(two.next()).isEqualTo(new Ask(ChargeDischargeManagementRequest.of(0x23), false));
        }

        /** Two cycles: the first names two modules per group; in the second group 2 answers its 0x42, not its 0x44. */
        Ask giveUpGroup2sAlarmsAfterItsWholeStack(Rs485Poll two) {
            two.startCycle(true, FRESH, false);
            answerAll(two);
            two.startCycle(true, FRESH, false);
            Ask ask;
            while (!((ask = (Ask) two.next()).request().equals(AlarmInfoRequest.wholeStack(2)))) {
                two.onAnswered(ask.request());
            }
            assertThat(ask.probe()).isFalse(); // asked with retries: those ran out, and it is given up now
            return ask;
        }

        @Test
        void theOnlyGroupsSilenceIsTheBanksItsModulesStayAndAreComparedWhenItIsBack() {
            poll.startCycle(true, FRESH, false);
            poll.onWholeStack(wholeStack(0, 3));
            drain(poll, true);
            poll.startCycle(true, FRESH, false);
            Ask ask = (Ask) poll.next();
            assertThat(ask.request()).isEqualTo(AnalogValuesRequest.wholeStack(0));

            Rs485GroupSilence.GaveUp gave = poll.onGiveUp(ask.request());

            assertThat(gave.skipped()).isEqualTo(2);
            assertThat(gave.silenced()).isEmpty(); // no module leaves: supervision reports the bank's silence
            poll.next();
            poll.startCycle(true, FRESH, false);
            Ask probe = (Ask) poll.next();
            assertThat(probe.probe()).isTrue();
            poll.onAnswered(probe.request());
            assertThat(poll.onWholeStack(wholeStack(0, 2))).containsExactly(0x04); // gone while it was off
        }

        @Test
        void aStaticRequestGoingUnansweredSilencesNothing() {
            Rs485Poll two = new Rs485Poll(List.of(1, 2), false);
            two.startCycle(true, FRESH, false);
            Ask first = (Ask) two.next();
            assertThat(first.request()).isEqualTo(new ManufacturerInfoRequest(0x12));
            assertThat(two.onGiveUp(first.request())).isEqualTo(Rs485GroupSilence.GaveUp.NONE);
            assertThat(((Ask) two.next()).request()).isEqualTo(new SystemParametersRequest(0x12));
        }

        /** Answers the cycle, each group's whole-stack 0x42 naming two modules. */
        void answerAll(Rs485Poll two) {
            Next next;
            while ((next = two.next()) instanceof Ask ask) {
                two.onAnswered(ask.request());
                if (ask.request() instanceof AnalogValuesRequest r) {
                    two.onWholeStack(wholeStack(io.pylon4j.rs485.Rs485Address.groupOf(r.address()), 2));
                }
            }
        }

        @Test
        void closeDropsTheQueue() {
            poll.startCycle(true, FRESH, false);
            poll.close();
            assertThat(poll.state()).isEqualTo(State.CLOSED);
            assertThat(poll.next()).isInstanceOf(Nothing.class);
        }
    }

    @Nested
    class Closed {

        @Test
        void aTickStartsNothing() {
            poll.close();
            assertThat(poll.startCycle(true, FRESH, false)).isFalse();
            assertThat(poll.state()).isEqualTo(State.CLOSED);
        }

        @Test
        void nextIsNothing() {
            poll.close();
            assertThat(poll.next()).isInstanceOf(Nothing.class);
        }

        @Test
        void aLateReplyChangesNothing() {
            poll.close();
            poll.onAnswered(AnalogValuesRequest.wholeStack(0));
            assertThat(poll.onWholeStack(wholeStack(0, 2))).isEmpty();
            assertThat(poll.onGiveUp(AnalogValuesRequest.wholeStack(0)).skipped()).isZero();
            assertThat(poll.state()).isEqualTo(State.CLOSED);
        }
    }

    @Test
    void withSeveralGroupsEachIsPolledInTurnAndPerModuleLimitsFollowTheNamedSlaves() {
        Rs485Poll two = new Rs485Poll(List.of(1, 2), true);
        two.startCycle(true, FRESH, false);
        List<Rs485Request> first = new ArrayList<>();
        Next next;
        while ((next = two.next()) instanceof Ask ask) {
            first.add(ask.request());
            two.onAnswered(ask.request());
            if (ask.request().equals(AnalogValuesRequest.wholeStack(1))) {
                two.onWholeStack(wholeStack(1, 2));
            }
        }
        assertThat(first).containsSubsequence(AnalogValuesRequest.wholeStack(1),
                AnalogValuesRequest.wholeStack(2));
        two.startCycle(true, FRESH, false);
        List<Rs485Request> second = drain(two, true);
        assertThat(second).contains(ChargeDischargeManagementRequest.of(io.pylon4j.rs485.Rs485Address.of(1, 2)));
    }
}

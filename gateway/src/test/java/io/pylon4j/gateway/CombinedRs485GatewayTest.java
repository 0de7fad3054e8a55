package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.ModuleAlarmStates;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.SilentGroup;
import io.pylon4j.driver.SupervisionState;
import io.pylon4j.rs485.Rs485Address;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.time.ManualTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An LV-Hub made of two banks, through the wire: two simulated banks (three and two US5000 modules, at different
 * states of charge), each read by a real RS485 driver, joined by a {@link CombinedBankSource} (member k is group k,
 * {@link CombinedDetails}), served by an {@link Rs485Gateway} on an in-memory byte bus, and polled by a third real
 * RS485 driver set for groups 1 and 2 as behind a hub ({@code DriverOptions.rs485Groups}). All on manual time: one
 * {@code Hub.second()} lets one second pass for all of them on one shared scheduler.
 */
class CombinedRs485GatewayTest {

    static final GatewayProfile PROFILE = GatewayProfile.PYLON_V12
            .withSilenceAfter(Optional.of(Duration.ofSeconds(30)));

    @Test
    void theInverterReadsBothGroupsModulesAndTheCombinedLimits() throws Exception {
        try (Hub hub = new Hub()) {
            hub.seconds(4);

            BankStatus inverter = hub.inverter.status();
            assertThat(inverter.isFresh()).as("the inverter's driver is %s", inverter.supervisionState()).isTrue();
            assertThat(inverter.modules()).containsOnlyKeys(0x12, 0x13, 0x14, 0x22, 0x23);
            assertThat(inverter.moduleAlarms()).containsOnlyKeys(0x12, 0x13, 0x14, 0x22, 0x23);
            assertSameModules(hub.first.driver.status(), inverter, 1);
            assertSameModules(hub.second.driver.status(), inverter, 2);
            assertThat(inverter.moduleCount()).hasValue(5);
            assertCombinedLimits(hub, inverter);
            assertThat(hub.gateway.counters().refused()).isZero();
        }
    }

    @Test
    void aSilentMemberTakesItsGroupAndItsShareOfTheLimitsAway() throws Exception {
        try (Hub hub = new Hub()) {
            hub.seconds(4);
            Limits both = hub.inverter.status().batteryLimits().orElseThrow();

            // member 2's bank stops answering; the gateway goes on answering group 2 from member 2's view as it was
            // until the inverter's poll cycle in flight is over, so that group 2 falls silent between two cycles
            hub.secondMember.hold();
            hub.second.bank.updateFaults(f -> f.withCommunicationLost(true));
            for (int i = 0; i < 15 && hub.second.driver.status().isFresh(); i++) {
                hub.second();
            }
            assertThat(hub.second.driver.status().isFresh()).as("member 2's driver lost its bank").isFalse();
            hub.toCycleEnd();
            long off = hub.clock.nanoTime(); // monotonic, manual
            hub.secondMember.release();

            // the combined view loses the member's modules and its share of the limits in the same call
            BankView view = hub.source.view();
            assertThat(view.reason()).startsWith("1 of 2");
            assertThat(view.details().modules()).containsOnlyKeys(0x12, 0x13, 0x14);
            assertThat(view.details().moduleAlarms()).containsOnlyKeys(0x12, 0x13, 0x14);
            assertThat(view.modules()).isEqualTo(3);
            assertThat(view.limits().orElseThrow().chargeCurrentLimitAmps())
                    .isCloseTo(hub.first.driver.status().publishedLimits().asLimits().chargeCurrentLimitAmps(),
                            within(1e-6));
            assertThat(hub.gateway.state()).isEqualTo(GatewayState.FORWARDING);

            // the inverter's driver: group 2 no longer answers. Group 2 fell silent at the end of a cycle, so the
            // next cycle starts within one poll interval (1 s) and is the first without it: it asks group 2's 0x42
            // in 1 + 2 retries, each waiting out the 1 s response timeout and the late-reply guard of a quarter of
            // it (0.25 s), gives it up after 3 × 1.25 s = 3.75 s, finds group 2 silent (it answered nothing in this
            // cycle), drops its 0x44 and 0x92 and commits group 1's values: fresh on group 1 again at most
            // 1 s + 3.75 s = 4.75 s after group 2 fell silent (STALE, fail-safe, meanwhile: the limits were 1 s old
            // when it fell silent and the stale timeout is 3 s; never LOST, 10 s)
            InverterProfile p = InverterProfile.GENERIC_PYLON;
            Duration attempt = p.rs485ResponseTimeout().plus(p.rs485ResponseTimeout().dividedBy(4));
            Duration bound = p.rs485PollInterval().plus(attempt.multipliedBy(1 + p.rs485Retries()));
            assertThat(bound).isEqualTo(Duration.ofMillis(4750));
            long timeouts = hub.inverter.counters().rs485Timeouts();
            boolean oldLimitsGone = false;
            boolean lost = false;
            while (!(hub.inverter.status().isFresh() && hub.inverter.status().moduleCount().orElse(0) == 3)
                    && Duration.ofNanos(hub.clock.nanoTime() - off).compareTo(bound.multipliedBy(2)) < 0) {
                hub.step();
                BankStatus s = hub.inverter.status();
                double ccl = s.batteryLimits().orElseThrow().chargeCurrentLimitAmps();
                oldLimitsGone |= !s.isFresh() || ccl < both.chargeCurrentLimitAmps();
                lost |= s.supervisionState() == SupervisionState.LOST;
                if (oldLimitsGone && s.isFresh()) {
                    assertThat(ccl).as("after %s", Duration.ofNanos(hub.clock.nanoTime() - off)).isLessThan(both.chargeCurrentLimitAmps());
                }
            }
            Duration fresh = Duration.ofNanos(hub.clock.nanoTime() - off);
            assertThat(oldLimitsGone).isTrue();
            BankStatus inverter = hub.inverter.status();
            assertThat(inverter.isFresh()).as("%s after %s", inverter.supervisionState(), fresh).isTrue();
            assertThat(fresh).as("fresh on group 1 again after").isLessThanOrEqualTo(bound)
                    .isGreaterThan(attempt.multipliedBy(1 + p.rs485Retries()));
            assertThat(hub.inverter.counters().rs485Timeouts() - timeouts).as("group 2's 0x42 alone given up")
                    .isEqualTo(1);
            assertThat(hub.inverter.counters().rs485GroupSilences()).isEqualTo(1);
            assertThat(hub.inverter.counters().rs485SilentGroups()).isEqualTo(1);
            assertThat(lost).isFalse();
            assertThat(inverter.silentGroups()).extracting(SilentGroup::group).containsExactly(2);
            assertThat(inverter.modules()).containsOnlyKeys(0x12, 0x13, 0x14);
            assertThat(inverter.moduleAlarms()).containsOnlyKeys(0x12, 0x13, 0x14);
            assertThat(inverter.moduleCount()).hasValue(3);
            assertSameModules(hub.first.driver.status(), inverter, 1);
            Limits one = assertCombinedLimits(hub, inverter);
            assertThat(one.chargeCurrentLimitAmps()).isLessThan(both.chargeCurrentLimitAmps());
            assertThat(one.dischargeCurrentLimitAmps()).isLessThan(both.dischargeCurrentLimitAmps());

            hub.second.bank.updateFaults(f -> f.withCommunicationLost(false));
            for (int i = 0; i < 20 && hub.inverter.status().moduleCount().orElse(0) != 5; i++) {
                hub.second();
            }
            assertThat(hub.inverter.status().moduleCount()).hasValue(5);
            assertThat(hub.inverter.status().silentGroups()).isEmpty();
            assertThat(hub.inverter.counters().rs485SilentGroups()).isZero();
            assertSameModules(hub.second.driver.status(), hub.inverter.status(), 2);
            assertThat(hub.inverter.status().batteryLimits().orElseThrow().chargeCurrentLimitAmps())
                    .isCloseTo(both.chargeCurrentLimitAmps(), within(1e-6));
        }
    }

    /** The source bank's modules 0x02… are the inverter's group {@code group}, position by position. */
    private static void assertSameModules(BankStatus source, BankStatus inverter, int group) {
        assertThat(source.modules()).isNotEmpty();
        source.modules().forEach((adr, s) -> {
            int to = Rs485Address.of(group, Rs485Address.batteryOf(adr));
            ModuleDetails r = inverter.modules().get(to);
            assertThat(r).as("module 0x%02X as 0x%02X", adr, to).isNotNull();
            assertThat(r.voltageVolts()).as("module 0x%02X", to).isEqualTo(s.voltageVolts());
            assertThat(r.cellVoltagesVolts()).isEqualTo(s.cellVoltagesVolts());
            assertThat(r.currentAmps()).isEqualTo(s.currentAmps());
            assertThat(r.remainingCapacityAh()).as("module 0x%02X SOC", to).isEqualTo(s.remainingCapacityAh());
            assertThat(r.totalCapacityAh()).isEqualTo(s.totalCapacityAh());
            assertThat(r.serialNumber()).isEqualTo(s.serialNumber());
            ModuleAlarmStates sa = source.moduleAlarms().get(adr);
            ModuleAlarmStates ra = inverter.moduleAlarms().get(to);
            assertThat(ra.cellStates()).as("module 0x%02X 0x44", to).isEqualTo(sa.cellStates());
            assertThat(ra.temperatureStates()).isEqualTo(sa.temperatureStates());
            assertThat(List.of(ra.status1(), ra.status2(), ra.status3(), ra.status4(), ra.status5()))
                    .isEqualTo(List.of(sa.status1(), sa.status2(), sa.status3(), sa.status4(), sa.status5()));
        });
    }

    /**
     * The inverter's limits are the combined view's: voltages as they are, currents as 0x92 carries them (one
     * module's share, floored to 0.1 A, multiplied back by each group's modules).
     */
    private static Limits assertCombinedLimits(Hub hub, BankStatus inverter) {
        BankView view = hub.source.view();
        Limits combined = view.limits().orElseThrow();
        Limits read = inverter.batteryLimits().orElseThrow();
        double share = Math.floor(combined.chargeCurrentLimitAmps() * 10 / view.modules() + 1e-9) / 10;
        assertThat(read.chargeCurrentLimitAmps()).isCloseTo(share * view.modules(), within(1e-6)).isPositive();
        assertThat(read.chargeCurrentLimitAmps()).isCloseTo(combined.chargeCurrentLimitAmps(),
                within(0.1 * view.modules()));
        assertThat(read.dischargeCurrentLimitAmps()).isCloseTo(combined.dischargeCurrentLimitAmps(),
                within(0.1 * view.modules())).isPositive();
        assertThat(read.chargeVoltageLimitVolts()).isEqualTo(combined.chargeVoltageLimitVolts());
        assertThat(read.dischargeVoltageLimitVolts()).isEqualTo(combined.dischargeVoltageLimitVolts());
        return read;
    }

    /**
     * A member whose view the test can hold: while held, the gateway is answered from the view as it was when it was
     * held; released, from the member's view now. Lets the test choose when the inverter sees a change of the member,
     * which on its own comes at a supervision tick that may fall inside the inverter's poll cycle.
     */
    static final class HeldSource implements BankSource {
        private final BankSource member;
        private volatile BankView held;

        HeldSource(BankSource member) {
            this.member = member;
        }

        void hold() {
            held = member.view();
        }

        void release() {
            held = null;
        }

        @Override
        public BankView view() {
            BankView h = held;
            return h != null ? h : member.view();
        }
    }

    /** Two banks, the combined source, the gateway and the inverter's driver polling groups 1 and 2. */
    static final class Hub implements AutoCloseable {

        final ManualTimeSource clock = new ManualTimeSource(Instant.parse("2026-01-01T00:00:00Z"));
        final ManualScheduler time = new ManualScheduler(clock);
        final Rs485SourceRig first;
        final Rs485SourceRig second;
        final HeldSource secondMember;
        final CombinedBankSource source;
        final ByteStreamTransport gatewaySide;
        final ByteStreamTransport inverterSide;
        final Rs485Gateway gateway;
        final PylonDriver inverter;
        private final InverterLink link;

        Hub() throws Exception {
            first = new Rs485SourceRig(time, 3, 60);
            second = new Rs485SourceRig(time, 2, 85);
            secondMember = new HeldSource(new DriverBankSource(second.driver, 100));
            source = new CombinedBankSource(List.of(new DriverBankSource(first.driver, 100), secondMember), 1);
            link = new InverterLink(first.buses.byteBus("inverter").newMember(),
                    first.buses.byteBus("inverter").newMember(),
                    side -> Rs485Gateway.builder(source, side, PROFILE).scheduler(time).time(clock).build(),
                    DriverOptions.builder("inverter").profile(InverterProfile.GENERIC_PYLON).rs485Group(1)
                            .rs485Groups(List.of(1, 2)).time(clock).scheduler(time).eventExecutor(Runnable::run)
                            .build());
            gatewaySide = link.gatewaySide;
            inverterSide = link.inverterSide;
            gateway = link.gateway;
            inverter = link.inverter;
        }

        void seconds(int n) throws Exception {
            for (int i = 0; i < n; i++) {
                second();
            }
        }

        /**
         * One second on the one scheduler all parties share (so that every timeout and age runs at the same pace),
         * in 10 ms steps, each waited until both banks' exchanges and the inverter's are quiet.
         */
        void second() throws Exception {
            Rs485SourceRig.oneSecondInSteps(time, this::quiet, "a second of polling");
        }

        /** One 10 ms step on the shared scheduler, waited until both banks' exchanges and the inverter's are quiet. */
        void step() throws Exception {
            time.advance(Rs485SourceRig.STEP);
            Rs485SourceRig.await(this::quiet, "a step of polling");
        }

        private boolean quiet() {
            return first.quiet() && second.quiet() && link.quiet();
        }

        /**
         * Steps until the inverter's driver has started a poll cycle and that cycle is over: every request it wrote
         * was answered (none withheld, none timing out) and every reply applied, so nothing is in flight and its
         * last reply ended the cycle. On manual time a cycle whose requests are all answered takes no time at all.
         */
        void toCycleEnd() throws Exception {
            long cycles = inverter.counters().rs485Cycles();
            long withheld = gateway.counters().withheld(); // requests the gateway received and did not answer
            long timeouts = inverter.counters().rs485Timeouts();
            for (int i = 0; i < 200 && inverter.counters().rs485Cycles() == cycles; i++) {
                step();
            }
            assertThat(inverter.counters().rs485Cycles()).as("a cycle started").isGreaterThan(cycles);
            // quiet: the gateway received every request written; it answered each, and none was given up
            assertThat(gateway.counters().withheld()).as("requests left unanswered").isEqualTo(withheld);
            assertThat(inverter.counters().rs485Timeouts()).as("requests given up").isEqualTo(timeouts);
        }

        @Override
        public void close() {
            link.close();
            second.close();
            first.close();
        }
    }
}

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

            hub.second.bank.updateFaults(f -> f.withCommunicationLost(true));
            for (int i = 0; i < 15 && hub.source.view().reason().startsWith("2 of 2"); i++) {
                hub.second();
            }
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

            // the inverter's driver: group 2 no longer answers; the first cycle without it waits out one request's
            // retries (3 × 1.25 s with the generic profile: STALE, fail-safe, for at most 1.75 s, never LOST), then
            // finds it silent: its modules leave and the bank is fresh again only with group 1's share
            long timeouts = hub.inverter.counters().rs485Timeouts();
            int seconds = 0;
            boolean oldLimitsGone = false;
            boolean lost = false;
            for (; seconds < 20 && !(hub.inverter.status().isFresh()
                    && hub.inverter.status().moduleCount().orElse(0) == 3); seconds++) {
                hub.second();
                BankStatus s = hub.inverter.status();
                double ccl = s.batteryLimits().orElseThrow().chargeCurrentLimitAmps();
                oldLimitsGone |= !s.isFresh() || ccl < both.chargeCurrentLimitAmps();
                lost |= s.supervisionState() == SupervisionState.LOST;
                if (oldLimitsGone && s.isFresh()) {
                    assertThat(ccl).as("after %d s", seconds).isLessThan(both.chargeCurrentLimitAmps());
                }
            }
            assertThat(oldLimitsGone).isTrue();
            BankStatus inverter = hub.inverter.status();
            assertThat(inverter.isFresh()).as("%s after %d s", inverter.supervisionState(), seconds).isTrue();
            assertThat(hub.inverter.counters().rs485Timeouts()).as("group 2 is silent").isGreaterThan(timeouts);
            // how long depends on where in the inverter's poll cycle the gateway stops answering group 2 (the cycle
            // in flight ends first; CI saw 8 s where the bound was 6 s); the exact timing under manual time is
            // Rs485SilentGroupTest's: here, fresh again within the generic profile's lost timeout (10 s)
            assertThat(seconds).as("fresh on group 1 again after").isLessThan(10);
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

    /** Two banks, the combined source, the gateway and the inverter's driver polling groups 1 and 2. */
    static final class Hub implements AutoCloseable {

        final ManualTimeSource clock = new ManualTimeSource(Instant.parse("2026-01-01T00:00:00Z"));
        final ManualScheduler time = new ManualScheduler(clock);
        final Rs485SourceRig first;
        final Rs485SourceRig second;
        final CombinedBankSource source;
        final ByteStreamTransport gatewaySide;
        final ByteStreamTransport inverterSide;
        final Rs485Gateway gateway;
        final PylonDriver inverter;
        private final InverterLink link;

        Hub() throws Exception {
            first = new Rs485SourceRig(time, 3, 60);
            second = new Rs485SourceRig(time, 2, 85);
            source = new CombinedBankSource(List.of(new DriverBankSource(first.driver, 100),
                    new DriverBankSource(second.driver, 100)), 1);
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
            Rs485SourceRig.oneSecondInSteps(time, () -> first.quiet() && second.quiet() && link.quiet(),
                    "a second of polling");
        }

        @Override
        public void close() {
            link.close();
            second.close();
            first.close();
        }
    }
}

package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.jmx.DriverJmx;
import io.pylon4j.simulator.ModuleId;
import java.time.Duration;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a dashboard sees of a silent LV-Hub group: {@link DriverCounters#rs485GroupSilences()} (how often a group fell
 * silent, a counter) and {@link DriverCounters#rs485SilentGroups()} (how many are silent now, a gauge), read from the
 * driver and as JMX attributes from a real MBean server. The bank is the simulator's battery side with two groups of
 * two modules on a virtual clock, as in {@link Rs485SilentGroupTest}, whose profile keeps the bank FRESH meanwhile.
 */
class Rs485SilentGroupCountersTest {

    final Rs485SimulatedBankTest rig = new Rs485SimulatedBankTest();
    final MBeanServer server = MBeanServerFactory.newMBeanServer(); // not the platform one: no name can collide
    ObjectName bean;

    /** Starts the driver on a bank of {@code groups} groups (one: the driver's default, one group at 0x02). */
    void start(int groups) {
        rig.start(Rs485SimulatedBankTest.us3000c().groups(groups).modulesPerGroup(2).build(), b -> (groups == 1 ? b
                : b.rs485Groups(List.of(1, 2))).profile(Rs485SilentGroupTest.PROFILE));
        bean = DriverJmx.register(rig.driver, server).name();
        rig.step(Duration.ZERO);
        assertThat(rig.driver.status().supervisionState()).isEqualTo(SupervisionState.FRESH);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    void seconds(int n) {
        for (int i = 0; i < n * 8; i++) {
            rig.step(Rs485SilentGroupTest.STEP);
        }
    }

    /** Both counts, from the driver and from the MBean, which must agree; as {silences, silent now}. */
    List<Long> counts() throws Exception {
        DriverCounters c = rig.driver.counters();
        assertThat(server.getAttribute(bean, "Rs485GroupSilences")).isEqualTo(c.rs485GroupSilences());
        assertThat(server.getAttribute(bean, "Rs485SilentGroups")).isEqualTo(c.rs485SilentGroups());
        assertThat(c.rs485SilentGroups()).as("the gauge is the status's list")
                .isEqualTo(rig.driver.status().silentGroups().size());
        return List.of(c.rs485GroupSilences(), c.rs485SilentGroups());
    }

    @Test
    void aGroupFallingSilentCountsOnceAndIsSilentNowUntilItAnswersAgain() throws Exception {
        start(2);
        assertThat(counts()).containsExactly(0L, 0L);

        rig.bank.setModuleOnline(ModuleId.of(1, 0), false); // group 2's master off
        seconds(5); // found silent in the first cycle (1 s + 3 × 625 ms)
        assertThat(counts()).containsExactly(1L, 1L);
        seconds(10); // probed once a cycle, unanswered: still the one silence, not one per probe
        assertThat(counts()).containsExactly(1L, 1L);
        assertThat(rig.driver.counters().rs485RequestsSkipped()).isPositive();

        rig.bank.setModuleOnline(ModuleId.of(1, 0), true);
        seconds(3);
        assertThat(counts()).containsExactly(1L, 0L); // the counter keeps its count, the gauge falls
        assertThat(rig.driver.status().modules()).containsOnlyKeys(0x12, 0x13, 0x22, 0x23);

        rig.bank.setModuleOnline(ModuleId.of(1, 0), false); // and off again: a second silence
        seconds(5);
        assertThat(counts()).containsExactly(2L, 1L);
    }

    @Test
    void everyGroupSilentIsTwoSilentNow() throws Exception {
        start(2);
        rig.bank.setModuleOnline(ModuleId.of(0, 0), false);
        rig.bank.setModuleOnline(ModuleId.of(1, 0), false);
        seconds(8);
        assertThat(rig.driver.status().silentGroups()).extracting(SilentGroup::group).containsExactly(1, 2);
        assertThat(counts()).containsExactly(2L, 2L);
    }

    @Test
    void theOnlyGroupOfABankIsNeverCountedAsASilentGroup() throws Exception {
        start(1); // its silence is the bank's: the supervision state reports it
        rig.mute = true;
        seconds(12);
        assertThat(rig.driver.status().supervisionState()).isEqualTo(SupervisionState.LOST);
        assertThat(counts()).containsExactly(0L, 0L);
        rig.mute = false;
        seconds(3);
        assertThat(counts()).containsExactly(0L, 0L);
    }
}

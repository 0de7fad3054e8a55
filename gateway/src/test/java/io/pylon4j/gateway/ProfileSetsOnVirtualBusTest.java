package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.AlarmsAndWarnings;
import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanProfile;
import io.pylon4j.can.ChargeDischargeLimits;
import io.pylon4j.can.InstalledCapacity;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.can.StateOfChargeAndHealth;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.Limits;
import io.pylon4j.simulator.Alarm;
import io.pylon4j.simulator.ModuleId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18 point 2 through a real {@link CanGateway} fed by a simulated bank ({@link GatewayRig}): what the LuxPower,
 * Pylontech V1.3 and Victron presets put on the bus, decoded by our codec, and every preset's cadence on manual time.
 */
class ProfileSetsOnVirtualBusTest {

    private static final PylonCanCodec CODEC = PylonCanCodec.standard();
    /** The rig's banks: four US5000 of 100 Ah (GatewayRig, DriverBankSource(source, 100)). */
    private static final int BANK_CAPACITY_AH = 400;

    @Test
    void luxPowerReads0x379AsTheBanksInstalledCapacity() throws Exception {
        try (GatewayRig rig = new GatewayRig(1, GatewayProfile.LUXPOWER, false)) {
            rig.seconds(3);

            // docs/protocol.md §1.8: 0x379 is the installed capacity in Ah, u16 in bytes 0-1 ([ARMIN] for LuxPower)
            assertThat(rig.tapped(InstalledCapacity.ID)).isNotEmpty().allSatisfy(f -> {
                assertThat(f.id()).isLessThanOrEqualTo(0x7FF);
                assertThat(CODEC.decode(f)).isInstanceOfSatisfying(InstalledCapacity.class,
                        c -> assertThat(c.installedCapacityAh()).isEqualTo(BANK_CAPACITY_AH));
                assertThat(f.data()[0] & 0xFF | (f.data()[1] & 0xFF) << 8).isEqualTo(BANK_CAPACITY_AH);
            });
            assertThat(rig.ears.status().moduleCount()).hasValue(4);
        }
    }

    @Test
    void theV13SetCarriesTheSourcesValuesOn11BitIds() throws Exception {
        try (GatewayRig rig = new GatewayRig(1, GatewayProfile.named("pylon-v1.3"), false)) {
            rig.seconds(3);

            assertThat(rig.tapped).isNotEmpty().allSatisfy(f -> assertThat(f.id()).isLessThanOrEqualTo(0x7FF));
            assertThat(rig.tapped.stream().map(CanFrame::id).distinct())
                    .containsExactlyInAnyOrder(0x351, 0x355, 0x356, 0x359, 0x35A, 0x35E, 0x35F);
            BankStatus source = rig.sources.get(0).status();
            Limits sent = source.publishedLimits().asLimits();
            ChargeDischargeLimits limits = (ChargeDischargeLimits) CODEC.decode(last(rig, ChargeDischargeLimits.ID));
            // the source read them from the bank's CAN frames in 0.1 V / 0.1 A: the gateway sends them unchanged
            assertThat(limits.chargeVoltageLimitDeciVolts()).isEqualTo(deci(sent.chargeVoltageLimitVolts()));
            assertThat(limits.chargeCurrentLimitDeciAmps()).isEqualTo(deci(sent.chargeCurrentLimitAmps())).isPositive();
            assertThat(limits.dischargeCurrentLimitDeciAmps()).isEqualTo(deci(sent.dischargeCurrentLimitAmps()))
                    .isPositive();
            StateOfChargeAndHealth soc = (StateOfChargeAndHealth) CODEC.decode(last(rig, StateOfChargeAndHealth.ID));
            double sourceSoc = source.measurements().socPercent().orElseThrow();
            assertThat(soc.socPercent()).isEqualTo((int) Math.round(sourceSoc));
            assertThat(soc.highResolutionSocPercent()).hasValueCloseTo(sourceSoc,
                    org.assertj.core.data.Offset.offset(0.01));
            BankStatus ears = rig.ears.status();
            assertThat(ears.measurements().socPercent()).isEqualTo(source.measurements().socPercent());
            assertThat(ears.measurements().voltageVolts().orElseThrow())
                    .isEqualTo(source.measurements().voltageVolts().orElseThrow(),
                            org.assertj.core.data.Offset.offset(0.005));
            assertThat(ears.batteryLimits().orElseThrow().chargeVoltageLimitVolts())
                    .isEqualTo(sent.chargeVoltageLimitVolts());
        }
    }

    @Test
    void victronsAlarmPairsRaiseTheSourcesOneAlarmInItsOwnBitsAndClearTheRest() throws Exception {
        try (GatewayRig rig = new GatewayRig(1, GatewayProfile.VICTRON, false)) {
            rig.seconds(3);
            assertThat(CODEC.decode(last(rig, AlarmsAndWarnings.ID))).isEqualTo(AlarmsAndWarnings.ALL_CLEARED);

            rig.banks.get(0).forceAlarm(ModuleId.of(0, 0), Alarm.CELL_LOW_TEMPERATURE);
            rig.seconds(3);

            CanFrame frame = last(rig, AlarmsAndWarnings.ID);
            AlarmsAndWarnings read = new PylonCanCodec(CanProfile.VICTRON).decode(frame) instanceof AlarmsAndWarnings a
                    ? a : null;
            assertThat(read).isNotNull();
            assertThat(read.raisedWarnings()).containsExactly(AlarmsAndWarnings.Item.LOW_TEMPERATURE);
            assertThat(read.raisedAlarms()).isEmpty();
            // SMA polarity on the wire: warning byte 5 bits 0+1 = 01 (raised), every other pair 10 (cleared)
            byte[] data = frame.data();
            assertThat(data).hasSize(8);
            assertThat(data[5] & 0xFF).isEqualTo(0b1010_1001);
            for (int i : new int[] {0, 1, 2, 3, 4, 6, 7}) {
                assertThat(data[i] & 0xFF).as("byte %d", i).isEqualTo(0b1010_1010);
            }
        }
    }

    /** Each preset's documented period and the least gap its inverter allows between two sets. */
    static Stream<Arguments> cadences() {
        // SMA: every 500 ms, never two sets within 200 ms (docs/protocol.md §1.5, [SMA] §5.1); the others each
        // second (docs/gateway.md's profile table), and no catch-up within half a cycle (CanGateway)
        return Stream.of(
                Arguments.of(GatewayProfile.PYLON_V12, Duration.ofSeconds(1), Duration.ofMillis(500)),
                Arguments.of(GatewayProfile.PYLON_V13, Duration.ofSeconds(1), Duration.ofMillis(500)),
                Arguments.of(GatewayProfile.VICTRON, Duration.ofSeconds(1), Duration.ofMillis(500)),
                Arguments.of(GatewayProfile.LUXPOWER, Duration.ofSeconds(1), Duration.ofMillis(500)),
                Arguments.of(GatewayProfile.SOL_ARK, Duration.ofSeconds(1), Duration.ofMillis(500)),
                Arguments.of(GatewayProfile.SMA, Duration.ofMillis(500), Duration.ofMillis(200)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cadences")
    void eachPresetSendsItsSetAtItsPeriodAndNeverTwoSetsTooClose(GatewayProfile profile, Duration period,
                                                                 Duration leastGap) throws Exception {
        try (GatewayRig rig = new GatewayRig(1, profile, false)) {
            rig.seconds(2); // the source's first complete data
            int settled = rig.tapped.size();
            for (int i = 0; i < 40; i++) { // 4 s in 100 ms steps
                rig.step(Duration.ofMillis(100));
            }
            TreeMap<Long, List<Integer>> sets = sets(rig, settled);
            assertThat(sets).hasSizeGreaterThanOrEqualTo((int) (Duration.ofSeconds(4).toMillis() / period.toMillis()));
            List<Integer> ids = sets.firstEntry().getValue();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(sets.values()).as("the same ids in every set").allSatisfy(s -> assertThat(s).isEqualTo(ids));
            assertThat(gaps(sets)).as("gaps between sets, ns").containsOnly(period.toNanos());

            // a stall of 2.3 periods: the fixed-rate scheduler runs the missed cycles back to back when it resumes
            int beforeStall = rig.tapped.size();
            rig.step(period.multipliedBy(23).dividedBy(10));
            for (int i = 0; i < 30; i++) {
                rig.step(Duration.ofMillis(100));
            }
            TreeMap<Long, List<Integer>> after = sets(rig, beforeStall);
            after.put(sets.lastKey(), ids);
            assertThat(after).hasSizeGreaterThan(2);
            // two sets at one instant (a caught-up run sent) would share a key: each id once per instant
            assertThat(after.values()).allSatisfy(s -> assertThat(s).doesNotHaveDuplicates());
            assertThat(gaps(after)).allSatisfy(g -> assertThat(g).isGreaterThanOrEqualTo(leastGap.toNanos()));
        }
    }

    /** {@return the frames tapped from index {@code from} on: the ids sent at each instant, in order, by instant} */
    private static TreeMap<Long, List<Integer>> sets(GatewayRig rig, int from) {
        TreeMap<Long, List<Integer>> sets = new TreeMap<>();
        for (int i = from; i < rig.tapped.size(); i++) {
            sets.computeIfAbsent(rig.tappedAt.get(i), t -> new ArrayList<>()).add(rig.tapped.get(i).id());
        }
        return sets;
    }

    private static List<Long> gaps(TreeMap<Long, List<Integer>> sets) {
        List<Long> gaps = new ArrayList<>();
        Long previous = null;
        for (long t : sets.keySet()) {
            if (previous != null) {
                gaps.add(t - previous);
            }
            previous = t;
        }
        return gaps;
    }

    private static int deci(double value) {
        return (int) Math.round(value * 10);
    }

    private static CanFrame last(GatewayRig rig, int id) {
        List<CanFrame> frames = rig.tapped(id);
        assertThat(frames).as("frames 0x%03X", id).isNotEmpty();
        return frames.get(frames.size() - 1);
    }
}

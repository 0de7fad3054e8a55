package io.pylon4j.simulator.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.AlarmsAndWarnings;
import io.pylon4j.can.AlarmsAndWarnings.Item;
import io.pylon4j.can.BatteryInfo;
import io.pylon4j.can.BatteryMeasurements;
import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanMessage;
import io.pylon4j.can.CandumpFormat;
import io.pylon4j.can.CellExtremes;
import io.pylon4j.can.ChargeDischargeLimits;
import io.pylon4j.can.ChargeRequestFlags;
import io.pylon4j.can.InstalledCapacity;
import io.pylon4j.can.ManufacturerName;
import io.pylon4j.can.MaxCellTemperatureId;
import io.pylon4j.can.MaxCellVoltageId;
import io.pylon4j.can.MinCellTemperatureId;
import io.pylon4j.can.MinCellVoltageId;
import io.pylon4j.can.ModuleCounts;
import io.pylon4j.can.ProtectionAndAlarmFlags;
import io.pylon4j.can.ProtectionAndAlarmFlags.Flag;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.can.StateOfChargeAndHealth;
import io.pylon4j.simulator.Alarm;
import io.pylon4j.simulator.BankSnapshot;
import io.pylon4j.simulator.ChargeLimits;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.ModuleSnapshot;
import io.pylon4j.simulator.Protection;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.virtual.VirtualCanBus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The CAN front end on a virtual bus, decoded with the project's codec and parsed back as candump lines. */
class CanFrontEndTest {

    private final PylonCanCodec codec = PylonCanCodec.standard();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final VirtualCanBus bus = new VirtualCanBus("simfront-test");
    private final List<CanFrame> received = new CopyOnWriteArrayList<>();
    private CanTransport batterySide;
    private CanTransport inverterSide;
    private SimulatedBank bank;
    private CanBatterySimulator simulator;

    @BeforeEach
    void setUp() throws Exception {
        batterySide = bus.newMember();
        inverterSide = bus.newMember();
        batterySide.open().toCompletableFuture().get();
        inverterSide.open().toCompletableFuture().get();
        inverterSide.addFrameListener((f, t) -> received.add(f));
        bank = Banks.us3000c(4, 62);
        simulator = new CanBatterySimulator(bank, batterySide, CanFrameSet.PYLON_V12, scheduler, Duration.ofSeconds(1),
                new ReceivedTraffic());
        simulator.start();
        scheduler.advance(Duration.ZERO); // the first cycle goes out at once
        drain();
    }

    @AfterEach
    void tearDown() {
        simulator.close();
        batterySide.close();
        inverterSide.close();
    }

    private List<CanFrame> cycle() {
        drain();
        int before = received.size();
        scheduler.advance(Duration.ofSeconds(1));
        drain();
        return List.copyOf(received.subList(before, received.size()));
    }

    /** Waits until every frame sent so far has reached the inverter's side. */
    private void drain() {
        Awaits.until(() -> received.size() == simulator.traffic().canFramesSent());
    }

    @SuppressWarnings("unchecked")
    private <T extends CanMessage> List<T> decoded(List<CanFrame> frames, Class<T> type) {
        return frames.stream().map(codec::decode).filter(type::isInstance).map(m -> (T) m).toList();
    }

    @Test
    void v12FrameSetDecodesWithTheCodecAndAsCandumpLines() {
        List<CanFrame> frames = cycle();
        assertThat(frames).extracting(CanFrame::id).containsExactly(0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E);
        for (CanFrame f : frames) {
            assertThat(CandumpFormat.parseFrame(CandumpFormat.formatText("can0", f))).isEqualTo(f);
            assertThat(CandumpFormat.parseFrame(CandumpFormat.formatLog(1_700_000_000_000_000L, "can0", f)))
                    .isEqualTo(f);
        }
        ChargeDischargeLimits limits = decoded(frames, ChargeDischargeLimits.class).get(0);
        assertThat(limits.chargeVoltageLimitDeciVolts()).isEqualTo(532); // 53.25 V truncated
        assertThat(limits.chargeCurrentLimitDeciAmps()).isEqualTo(1480);
        assertThat(limits.dischargeCurrentLimitDeciAmps()).isEqualTo(1480); // positive on CAN
        assertThat(limits.dischargeVoltageLimitDeciVolts()).isEqualTo(450);
        assertThat(decoded(frames, StateOfChargeAndHealth.class).get(0).socPercent()).isEqualTo(62);
        assertThat(decoded(frames, ProtectionAndAlarmFlags.class).get(0).moduleCount()).isEqualTo(4);
        assertThat(decoded(frames, ChargeRequestFlags.class).get(0).flags()).isEqualTo(0xC0);
        assertThat(decoded(frames, ManufacturerName.class).get(0)).isEqualTo(ManufacturerName.PYLON);
    }

    @Test
    void v13AndVictronFrameSets() {
        BankSnapshot s = bank.snapshot();
        assertThat(new CanFrameSetGenerator(CanFrameSet.PYLON_V13).frames(s)).extracting(CanFrame::id)
                .containsExactly(0x351, 0x355, 0x356, 0x359, 0x35A, 0x35E, 0x35F);
        assertThat(new CanFrameSetGenerator(CanFrameSet.PYLON_V13).frames(s).get(1).length()).isEqualTo(6);
        List<CanFrame> victron = new CanFrameSetGenerator(CanFrameSet.VICTRON).frames(s);
        assertThat(victron).extracting(CanFrame::id).containsExactly(0x351, 0x355, 0x356, 0x359, 0x35A, 0x35C, 0x35E,
                0x35F, 0x372, 0x373, 0x374, 0x375, 0x376, 0x377, 0x379);
        assertThat(decoded(victron, ModuleCounts.class).get(0).modulesOnline()).isEqualTo(4);
    }

    /**
     * The mapping shared with the gateway (protocol-can's BankFrameEncoder) rounds each voltage limit toward its safe
     * side: CVL down, the discharge (cut-off) voltage limit up. It truncated both before.
     */
    @Test
    void voltageLimitsRoundTowardTheSafeSideAsTheGatewaysDo() {
        CanFrame frame = new CanFrameSetGenerator(CanFrameSet.PYLON_V12)
                .limitsFrame(new ChargeLimits(53_299, 44_950, 1_480, 1_480));
        ChargeDischargeLimits limits = (ChargeDischargeLimits) PylonCanCodec.standard().decode(frame);
        assertThat(limits.chargeVoltageLimitDeciVolts()).isEqualTo(532);
        assertThat(limits.dischargeVoltageLimitDeciVolts()).as("44.95 V rounded up, never a lower cut-off")
                .isEqualTo(450);
        assertThat(limits.chargeCurrentLimitDeciAmps()).isEqualTo(1480);
    }

    /** Kelvin as 0x373 carries it: whole kelvins, 0.1 °C + 273.15 rounded. */
    private static int kelvin(int deciCelsius) {
        return (int) Math.round(deciCelsius / 10.0 + 273.15);
    }

    @Test
    void v13AndVictronFrameContentMatchesTheBank() {
        // make every extreme belong to a different module: M3 lowest cells and coldest, M2 highest cells, M1 hottest
        bank.setStateOfCharge(Banks.M3, 20);
        bank.setStateOfCharge(Banks.M2, 90);
        bank.setCellTemperature(Banks.M3, 12);
        bank.setCellTemperature(Banks.M1, 33);
        BankSnapshot s = bank.snapshot();
        List<ModuleSnapshot> modules = s.modules();
        int minCellMv = modules.stream().mapToInt(ModuleSnapshot::minCellVoltageMillivolts).min().orElseThrow();
        int maxCellMv = modules.stream().mapToInt(ModuleSnapshot::maxCellVoltageMillivolts).max().orElseThrow();
        int minCellT = modules.stream().flatMap(m -> m.cellTemperaturesDeciCelsius().stream())
                .mapToInt(Integer::intValue).min().orElseThrow();
        int maxCellT = modules.stream().flatMap(m -> m.cellTemperaturesDeciCelsius().stream())
                .mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(s.module(Banks.M3).minCellVoltageMillivolts()).isEqualTo(minCellMv);
        assertThat(s.module(Banks.M2).maxCellVoltageMillivolts()).isEqualTo(maxCellMv);

        List<CanFrame> v13 = new CanFrameSetGenerator(CanFrameSet.PYLON_V13).frames(s);
        StateOfChargeAndHealth soc13 = decoded(v13, StateOfChargeAndHealth.class).get(0);
        assertThat(soc13.socPercent()).isEqualTo(s.stateOfChargePercent());
        assertThat(soc13.sohPercent()).isEqualTo(100);
        assertThat(decoded(v13, AlarmsAndWarnings.class)).containsExactly(AlarmsAndWarnings.NOTHING_SET);
        BatteryInfo info13 = decoded(v13, BatteryInfo.class).get(0);
        assertThat(info13.chemistryText()).isEqualTo("LI");
        assertThat(info13.versionMajor()).isEqualTo(1);
        assertThat(info13.versionMinor()).isEqualTo(3);
        assertThat(info13.capacityAh()).as("4 × 74 Ah").isEqualTo(296);

        List<CanFrame> victron = new CanFrameSetGenerator(CanFrameSet.VICTRON).frames(s);
        assertThat(decoded(victron, AlarmsAndWarnings.class)).containsExactly(AlarmsAndWarnings.ALL_CLEARED);
        assertThat(decoded(victron, BatteryInfo.class).get(0).capacityAh()).isEqualTo(296);
        ModuleCounts counts = decoded(victron, ModuleCounts.class).get(0);
        assertThat(List.of(counts.modulesOnline(), counts.modulesBlockingCharge(), counts.modulesBlockingDischarge(),
                counts.modulesOffline())).containsExactly(4, 0, 0, 0);
        CellExtremes extremes = decoded(victron, CellExtremes.class).get(0);
        assertThat(extremes.minCellVoltageMilliVolts()).isEqualTo(minCellMv);
        assertThat(extremes.maxCellVoltageMilliVolts()).isEqualTo(maxCellMv);
        assertThat(extremes.minCellTemperatureKelvin()).isEqualTo(kelvin(minCellT)).isEqualTo(285);
        assertThat(extremes.maxCellTemperatureKelvin()).isEqualTo(kelvin(maxCellT)).isEqualTo(306);
        assertThat(decoded(victron, MinCellVoltageId.class).get(0).text()).isEqualTo("0104");
        assertThat(decoded(victron, MaxCellVoltageId.class).get(0).text()).isEqualTo("0103");
        assertThat(decoded(victron, MinCellTemperatureId.class).get(0).text()).isEqualTo("0104");
        assertThat(decoded(victron, MaxCellTemperatureId.class).get(0).text()).isEqualTo("0102");
        assertThat(decoded(victron, InstalledCapacity.class).get(0).installedCapacityAh()).isEqualTo(296);

        // a module drops out and a protection blocks charging on another: counts, capacity and extremes follow
        bank.setModuleOnline(Banks.M3, false);
        bank.forceProtection(Banks.M0, Protection.CELL_OR_MODULE_OVER_VOLTAGE);
        List<CanFrame> three = new CanFrameSetGenerator(CanFrameSet.VICTRON).frames(bank.snapshot());
        ModuleCounts counts3 = decoded(three, ModuleCounts.class).get(0);
        assertThat(List.of(counts3.modulesOnline(), counts3.modulesBlockingCharge(),
                counts3.modulesBlockingDischarge(), counts3.modulesOffline())).containsExactly(3, 1, 0, 1);
        assertThat(decoded(three, InstalledCapacity.class).get(0).installedCapacityAh()).as("3 × 74 Ah").isEqualTo(222);
        assertThat(decoded(three, BatteryInfo.class).get(0).capacityAh()).isEqualTo(222);
        assertThat(decoded(three, MinCellVoltageId.class).get(0).text()).as("M3 is gone").isNotEqualTo("0104");
        assertThat(decoded(three, MinCellTemperatureId.class).get(0).text()).isNotEqualTo("0104");
        assertThat(decoded(three, CellExtremes.class).get(0).minCellTemperatureKelvin()).isEqualTo(298); // 25 °C
    }

    @Test
    void currentLimitsSaturateAtTheS16Maximum() {
        SimulatedBank big = SimulatedBank.builder(ModulePreset.US5000).groups(6).modulesPerGroup(16)
                .stateOfCharge(50).spread(0, 0).build();
        List<CanFrame> frames = new CanFrameSetGenerator(CanFrameSet.PYLON_V12).frames(big.snapshot());
        ChargeDischargeLimits limits = decoded(frames, ChargeDischargeLimits.class).get(0);
        assertThat(limits.chargeCurrentLimitDeciAmps()).isEqualTo(Short.MAX_VALUE);
        assertThat(limits.dischargeCurrentLimitDeciAmps()).isEqualTo(Short.MAX_VALUE);
    }

    @Test
    void inverterKeepAlivesAreRecorded() {
        inverterSide.send(CanFrame.ofHex(0x305, "21 00 00 00 00 00 00 00"));
        inverterSide.send(CanFrame.ofHex(0x305, "00 00 00 00 00 00 00 00"));
        Awaits.until(() -> simulator.traffic().keepAliveCount() == 2);
        assertThat(simulator.traffic().lastKeepAlive()).contains(CanFrame.ofHex(0x305, "00 00 00 00 00 00 00 00"));
        assertThat(simulator.traffic().lastKeepAliveTime()).isPresent();
    }

    @Test
    void communicationLostSendsNothingUntilRestored() {
        cycle();
        bank.updateFaults(f -> f.withCommunicationLost(true));
        scheduler.advance(Duration.ofSeconds(3));
        assertThat(simulator.traffic().canFramesSent()).isEqualTo(12);
        bank.updateFaults(f -> f.withCommunicationLost(false));
        assertThat(cycle()).hasSize(6);
    }

    /**
     * close() on one thread while a cycle runs on another returns only once that cycle is done, and nothing is sent
     * after it: a test that silences the CAN side (MergedDriverTest) must not see a cycle's frames arrive later.
     */
    @Test
    void closeWaitsForACycleUnderWayAndNothingIsSentAfterIt() throws Exception {
        CountDownLatch inCycle = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        simulator.onCycle(frames -> {
            order.add("cycle sent " + frames.size());
            inCycle.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread cycling = new Thread(() -> scheduler.advance(Duration.ofSeconds(1)), "test-cycle");
        cycling.start();
        assertThat(inCycle.await(10, TimeUnit.SECONDS)).isTrue();
        Thread closing = new Thread(() -> {
            simulator.close();
            order.add("closed");
        }, "test-close");
        closing.start();
        // closing blocks on the cycle under way (or, wrongly, has already returned)
        Awaits.until(() -> closing.getState() == Thread.State.BLOCKED || closing.getState() == Thread.State.TERMINATED);
        order.add("released");
        release.countDown();
        cycling.join(10_000);
        closing.join(10_000);
        assertThat(order).containsExactly("cycle sent 6", "released", "closed");

        long sent = simulator.traffic().canFramesSent();
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(simulator.traffic().canFramesSent()).isEqualTo(sent);
    }

    @Test
    void frozenValuesRepeatIdenticalFramesWhileTheLoadChanges() {
        bank.setCurrent(-50);
        bank.freezeValues();
        List<CanFrame> first = cycle();
        List<CanFrame> later = cycle();
        scheduler.advance(Duration.ofSeconds(60));
        assertThat(later).isEqualTo(first);
        bank.unfreezeValues();
        List<CanFrame> live = cycle();
        assertThat(decoded(live, BatteryMeasurements.class).get(0).currentDeciAmps()).isEqualTo(-500);
        assertThat(live).isNotEqualTo(first);
    }

    @Test
    void secondMasterSendsTwo351sWithDifferentValues() {
        bank.enableSecondMaster(new ChargeLimits(53_250, 45_000, 370, 370));
        List<ChargeDischargeLimits> limits = decoded(cycle(), ChargeDischargeLimits.class);
        assertThat(limits).hasSize(2);
        assertThat(limits).extracting(ChargeDischargeLimits::chargeCurrentLimitDeciAmps).containsExactly(1480, 370);
    }

    @Test
    void moduleDroppingOutLowersCountAndCcl() {
        bank.setModuleOnline(Banks.M3, false);
        List<CanFrame> frames = cycle();
        assertThat(decoded(frames, ProtectionAndAlarmFlags.class).get(0).moduleCount()).isEqualTo(3);
        assertThat(decoded(frames, ChargeDischargeLimits.class).get(0).chargeCurrentLimitDeciAmps()).isEqualTo(1110);
    }

    @Test
    void forcedProtectionAndAlarmSetTheirBitsIn359() {
        bank.forceProtection(Banks.M1, Protection.CELL_OVER_TEMPERATURE);
        bank.forceAlarm(Banks.M2, Alarm.CELL_LOW_TEMPERATURE);
        ProtectionAndAlarmFlags flags = decoded(cycle(), ProtectionAndAlarmFlags.class).get(0);
        assertThat(flags.flags() >>> (8 * Protection.CELL_OVER_TEMPERATURE.canByte()
                + Protection.CELL_OVER_TEMPERATURE.canBit()) & 1).isEqualTo(1);
        assertThat(flags.flags() >>> (8 * Alarm.CELL_LOW_TEMPERATURE.canByte()
                + Alarm.CELL_LOW_TEMPERATURE.canBit()) & 1).isEqualTo(1);
        assertThat(flags.anyProtection()).isTrue();
        assertThat(flags.anyAlarm()).isTrue();
    }

    /** The codec's 0x359 flag for each protection, from the table of docs/protocol.md §1.3.1, not from the simulator. */
    private static Flag flag359(Protection p) {
        return switch (p) {
            case CELL_OR_MODULE_OVER_VOLTAGE -> Flag.CELL_OVER_VOLTAGE_PROTECTION;
            case CELL_OR_MODULE_UNDER_VOLTAGE -> Flag.CELL_UNDER_VOLTAGE_PROTECTION;
            case CELL_OVER_TEMPERATURE -> Flag.CELL_OVER_TEMPERATURE_PROTECTION;
            case CELL_UNDER_TEMPERATURE -> Flag.CELL_UNDER_TEMPERATURE_PROTECTION;
            case DISCHARGE_OVER_CURRENT -> Flag.DISCHARGE_OVER_CURRENT_PROTECTION;
            case CHARGE_OVER_CURRENT -> Flag.CHARGE_OVER_CURRENT_PROTECTION;
            case SYSTEM_ERROR -> Flag.SYSTEM_ERROR_PROTECTION;
        };
    }

    private static Flag flag359(Alarm a) {
        return switch (a) {
            case CELL_OR_MODULE_HIGH_VOLTAGE -> Flag.CELL_HIGH_VOLTAGE_ALARM;
            case CELL_OR_MODULE_LOW_VOLTAGE -> Flag.CELL_LOW_VOLTAGE_ALARM;
            case CELL_HIGH_TEMPERATURE -> Flag.CELL_HIGH_TEMPERATURE_ALARM;
            case CELL_LOW_TEMPERATURE -> Flag.CELL_LOW_TEMPERATURE_ALARM;
            case DISCHARGE_HIGH_CURRENT -> Flag.DISCHARGE_HIGH_CURRENT_ALARM;
            case CHARGE_HIGH_CURRENT -> Flag.CHARGE_HIGH_CURRENT_ALARM;
            case INTERNAL_COMMUNICATION_FAIL -> Flag.INTERNAL_COMMUNICATION_FAIL_ALARM;
        };
    }

    /** The 0x35A item (docs/protocol.md §1.8) a protection (alarm half) or alarm (warning half) belongs to. */
    private static Item item35A(Flag f) {
        return switch (f) {
            case CELL_OVER_VOLTAGE_PROTECTION, CELL_HIGH_VOLTAGE_ALARM -> Item.HIGH_VOLTAGE;
            case CELL_UNDER_VOLTAGE_PROTECTION, CELL_LOW_VOLTAGE_ALARM -> Item.LOW_VOLTAGE;
            case CELL_OVER_TEMPERATURE_PROTECTION, CELL_HIGH_TEMPERATURE_ALARM -> Item.HIGH_TEMPERATURE;
            case CELL_UNDER_TEMPERATURE_PROTECTION, CELL_LOW_TEMPERATURE_ALARM -> Item.LOW_TEMPERATURE;
            case DISCHARGE_OVER_CURRENT_PROTECTION, DISCHARGE_HIGH_CURRENT_ALARM -> Item.HIGH_DISCHARGE_CURRENT;
            case CHARGE_OVER_CURRENT_PROTECTION, CHARGE_HIGH_CURRENT_ALARM -> Item.HIGH_CHARGE_CURRENT;
            case SYSTEM_ERROR_PROTECTION, INTERNAL_COMMUNICATION_FAIL_ALARM -> Item.BMS_INTERNAL;
            default -> throw new AssertionError(f);
        };
    }

    /** 0x35A of the bank's current snapshot in {@code set}, decoded. */
    private AlarmsAndWarnings frame35A(CanFrameSet set) {
        return decoded(new CanFrameSetGenerator(set).frames(bank.snapshot()), AlarmsAndWarnings.class).get(0);
    }

    @ParameterizedTest
    @EnumSource(Protection.class)
    void everyForcedProtectionRaisesExactlyItsFlagIn359AndVictron35AUntilCleared(Protection protection) {
        bank.forceProtection(Banks.M1, protection);
        Flag flag = flag359(protection);
        ProtectionAndAlarmFlags flags = decoded(cycle(), ProtectionAndAlarmFlags.class).get(0);
        assertThat(flags.activeFlags()).containsExactly(flag);
        assertThat(flags.flags()).isEqualTo(flag.mask());
        assertThat(flags.moduleCount()).isEqualTo(4);
        AlarmsAndWarnings victron = frame35A(CanFrameSet.VICTRON);
        assertThat(victron.raisedAlarms()).containsExactly(item35A(flag));
        assertThat(victron.raisedWarnings()).isEmpty();
        assertThat(victron.withAlarm(item35A(flag), AlarmsAndWarnings.PairState.CLEARED))
                .as("every other pair cleared").isEqualTo(AlarmsAndWarnings.ALL_CLEARED);
        assertThat(frame35A(CanFrameSet.PYLON_V13)).as("V1.3 sends 0x35A all zero, as the capture does")
                .isEqualTo(AlarmsAndWarnings.NOTHING_SET);

        bank.clearProtection(Banks.M1, protection);
        assertThat(decoded(cycle(), ProtectionAndAlarmFlags.class).get(0).flags()).isZero();
        assertThat(frame35A(CanFrameSet.VICTRON)).isEqualTo(AlarmsAndWarnings.ALL_CLEARED);
    }

    @ParameterizedTest
    @EnumSource(Alarm.class)
    void everyForcedAlarmRaisesExactlyItsFlagIn359AndVictron35AUntilCleared(Alarm alarm) {
        bank.forceAlarm(Banks.M2, alarm);
        Flag flag = flag359(alarm);
        ProtectionAndAlarmFlags flags = decoded(cycle(), ProtectionAndAlarmFlags.class).get(0);
        assertThat(flags.activeFlags()).containsExactly(flag);
        assertThat(flags.flags()).isEqualTo(flag.mask());
        AlarmsAndWarnings victron = frame35A(CanFrameSet.VICTRON);
        assertThat(victron.raisedWarnings()).containsExactly(item35A(flag));
        assertThat(victron.raisedAlarms()).isEmpty();
        assertThat(victron.withWarning(item35A(flag), AlarmsAndWarnings.PairState.CLEARED))
                .as("every other pair cleared").isEqualTo(AlarmsAndWarnings.ALL_CLEARED);

        bank.clearAlarm(Banks.M2, alarm);
        assertThat(decoded(cycle(), ProtectionAndAlarmFlags.class).get(0).flags()).isZero();
        assertThat(frame35A(CanFrameSet.VICTRON)).isEqualTo(AlarmsAndWarnings.ALL_CLEARED);
    }

    @Test
    void closeStopsTheCycle() {
        cycle();
        simulator.close();
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(simulator.traffic().canFramesSent()).isEqualTo(12);
    }
}

package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.ChargeDischargeManagementRequest;
import io.pylon4j.rs485.Rs485Codec;
import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.rs485.Rs485FrameCodec;
import io.pylon4j.rs485.Rejection;
import io.pylon4j.rs485.ReturnCode;
import io.pylon4j.rs485.Rs485Request;
import io.pylon4j.rs485.SerialNumber;
import io.pylon4j.rs485.SerialNumberRequest;
import io.pylon4j.simulator.BankSnapshot;
import io.pylon4j.simulator.ModuleId;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.ModuleSnapshot;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.Rs485Responder;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.ConnectionState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The RS485 driver against the simulator's battery side: every request the driver writes is answered by the
 * simulator's {@link Rs485Responder} from the simulated bank's snapshot, byte for byte, on a virtual clock. Expected
 * values are read from the simulator's own snapshot, so the driver's aggregation is checked against an independent
 * model of the bank (one group, and an LV-Hub bank of several groups).
 */
class Rs485SimulatedBankTest {

    final ManualClock clock = new ManualClock();
    final ManualScheduler scheduler = new ManualScheduler(clock.source());
    final ManualExecutor executor = new ManualExecutor();
    final Rs485Responder responder = new Rs485Responder();
    final List<String> commands = new ArrayList<>();
    final List<BankEvent> events = new ArrayList<>();
    SimulatedBank bank;
    /** Rewrites a reply of the simulator before it goes on the wire (the request, the reply). */
    BiFunction<Rs485Request, Rs485Frame, Rs485Frame> tamper = (request, reply) -> reply;
    /** While set, the simulated stack answers nothing (switched off, a cable out). */
    boolean mute;
    FakeByteTransport link;
    PylonDriver driver;

    void start(SimulatedBank simulated, UnaryOperator<DriverOptions.Builder> options) {
        bank = simulated;
        link = new FakeByteTransport("fake-serial:sim", bytes -> {
            var request = Rs485FrameCodec.decode(bytes);
            Rs485Request decoded = Rs485Codec.decodeRequest(request);
            commands.add(String.format("%02X@%02X", decoded.command().code(), decoded.address()));
            if (mute) {
                return null;
            }
            return responder.respond(request, bank.snapshot()).map(f -> tamper.apply(decoded, f).encode())
                    .orElse(null);
        });
        driver = PylonDriver.rs485(link, options.apply(DriverOptions.builder("sim").time(clock)
                .scheduler(scheduler).eventExecutor(executor)).build());
        driver.addListener(events::add);
        driver.start();
    }

    void step(Duration d) {
        scheduler.advance(d);
        link.pump();
        executor.runAll();
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    static SimulatedBank.Builder us3000c() {
        return SimulatedBank.builder(ModulePreset.named("US3000C")).stateOfCharge(62);
    }

    @Test
    void oneGroupOfFourReachesTheModelWithBankInfoSerialsVersionsAndCells() {
        start(us3000c().modulesPerGroup(4).build(), b -> b);
        step(Duration.ZERO);

        assertThat(commands).containsExactly("51@02", "47@02", "42@02", "44@02", "92@02",
                "93@02", "96@02", "93@03", "96@03", "93@04", "96@04", "93@05", "96@05");
        BankStatus s = driver.status();
        assertThat(s.supervisionState()).isEqualTo(SupervisionState.FRESH);
        assertThat(s.moduleCount()).hasValue(4);
        // 0x92 of the master is one module's 37 A; the bank's is 4 × 37 A, as the simulator's CAN 0x351 says
        BankSnapshot snap = bank.snapshot();
        assertThat(s.batteryLimits()).hasValueSatisfying(l -> {
            assertThat(l.chargeCurrentLimitAmps()).isEqualTo(snap.limits().chargeCurrentAmps()).isEqualTo(148.0);
            assertThat(l.dischargeCurrentLimitAmps()).isEqualTo(snap.limits().dischargeCurrentAmps());
            assertThat(l.chargeVoltageLimitVolts()).isEqualTo(53.25);
        });
        assertThat(s.measurements().socPercent().getAsDouble()).isCloseTo(62, within(1.0));

        BankInfo info = s.bankInfo().orElseThrow();
        assertThat(info.deviceName()).hasValue("US3000C");
        assertThat(info.manufacturerName()).hasValue(Rs485Responder.MANUFACTURER);
        assertThat(info.softwareVersion()).hasValue("1.0");
        BankInfo.SystemParameters p = info.systemParameters().orElseThrow();
        assertThat(p.dischargeCurrentLimitAmps()).isEqualTo(90.0); // −900 on the wire, a magnitude here
        assertThat(p.cellHighVoltageLimitVolts()).isEqualTo(
                ModulePreset.named("US3000C").systemParameters().cellHighVoltageMillivolts() / 1000.0);

        assertThat(s.modules()).containsOnlyKeys(2, 3, 4, 5);
        for (int adr = 2; adr <= 5; adr++) {
            ModuleDetails d = s.modules().get(adr);
            ModuleSnapshot m = snap.modules().get(adr - 2);
            assertThat(d.serialNumber()).hasValue(String.format("PSIM00%02d00000000", adr - 2));
            assertThat(d.manufacturerVersion()).hasValue("2.3");
            assertThat(d.mainlineVersion()).hasValue("0.6.5");
            assertThat(d.cellVoltagesVolts()).hasSize(15)
                    .isEqualTo(m.cellVoltagesMillivolts().stream().map(mv -> mv / 1000.0).toList());
            assertThat(d.cycles()).hasValue(m.cycles());
            assertThat(d.totalCapacityAh()).hasValue(74.0);
        }
        // only the master was asked 0x92: its own figure is in its details, the slaves have none
        assertThat(s.modules().get(2).chargeCurrentLimitAmps()).hasValue(37.0);
        assertThat(s.modules().get(3).chargeCurrentLimitAmps()).isEmpty();
        assertThat(events).filteredOn(e -> e instanceof BankEvent.BankInfoUpdated).hasSize(2);

        commands.clear();
        step(Duration.ofSeconds(1));
        assertThat(commands).containsExactly("42@02", "44@02", "92@02"); // identity only once
    }

    @Test
    void aGroupOfSixteenCountsEveryModuleButOnlyFourteenHaveAnAddress() {
        start(us3000c().modulesPerGroup(16).build(), b -> b.rs485PerModuleLimits(true));
        step(Duration.ZERO);
        step(Duration.ofSeconds(1));
        BankStatus s = driver.status();
        assertThat(s.moduleCount()).hasValue(16);
        assertThat(s.batteryLimits().orElseThrow().chargeCurrentLimitAmps()).isEqualTo(16 * 37.0);
        assertThat(s.modules().keySet()).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(2, 15).boxed().toList());
        assertThat(commands).doesNotContain("92@10", "92@11", "93@10", "93@11");
        assertThat(driver.counters().rs485Timeouts()).isZero();
    }

    @Test
    void aModuleThatLeavesTakesItsRowAndItsAlarmsWithIt() {
        start(us3000c().modulesPerGroup(3).build(), b -> b);
        bank.forceProtection(ModuleId.of(0, 2), io.pylon4j.simulator.Protection.CELL_OR_MODULE_OVER_VOLTAGE);
        step(Duration.ZERO);
        assertThat(driver.status().modules()).containsOnlyKeys(2, 3, 4);
        assertThat(driver.status().activeAlarms()).as("module 0x04's alarm, from its 0x44").isNotEmpty();
        events.clear();

        bank.setModuleOnline(ModuleId.of(0, 2), false);
        step(Duration.ofSeconds(1));

        assertThat(driver.status().modules()).containsOnlyKeys(2, 3);
        assertThat(driver.status().moduleAge(4, clock.now())).isEmpty();
        assertThat(driver.status().activeAlarms()).isEmpty();
        assertThat(events).filteredOn(e -> e instanceof BankEvent.ModuleLeft)
                .containsExactly(new BankEvent.ModuleLeft("sim", clock.instant(), Source.RS485, 4));
        assertThat(events).anyMatch(e -> e instanceof BankEvent.AlarmCleared);
        assertThat(events.stream().filter(e -> e instanceof BankEvent.ModuleLeft).findFirst().orElseThrow().toJson())
                .isEqualTo("{\"type\":\"MODULE_LEFT\",\"bankId\":\"sim\",\"at\":\"" + clock.instant()
                        + "\",\"source\":\"RS485\",\"address\":4}");
    }

    @Test
    void eachModulesAlarmBlockIsKeptAsSentWithItsAgeAndLeavesWithTheModule() {
        List<io.pylon4j.rs485.AlarmInfo> sent = new ArrayList<>();
        tamper = (request, reply) -> {
            if (request.command() == io.pylon4j.rs485.Command.ALARM_INFO) {
                sent.add((io.pylon4j.rs485.AlarmInfo) Rs485Codec.decodeResponse(request, reply));
            }
            return reply;
        };
        start(us3000c().modulesPerGroup(3).build(), b -> b);
        bank.forceProtection(ModuleId.of(0, 2), io.pylon4j.simulator.Protection.CELL_OR_MODULE_OVER_VOLTAGE);
        step(Duration.ZERO);

        BankStatus s = driver.status();
        io.pylon4j.rs485.AlarmInfo wire = sent.get(sent.size() - 1);
        assertThat(s.moduleAlarms()).containsOnlyKeys(2, 3, 4);
        for (int i = 0; i < 3; i++) {
            io.pylon4j.rs485.ModuleAlarm m = wire.modules().get(i);
            ModuleAlarmStates kept = s.moduleAlarms().get(2 + i);
            assertThat(kept.address()).isEqualTo(2 + i);
            assertThat(kept.cellStates()).containsExactlyElementsOf(
                    java.util.Arrays.stream(m.cellStates()).boxed().toList());
            assertThat(kept.temperatureStates()).containsExactlyElementsOf(
                    java.util.Arrays.stream(m.temperatureStates()).boxed().toList());
            assertThat(List.of(kept.chargeCurrentState(), kept.moduleVoltageState(), kept.dischargeCurrentState(),
                    kept.status1(), kept.status2(), kept.status3(), kept.status4(), kept.status5()))
                    .containsExactly(m.chargeCurrentState(), m.moduleVoltageState(), m.dischargeCurrentState(),
                            m.status1(), m.status2(), m.status3(), m.status4(), m.status5());
            assertThat(kept.stamp().source()).isEqualTo(Source.RS485);
            assertThat(kept.age(clock.now())).isEqualTo(Duration.ZERO);
        }
        assertThat(s.moduleAlarms().get(4).moduleVoltageState()).as("the forced over-voltage").isNotZero();

        bank.setModuleOnline(ModuleId.of(0, 2), false);
        step(Duration.ofSeconds(1));
        assertThat(driver.status().moduleAlarms()).containsOnlyKeys(2, 3);
        assertThat(driver.status().moduleAlarms().get(2).age(clock.now())).isEqualTo(Duration.ZERO);
    }

    @Test
    void aModuleDroppingOutAndComingBackIsReadAgain() {
        start(us3000c().modulesPerGroup(3).build(), b -> b);
        step(Duration.ZERO);
        commands.clear();

        bank.setModuleOnline(ModuleId.of(0, 2), false);
        step(Duration.ofSeconds(1));
        assertThat(driver.status().moduleCount()).hasValue(2);
        assertThat(commands).containsExactly("42@02", "44@02", "92@02", "93@02", "96@02", "93@03", "96@03");
        assertThat(driver.status().batteryLimits().orElseThrow().chargeCurrentLimitAmps()).isEqualTo(74.0);

        commands.clear();
        bank.setModuleOnline(ModuleId.of(0, 2), true); // a replacement: the count changes back
        step(Duration.ofSeconds(1));
        assertThat(commands).containsExactly("42@02", "44@02", "92@02", "93@02", "96@02", "93@03", "96@03",
                "93@04", "96@04");
        assertThat(driver.status().moduleCount()).hasValue(3);
        assertThat(driver.status().modules().get(4).serialNumber()).hasValue("PSIM0002" + "00000000");
    }

    @Test
    void perModuleLimitsAskEveryModuleAndLeaveTheBankLimitAsTheMastersTimesTheCount() {
        start(us3000c().modulesPerGroup(3).build(), b -> b.rs485PerModuleLimits(true));
        step(Duration.ZERO);
        commands.clear();
        bank.setCellTemperature(ModuleId.of(0, 2), 3.0); // a cold slave derates its own figure
        step(Duration.ofSeconds(1));

        assertThat(commands).containsExactly("42@02", "44@02", "92@02", "92@03", "92@04");
        BankSnapshot snap = bank.snapshot();
        BankStatus s = driver.status();
        for (int adr = 2; adr <= 4; adr++) {
            ModuleSnapshot m = snap.modules().get(adr - 2);
            ModuleDetails d = s.modules().get(adr);
            assertThat(d.chargeCurrentLimitAmps()).as("0x%02X", adr).hasValue(m.limits().chargeCurrentAmps());
            assertThat(d.dischargeCurrentLimitAmps()).hasValue(m.limits().dischargeCurrentAmps());
            assertThat(d.chargeVoltageLimitVolts()).hasValue(m.limits().chargeVoltageMillivolts() / 1000.0);
        }
        assertThat(s.modules().get(4).chargeCurrentLimitAmps().getAsDouble())
                .isLessThan(s.modules().get(2).chargeCurrentLimitAmps().getAsDouble());
        // the bank's limit is still the master's figure times the modules (docs/protocol.md §2.5.6), not the slaves' sum
        assertThat(s.batteryLimits().orElseThrow().chargeCurrentLimitAmps())
                .isEqualTo(3 * snap.modules().get(0).limits().chargeCurrentAmps());
    }

    @Test
    void threeGroupsBehindAnLvHubAreOneBank() {
        start(us3000c().groups(3).modulesPerGroup(2).build(), b -> b.rs485Groups(List.of(1, 2, 3)));
        step(Duration.ZERO);

        assertThat(commands).containsExactly("51@12", "47@12",
                "42@12", "44@12", "92@12", "42@22", "44@22", "92@22", "42@32", "44@32", "92@32",
                "93@12", "96@12", "93@13", "96@13", "93@22", "96@22", "93@23", "96@23", "93@32", "96@32",
                "93@33", "96@33");
        BankStatus s = driver.status();
        assertThat(s.moduleCount()).hasValue(6);
        assertThat(s.modules()).containsOnlyKeys(0x12, 0x13, 0x22, 0x23, 0x32, 0x33);
        assertThat(s.modules().values()).extracting(d -> d.serialNumber().orElseThrow()).doesNotHaveDuplicates()
                .contains("PSIM0201" + "00000000");
        assertThat(s.batteryLimits().orElseThrow().chargeCurrentLimitAmps()).isEqualTo(6 * 37.0);
        assertThat(s.bankInfo().orElseThrow().deviceName()).hasValue("US3000C");
        BankSnapshot snap = bank.snapshot();
        assertThat(s.measurements().currentAmps().getAsDouble())
                .isCloseTo(snap.currentDeciAmps() / 10.0, within(0.1 * 6));
        assertThat(s.measurements().voltageVolts().getAsDouble())
                .isCloseTo(snap.voltageMillivolts() / 1000.0, within(0.01));

        commands.clear();
        step(Duration.ofSeconds(1));
        assertThat(commands).containsExactly("42@12", "44@12", "92@12", "42@22", "44@22", "92@22", "42@32",
                "44@32", "92@32");
    }

    @Test
    void groupsCombineSumOfCurrentsLowestChargeVoltageAndEveryEnable() {
        start(us3000c().groups(2).modulesPerGroup(3).build(), b -> b.rs485Groups(List.of(1, 2)));
        step(Duration.ZERO);
        bank.setModuleOnline(ModuleId.of(1, 2), false);   // group 2 has two modules left
        bank.setCellTemperature(ModuleId.of(1, 0), 3.0);  // and a cold master, whose figure is derated
        bank.setStateOfCharge(ModuleId.of(1, 0), 4);      // and asks for a force charge (US3000C: ≤ 5 %)
        step(Duration.ofSeconds(1));

        BankSnapshot snap = bank.snapshot();
        var g1 = snap.group(0).get(0).limits();
        var g2 = snap.group(1).get(0).limits();
        assertThat(g2.chargeCurrentAmps()).isLessThan(g1.chargeCurrentAmps());
        Limits l = driver.status().batteryLimits().orElseThrow();
        assertThat(l.chargeCurrentLimitAmps()).isEqualTo(3 * g1.chargeCurrentAmps() + 2 * g2.chargeCurrentAmps());
        assertThat(l.dischargeCurrentLimitAmps())
                .isEqualTo(3 * g1.dischargeCurrentAmps() + 2 * g2.dischargeCurrentAmps());
        assertThat(l.chargeVoltageLimitVolts()).isEqualTo(
                Math.min(g1.chargeVoltageMillivolts(), g2.chargeVoltageMillivolts()) / 1000.0);
        assertThat(l.dischargeVoltageLimitVolts()).hasValue(
                Math.max(g1.dischargeVoltageMillivolts(), g2.dischargeVoltageMillivolts()) / 1000.0);
        assertThat(driver.status().moduleCount()).hasValue(5);
        RequestFlags flags = driver.status().requestFlags().orElseThrow();
        int g1Flags = snap.group(0).get(0).requests().toByte();
        int g2Flags = snap.group(1).get(0).requests().toByte();
        assertThat(g2Flags & 0x20).as("group 2 asks for force charge I").isNotZero();
        assertThat(g1Flags & 0x20).isZero();
        assertThat(flags.forceChargeI()).isTrue(); // any group asking is enough
        assertThat(flags.chargeEnable()).isEqualTo((g1Flags & g2Flags & 0x80) != 0);
        assertThat(flags.dischargeEnable()).isEqualTo((g1Flags & g2Flags & 0x40) != 0);
    }

    @Test
    void groupsCombineTheLowestChargeVoltageTheHighestCutOffAndEnableOnlyIfAllDo() {
        // the simulator gives every module the same voltage limits: group 2's master is made to differ on the wire
        tamper = (request, reply) -> {
            if (request instanceof ChargeDischargeManagementRequest && request.address() == 0x22) {
                ChargeDischargeManagement c = (ChargeDischargeManagement) Rs485Codec.decodeResponse(request, reply);
                return new ChargeDischargeManagement(c.address(), c.commandValue(), 52_000, 48_500,
                        c.chargeCurrentLimitDeciAmps(), c.dischargeCurrentLimitDeciAmps(), 0x40 | 0x08).toFrame();
            }
            return reply;
        };
        start(us3000c().groups(2).modulesPerGroup(2).build(), b -> b.rs485Groups(List.of(1, 2)));
        step(Duration.ZERO);

        Limits l = driver.status().batteryLimits().orElseThrow();
        assertThat(l.chargeVoltageLimitVolts()).isEqualTo(52.0);        // group 2's, the lower
        assertThat(l.dischargeVoltageLimitVolts()).hasValue(48.5);      // group 2's, the higher
        assertThat(l.chargeCurrentLimitAmps()).isEqualTo(4 * 37.0);
        RequestFlags flags = driver.status().requestFlags().orElseThrow();
        assertThat(flags.chargeEnable()).isFalse();                     // group 2 says stop charging
        assertThat(flags.dischargeEnable()).isTrue();
        assertThat(flags.fullChargeRequest()).isTrue();
        assertThat(driver.status().modules().get(0x22).chargeVoltageLimitVolts()).hasValue(52.0);
        assertThat(driver.status().modules().get(0x12).chargeVoltageLimitVolts()).hasValue(53.25);
    }

    @Test
    void aSilentGroupContributesNothingIsThenOnlyProbedAndIsReadAgainWhenBack() {
        start(us3000c().groups(2).modulesPerGroup(2).build(), b -> b.rs485Groups(List.of(1, 2)));
        step(Duration.ZERO);
        assertThat(driver.status().batteryLimits().orElseThrow().chargeCurrentLimitAmps()).isEqualTo(4 * 37.0);

        bank.setModuleOnline(ModuleId.of(1, 0), false); // group 2's master gone: the whole group is silent
        step(Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) { // group 2's 0x42: 1 + 2 retries of 1 s, each with a 250 ms guard; then silent
            step(Duration.ofMillis(1250));
        }
        assertThat(driver.counters().rs485Timeouts()).isEqualTo(1); // its 0x44 and 0x92 skipped, not waited for
        assertThat(driver.counters().rs485RequestsSkipped()).isEqualTo(2);
        assertThat(driver.status().moduleCount()).hasValue(2);
        assertThat(driver.status().batteryLimits().orElseThrow().chargeCurrentLimitAmps()).isEqualTo(2 * 37.0);

        // from now on group 2 is probed once a cycle (1 s), so group 1's limits stay fresh
        commands.clear();
        long retries = driver.counters().rs485Retries();
        long skipped = driver.counters().rs485RequestsSkipped();
        for (int i = 0; i < 6; i++) {
            step(Duration.ofSeconds(1));
            assertThat(driver.status().supervisionState()).isIn(SupervisionState.RECOVERED, SupervisionState.FRESH);
        }
        assertThat(driver.status().supervisionState()).isEqualTo(SupervisionState.FRESH);
        assertThat(driver.counters().rs485Retries()).isEqualTo(retries);
        assertThat(commands).doesNotContain("44@22", "92@22").contains("42@22", "92@12");
        // each unanswered probe (0x42) drops the group's 0x44 and 0x92 for its cycle, counted; the last probe of
        // the window may still be waiting for its timeout
        long probes = commands.stream().filter("42@22"::equals).count();
        assertThat(driver.counters().rs485RequestsSkipped() - skipped).isBetween(2 * (probes - 1), 2 * probes)
                .isPositive();

        commands.clear();
        bank.setModuleOnline(ModuleId.of(1, 0), true); // back (perhaps swapped): polled in full and read again
        for (int i = 0; i < 3; i++) {
            step(Duration.ofSeconds(1));
        }
        assertThat(commands).contains("44@22", "92@22", "93@22", "96@22", "93@23", "96@23");
        assertThat(driver.status().moduleCount()).hasValue(4);
        assertThat(driver.status().batteryLimits().orElseThrow().chargeCurrentLimitAmps()).isEqualTo(4 * 37.0);
    }

    /** The stack behind the link after a swap: a US5000 bank whose module at address 3 reports a new serial. */
    void swapTheStackForAnotherWithANewSerialAt3() {
        bank = SimulatedBank.builder(ModulePreset.named("US5000")).stateOfCharge(62).modulesPerGroup(4).build();
        tamper = (request, reply) -> request instanceof SerialNumberRequest && request.address() == 3
                ? new SerialNumber(3, 3, "PPTBH0NEW0000003").toFrame() : reply;
    }

    void assertTheNewStackIsKnown() {
        BankStatus s = driver.status();
        assertThat(s.bankInfo().orElseThrow().deviceName()).hasValue("US5000");
        assertThat(s.modules().get(3).serialNumber()).hasValue("PPTBH0NEW0000003");
        assertThat(events).filteredOn(e -> e instanceof BankEvent.BankInfoUpdated u
                && u.info().deviceName().equals(Optional.of("US5000"))).isNotEmpty();
        assertThat(events).filteredOn(e -> e instanceof BankEvent.ModuleDetailsUpdated u
                && u.details().serialNumber().equals(Optional.of("PPTBH0NEW0000003"))).isNotEmpty();
    }

    /**
     * While the link was down another stack may have been plugged in, or a module swapped for one of the same count:
     * after a reconnect the bank info (0x51, 0x47) and every module's serial and version (0x93, 0x96) are read again,
     * once.
     */
    @Test
    void aReconnectReadsBankInfoAndEveryModulesSerialAndVersionAgain() {
        start(us3000c().modulesPerGroup(4).build(), b -> b);
        step(Duration.ZERO);
        commands.clear();
        step(Duration.ofSeconds(1));
        assertThat(commands).containsExactly("42@02", "44@02", "92@02"); // no reason to ask again yet

        link.setState(ConnectionState.WAITING_TO_RECONNECT);
        step(Duration.ofSeconds(1));
        swapTheStackForAnotherWithANewSerialAt3();
        commands.clear();
        events.clear();
        link.setState(ConnectionState.CONNECTED);
        step(Duration.ofSeconds(1));

        assertThat(commands).containsExactly("51@02", "47@02", "42@02", "44@02", "92@02",
                "93@02", "96@02", "93@03", "96@03", "93@04", "96@04", "93@05", "96@05");
        assertTheNewStackIsKnown();
        commands.clear();
        step(Duration.ofSeconds(1));
        assertThat(commands).containsExactly("42@02", "44@02", "92@02");
    }

    /**
     * The same after the bank was LOST and answers again (switched off and on, firmware updated meanwhile): read
     * again in the cycle it answers (as a silent group coming back), and not once more in the next.
     */
    @Test
    void recoveryFromLostReadsBankInfoAndEveryModulesSerialAndVersionAgain() {
        start(us3000c().modulesPerGroup(4).build(), b -> b);
        step(Duration.ZERO);
        mute = true;
        for (int i = 0; i < 12 && driver.status().supervisionState() != SupervisionState.LOST; i++) {
            step(Duration.ofSeconds(1));
        }
        assertThat(driver.status().supervisionState()).isEqualTo(SupervisionState.LOST);

        swapTheStackForAnotherWithANewSerialAt3();
        events.clear();
        commands.clear();
        mute = false;
        for (int i = 0; i < 15 && !commands.contains("96@05"); i++) {
            step(Duration.ofSeconds(1));
        }
        assertThat(driver.status().supervisionState()).isIn(SupervisionState.RECOVERED, SupervisionState.FRESH);
        assertThat(commands).contains("51@02", "47@02", "93@02", "96@02", "93@03", "96@03", "93@04", "96@04",
                "93@05", "96@05");
        assertTheNewStackIsKnown();
        commands.clear();
        step(Duration.ofSeconds(1));
        step(Duration.ofSeconds(1));
        assertThat(commands).containsExactly("42@02", "44@02", "92@02", "42@02", "44@02", "92@02"); // once
    }

    /**
     * A bank that kept answering but gave no limits (its 0x92 refused) goes LOST as well; when its limits come back
     * the next cycle reads its bank info and modules again.
     */
    @Test
    void recoveryFromLostWhileStillAnsweringReadsTheStaticInfoAgainNextCycle() {
        start(us3000c().modulesPerGroup(4).build(), b -> b);
        step(Duration.ZERO);
        tamper = (request, reply) -> request instanceof ChargeDischargeManagementRequest
                ? new Rejection(request.address(), request.command(), ReturnCode.INVALID_COMMAND, new byte[0])
                        .toFrame()
                : reply;
        for (int i = 0; i < 12 && driver.status().supervisionState() != SupervisionState.LOST; i++) {
            step(Duration.ofSeconds(1));
        }
        assertThat(driver.status().supervisionState()).isEqualTo(SupervisionState.LOST);
        assertThat(commands.subList(commands.size() - 3, commands.size()))
                .containsExactly("42@02", "44@02", "92@02"); // never silent: only the limits are missing

        swapTheStackForAnotherWithANewSerialAt3();
        events.clear();
        step(Duration.ofSeconds(1)); // limits again: RECOVERED
        assertThat(driver.status().supervisionState()).isEqualTo(SupervisionState.RECOVERED);
        commands.clear();
        step(Duration.ofSeconds(1));
        assertThat(commands).containsExactly("51@02", "47@02", "42@02", "44@02", "92@02",
                "93@02", "96@02", "93@03", "96@03", "93@04", "96@04", "93@05", "96@05");
        assertTheNewStackIsKnown();
    }

    // --- the plausibility gate, against the simulator with replies rewritten on the wire (checksums by the codec)

    @Test
    void theIssues92OnFourModulesIsNotPublished() {
        // FFFF FFFF 7FFF 8000: 3276.7 A per module would become 13,106.8 A after module scaling
        tamper = (request, reply) -> request instanceof ChargeDischargeManagementRequest
                ? new ChargeDischargeManagement(request.address(), request.address(), 0xFFFF, 0xFFFF, 0x7FFF, -0x8000,
                0xC0).toFrame() : reply;
        start(us3000c().modulesPerGroup(4).build(), b -> b);
        step(Duration.ZERO);

        BankStatus s = driver.status();
        assertThat(s.moduleCount()).hasValue(4);
        assertThat(s.batteryLimits()).isEmpty();
        assertThat(s.publishedLimits().chargeCurrentLimitAmps()).isZero();
        assertThat(s.publishedLimits().chargeCurrentLimitProvenance().source()).isNotEqualTo(LimitSource.BATTERY);
        assertThat(s.publishedLimits().chargeCurrentLimitProvenance().reason())
                .contains("CCL 13106.8 A from the battery is implausible for 4 modules, at most 400 A");
        assertThat(driver.counters().implausibleValues()).isEqualTo(1);
        assertThat(driver.counters().rs485BadFrames()).isZero();
    }

    @Test
    void anImplausibleGroupOfAMergedBankCountsAsNotAnswering() {
        tamper = (request, reply) -> request instanceof ChargeDischargeManagementRequest && request.address() == 0x22
                ? new ChargeDischargeManagement(0x22, 0x22, 0xFFFF, 0xFFFF, 0x7FFF, -0x8000, 0xC0).toFrame() : reply;
        start(us3000c().groups(2).modulesPerGroup(2).build(), b -> b.rs485Groups(List.of(1, 2)));
        step(Duration.ZERO);

        BankStatus s = driver.status();
        assertThat(s.batteryLimits().orElseThrow().chargeCurrentLimitAmps()).isEqualTo(2 * 37.0); // group 1 only
        assertThat(s.batteryLimits().orElseThrow().chargeVoltageLimitVolts()).isEqualTo(53.25);
        assertThat(s.publishedLimits().chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.BATTERY);
        assertThat(driver.counters().implausibleValues()).isEqualTo(1);
    }

    @Test
    void groupsPlausibleAloneButNotTogetherAreNotPublished() {
        // group 2: CVL 44.0 V over its own cut-off of 40.0 V, plausible alone; group 1 cuts off at 45.0 V, so the
        // bank (lowest CVL, highest cut-off) would charge to 44.0 V and cut off at 45.0 V
        tamper = (request, reply) -> {
            if (request instanceof ChargeDischargeManagementRequest && request.address() == 0x22) {
                ChargeDischargeManagement c = (ChargeDischargeManagement) Rs485Codec.decodeResponse(request, reply);
                return new ChargeDischargeManagement(c.address(), c.commandValue(), 44_000, 40_000,
                        c.chargeCurrentLimitDeciAmps(), c.dischargeCurrentLimitDeciAmps(), c.status()).toFrame();
            }
            return reply;
        };
        start(us3000c().groups(2).modulesPerGroup(2).build(), b -> b.rs485Groups(List.of(1, 2)));
        step(Duration.ZERO);

        BankStatus s = driver.status();
        assertThat(s.batteryLimits()).isEmpty();
        assertThat(s.publishedLimits().chargeVoltageLimitProvenance().reason())
                .contains("CVL 44 V from the battery is implausible: not above the discharge voltage limit 45 V");
        assertThat(driver.counters().implausibleValues()).isEqualTo(1);
    }

    @Test
    void an47WithInvalidWireValuesIsNotTaken() {
        tamper = (request, reply) -> {
            if (request instanceof io.pylon4j.rs485.SystemParametersRequest) {
                var p = (io.pylon4j.rs485.SystemParameters) Rs485Codec.decodeResponse(request, reply);
                // cell limits signed (0x8000 "invalid"), module limits unsigned (0xFFFF), currents signed
                return new io.pylon4j.rs485.SystemParameters(p.address(), p.infoFlag(), -0x8000, -0x8000, -0x8000,
                        p.chargeHighTemperatureLimitDeciKelvin(), p.chargeLowTemperatureLimitDeciKelvin(), 0x7FFF,
                        0xFFFF, 0xFFFF, 0xFFFF, p.dischargeHighTemperatureLimitDeciKelvin(),
                        p.dischargeLowTemperatureLimitDeciKelvin(), -0x8000).toFrame();
            }
            return reply;
        };
        start(us3000c().modulesPerGroup(2).build(), b -> b);
        step(Duration.ZERO);

        BankStatus s = driver.status();
        assertThat(s.bankInfo().orElseThrow().deviceName()).hasValue("US3000C"); // 0x51 taken
        assertThat(s.bankInfo().orElseThrow().systemParameters()).isEmpty();    // 0x47 not
        assertThat(driver.counters().implausibleValues()).isEqualTo(1);
    }
}

package io.pylon4j.simulator.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.rs485.AlarmInfo;
import io.pylon4j.rs485.AlarmInfoRequest;
import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.AnalogValuesRequest;
import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.ChargeDischargeManagementRequest;
import io.pylon4j.rs485.ChecksumMismatchException;
import io.pylon4j.rs485.ManufacturerInfo;
import io.pylon4j.rs485.ManufacturerInfoRequest;
import io.pylon4j.rs485.ModuleAlarm;
import io.pylon4j.rs485.ModuleAnalog;
import io.pylon4j.rs485.PackQuantity;
import io.pylon4j.rs485.PackQuantityRequest;
import io.pylon4j.rs485.ProtocolVersion;
import io.pylon4j.rs485.ProtocolVersionRequest;
import io.pylon4j.rs485.ReadResult;
import io.pylon4j.rs485.Rejection;
import io.pylon4j.rs485.ReturnCode;
import io.pylon4j.rs485.Rs485Codec;
import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.rs485.Rs485FrameReader;
import io.pylon4j.rs485.Rs485Request;
import io.pylon4j.rs485.Rs485Response;
import io.pylon4j.rs485.SerialNumber;
import io.pylon4j.rs485.SerialNumberRequest;
import io.pylon4j.rs485.SoftwareVersion;
import io.pylon4j.rs485.SoftwareVersionRequest;
import io.pylon4j.rs485.SystemAlarm;
import io.pylon4j.rs485.SystemAlarmFlag;
import io.pylon4j.rs485.SystemAlarmRequest;
import io.pylon4j.rs485.SystemAnalog;
import io.pylon4j.rs485.SystemAnalogRequest;
import io.pylon4j.rs485.SystemChargeDischargeManagement;
import io.pylon4j.rs485.SystemChargeDischargeManagementRequest;
import io.pylon4j.rs485.SystemParameters;
import io.pylon4j.rs485.SystemParametersRequest;
import io.pylon4j.rs485.TurnOffRequest;
import io.pylon4j.simulator.Alarm;
import io.pylon4j.simulator.Protection;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.virtual.VirtualByteLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The RS485 front end on a virtual link, polled and decoded with the project's RS485 codec. */
class Rs485FrontEndTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final VirtualByteLink link = new VirtualByteLink("rs485-simfront-test");
    private final Rs485FrameReader clientReader = new Rs485FrameReader();
    private final List<ReadResult> results = new CopyOnWriteArrayList<>();
    private ByteStreamTransport client;
    private SimulatedBank bank;
    private Rs485BatterySimulator simulator;

    @BeforeEach
    void setUp() throws Exception {
        ByteStreamTransport battery = link.a();
        client = link.b();
        battery.open().toCompletableFuture().get();
        client.open().toCompletableFuture().get();
        client.addByteListener((buf, off, len, t) -> {
            synchronized (clientReader) {
                clientReader.push(buf, off, len, results::add);
            }
        });
        bank = Banks.us3000c(4, 62);
        simulator = new Rs485BatterySimulator(bank, battery, scheduler, new ReceivedTraffic());
        simulator.start();
    }

    @AfterEach
    void tearDown() {
        simulator.close();
        link.a().close();
        client.close();
    }

    /** Sends a request and waits until the simulator has handled it (answered or not). */
    private void send(Rs485Frame request) {
        long before = simulator.traffic().rs485RequestCount();
        client.write(request.encode());
        Awaits.until(() -> simulator.traffic().rs485RequestCount() > before);
    }

    private ReadResult next() {
        Awaits.until(() -> !results.isEmpty());
        return results.remove(0);
    }

    private void awaitReplies(long count) {
        Awaits.until(() -> simulator.traffic().rs485ReplyCount() >= count);
    }

    private Rs485Response poll(Rs485Request request) {
        send(request.toFrame());
        ReadResult r = next();
        assertThat(r).isInstanceOf(ReadResult.Frame.class);
        return Rs485Codec.decodeResponse(request, ((ReadResult.Frame) r).frame());
    }

    /** Sends 0x4F to 0x02 and returns the next read result, after the replies to everything before. */
    private ReadResult poll0x02() {
        send(new ProtocolVersionRequest(0x02).toFrame());
        return next();
    }

    @Test
    void answersAFullPollOfTheStackAndEveryModule() {
        assertThat(poll(new ProtocolVersionRequest(0x02))).isInstanceOf(ProtocolVersion.class);
        ManufacturerInfo info = (ManufacturerInfo) poll(new ManufacturerInfoRequest(0x02));
        assertThat(info.deviceName().trim()).isEqualTo("US3000C");
        SystemParameters p = (SystemParameters) poll(new SystemParametersRequest(0x02));
        assertThat(p.cellHighVoltageLimitMilliVolts()).isEqualTo(3650);
        assertThat(p.chargeHighTemperatureLimitDeciKelvin()).isEqualTo(600 + 2731);
        assertThat(p.dischargeCurrentLimitDeciAmps()).isEqualTo(-900);
        AnalogValues stack = (AnalogValues) poll(AnalogValuesRequest.wholeStack(0));
        assertThat(stack.modules()).hasSize(4);
        assertThat(stack.modules().get(0).cellCount()).isEqualTo(15);
        assertThat(stack.modules().get(0).userDefinedCount()).isEqualTo(4); // 74 Ah > 65 Ah
        assertThat(stack.modules().get(0).totalCapacityMilliAmpHours()).isEqualTo(74_000);
        for (int adr = 0x02; adr <= 0x05; adr++) {
            AnalogValues one = (AnalogValues) poll(AnalogValuesRequest.of(adr));
            assertThat(one.modules()).hasSize(1);
            assertThat(one.modules().get(0).voltageMilliVolts())
                    .isEqualTo(bank.snapshot().modules().get(adr - 2).voltageMillivolts());
            ChargeDischargeManagement cdm = (ChargeDischargeManagement) poll(ChargeDischargeManagementRequest.of(adr));
            assertThat(cdm.chargeVoltageLimitMilliVolts()).isEqualTo(53_250);
            assertThat(cdm.chargeCurrentLimitDeciAmps()).isEqualTo(370);
            assertThat(cdm.dischargeCurrentLimitDeciAmps()).isEqualTo(-370); // negative on RS485
            assertThat(cdm.chargeEnable()).isTrue();
            assertThat(((SerialNumber) poll(SerialNumberRequest.of(adr))).serialNumber()).hasSize(16);
            assertThat(((SoftwareVersion) poll(SoftwareVersionRequest.of(adr))).manufacturerVersionText())
                    .isEqualTo("2.3");
        }
        AlarmInfo alarms = (AlarmInfo) poll(AlarmInfoRequest.wholeStack(0));
        assertThat(alarms.modules()).hasSize(4);
        assertThat(alarms.modules().get(0).status2() & 0x06).isEqualTo(0x06); // both MOSFETs on
        assertThat(((PackQuantity) poll(new PackQuantityRequest(0x02))).packCount()).isEqualTo(4);
        assertThat(((SystemAnalog) poll(new SystemAnalogRequest(0x02))).stateOfChargePercent()).isEqualTo(62);
        assertThat(poll(new SystemAlarmRequest(0x02))).isInstanceOf(SystemAlarm.class);
        // 0x60: the 0x51 name and each online module's 0x93 serial, in address order
        var basic = (io.pylon4j.rs485.SystemBasicInfo) poll(new io.pylon4j.rs485.SystemBasicInfoRequest(0x02));
        assertThat(basic.deviceName()).isEqualTo(((ManufacturerInfo) poll(new ManufacturerInfoRequest(0x02)))
                .deviceName());
        assertThat(basic.serialNumbers()).hasSize(4).doesNotHaveDuplicates()
                .startsWith(((SerialNumber) poll(SerialNumberRequest.of(0x02))).serialNumber());
        SystemChargeDischargeManagement sys =
                (SystemChargeDischargeManagement) poll(new SystemChargeDischargeManagementRequest(0x02));
        assertThat(sys.chargeCurrentLimitDeciAmps()).isEqualTo(1480);
    }

    @Test
    void unknownCommandIsRejectedWithRtn04AndWrongAddressIsSilent() {
        send(Rs485Frame.of(0x20, 0x02, 0x46, 0x4D));
        ReadResult r = next();
        assertThat(((ReadResult.Frame) r).frame().cid2OrRtn()).isEqualTo(ReturnCode.INVALID_COMMAND.code());
        send(AnalogValuesRequest.of(0x09).toFrame()); // only 4 modules: 0x02..0x05
        send(AnalogValuesRequest.of(0x02).toFrame());
        ReadResult after = next();
        assertThat(((ReadResult.Frame) after).frame().address()).isEqualTo(0x02);
        awaitReplies(2);
        assertThat(simulator.traffic().rs485ReplyCount()).isEqualTo(2);
        assertThat(results).isEmpty();
    }

    @Test
    void controlCommandsAreAcknowledgedAndRecorded() {
        assertThat(poll(TurnOffRequest.of(0x03))).isNotInstanceOf(Rejection.class);
        assertThat(simulator.traffic().rs485Requests(0x95)).hasSize(1);
    }

    @Test
    void communicationLostAnswersNothing() {
        bank.updateFaults(f -> f.withCommunicationLost(true));
        send(AnalogValuesRequest.wholeStack(0).toFrame());
        assertThat(simulator.traffic().rs485ReplyCount()).isZero();
        bank.updateFaults(f -> f.withCommunicationLost(false));
        assertThat(poll(AnalogValuesRequest.wholeStack(0))).isInstanceOf(AnalogValues.class);
        awaitReplies(1);
        assertThat(simulator.traffic().rs485ReplyCount()).isEqualTo(1);
        assertThat(results).isEmpty();
    }

    @Test
    void corruptedChecksumIsReportedByTheClientsReader() {
        bank.updateFaults(f -> f.withCorruptChecksums(true));
        send(ProtocolVersionRequest.class.cast(new ProtocolVersionRequest(0x02)).toFrame());
        ReadResult r = next();
        assertThat(r).isInstanceOf(ReadResult.Failure.class);
        assertThat(((ReadResult.Failure) r).error()).isInstanceOf(ChecksumMismatchException.class);
    }

    @Test
    void noiseBytesAreDiscardedAndTheFrameStillArrives() {
        bank.updateFaults(f -> f.withNoiseBytes(37));
        Rs485Request request = ChargeDischargeManagementRequest.of(0x02);
        send(request.toFrame());
        ReadResult r;
        do {
            r = next();
        } while (r instanceof ReadResult.Failure);
        assertThat(Rs485Codec.decodeResponse(request, ((ReadResult.Frame) r).frame()))
                .isInstanceOf(ChargeDischargeManagement.class);
        synchronized (clientReader) {
            assertThat(clientReader.counters().bytesDiscarded()).isEqualTo(37);
        }
    }

    @Test
    void lateReplyComesNotBeforeTheDelayOnTheVirtualClock() {
        bank.updateFaults(f -> f.withReplyDelay(Duration.ofMillis(800)));
        send(new ProtocolVersionRequest(0x02).toFrame());
        scheduler.advance(Duration.ofMillis(799));
        assertThat(simulator.traffic().rs485ReplyCount()).isZero();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(simulator.traffic().rs485ReplyCount()).isEqualTo(1);
        assertThat(next()).isInstanceOf(ReadResult.Frame.class);
    }

    @Test
    void baudMismatchGivesTheClientGarbageAndNoFrame() {
        bank.updateFaults(f -> f.withBaudMismatch(true));
        send(AnalogValuesRequest.wholeStack(0).toFrame());
        awaitReplies(1);
        Awaits.until(() -> {
            synchronized (clientReader) {
                return clientReader.counters().bytesReceived() > 0
                        && clientReader.counters().bytesReceived() == clientReader.counters().bytesDiscarded()
                        + clientReader.counters().bytesPending();
            }
        });
        synchronized (clientReader) {
            clientReader.endOfInput(results::add);
        }
        assertThat(results).noneMatch(r -> r instanceof ReadResult.Frame);
        synchronized (clientReader) {
            assertThat(clientReader.counters().frames()).isZero();
        }
    }

    @Test
    void moduleDroppingOutFallsSilentAndLeavesTheStackReply() {
        bank.setModuleOnline(Banks.M3, false);
        assertThat(((AnalogValues) poll(AnalogValuesRequest.wholeStack(0))).modules()).hasSize(3);
        send(AnalogValuesRequest.of(0x05).toFrame());
        assertThat(((ReadResult.Frame) (poll0x02())).frame().address()).isEqualTo(0x02);
        awaitReplies(2); // the counter follows the write the client has already seen
        assertThat(simulator.traffic().rs485ReplyCount()).isEqualTo(2);
        assertThat(results).isEmpty();
    }

    @Test
    void socDivergenceShowsInTheStackReply() {
        bank.setStateOfCharge(Banks.M2, 20);
        List<ModuleAnalog> modules = ((AnalogValues) poll(AnalogValuesRequest.wholeStack(0))).modules();
        assertThat(modules.get(2).remainingCapacityMilliAmpHours())
                .isLessThan(modules.get(0).remainingCapacityMilliAmpHours());
        assertThat(modules.get(2).remainingCapacityMilliAmpHours()).isEqualTo(14_800);
        assertThat(modules.get(0).remainingCapacityMilliAmpHours()).isEqualTo(45_880);
    }

    @Test
    void forcedProtectionSetsStatus1In44() {
        bank.forceProtection(Banks.M1, Protection.DISCHARGE_OVER_CURRENT);
        AlarmInfo alarms = (AlarmInfo) poll(AlarmInfoRequest.wholeStack(0));
        assertThat(alarms.modules().get(1).status1() & 0x10).isEqualTo(0x10);
        assertThat(alarms.modules().get(0).status1()).isZero();
    }

    /**
     * The abnormal state bytes of one 0x44 block, as text: "cell 02 x1" (one cell above its upper limit),
     * "temperature 01 x1", "module voltage 02", "charge current 02", "discharge current 02".
     */
    private static List<String> abnormal(ModuleAlarm b) {
        List<String> out = new ArrayList<>();
        counted(out, "cell", b.cellStates());
        counted(out, "temperature", b.temperatureStates());
        single(out, "charge current", b.chargeCurrentState());
        single(out, "module voltage", b.moduleVoltageState());
        single(out, "discharge current", b.dischargeCurrentState());
        return out;
    }

    private static void counted(List<String> out, String what, int[] states) {
        for (int code : new int[] {0x01, 0x02, 0xF0}) {
            long n = Arrays.stream(states).filter(x -> x == code).count();
            if (n > 0) {
                out.add(String.format("%s %02X x%d", what, code, n));
            }
        }
    }

    private static void single(List<String> out, String what, int state) {
        if (state != 0) {
            out.add(String.format("%s %02X", what, state));
        }
    }

    /** The 0x44 state bytes a condition shows in, per docs/protocol.md §2.5.4 (0x01 below the lower limit, 0x02 above). */
    private static List<String> expectedStates(String condition) {
        return switch (condition) {
            case "high voltage" -> List.of("cell 02 x1", "module voltage 02");
            case "low voltage" -> List.of("cell 01 x1", "module voltage 01");
            case "high temperature" -> List.of("temperature 02 x1");
            case "low temperature" -> List.of("temperature 01 x1");
            case "charge current" -> List.of("charge current 02");
            case "discharge current" -> List.of("discharge current 02");
            default -> List.of(); // system error, internal communication fail: no 0x44 field
        };
    }

    private static String condition(Protection p) {
        return switch (p) {
            case CELL_OR_MODULE_OVER_VOLTAGE -> "high voltage";
            case CELL_OR_MODULE_UNDER_VOLTAGE -> "low voltage";
            case CELL_OVER_TEMPERATURE -> "high temperature";
            case CELL_UNDER_TEMPERATURE -> "low temperature";
            case CHARGE_OVER_CURRENT -> "charge current";
            case DISCHARGE_OVER_CURRENT -> "discharge current";
            case SYSTEM_ERROR -> "none";
        };
    }

    private static String condition(Alarm a) {
        return switch (a) {
            case CELL_OR_MODULE_HIGH_VOLTAGE -> "high voltage";
            case CELL_OR_MODULE_LOW_VOLTAGE -> "low voltage";
            case CELL_HIGH_TEMPERATURE -> "high temperature";
            case CELL_LOW_TEMPERATURE -> "low temperature";
            case CHARGE_HIGH_CURRENT -> "charge current";
            case DISCHARGE_HIGH_CURRENT -> "discharge current";
            case INTERNAL_COMMUNICATION_FAIL -> "none";
        };
    }

    /** 0x44 Status1 for a protection (docs/protocol.md §2.5.4): b0 module over-voltage, b1 cell / b7 module under-voltage, … */
    private static int status1(Protection p) {
        return switch (p) {
            case CELL_OR_MODULE_OVER_VOLTAGE -> 0x01;
            case CELL_OR_MODULE_UNDER_VOLTAGE -> 0x82;
            case CHARGE_OVER_CURRENT -> 0x04;
            case DISCHARGE_OVER_CURRENT -> 0x10;
            case CELL_OVER_TEMPERATURE -> 0x60; // charge and discharge over-temperature
            case CELL_UNDER_TEMPERATURE, SYSTEM_ERROR -> 0x00; // Status1 has no bit for these
        };
    }

    /** The 0x62 flags (codec's emulator layout, docs/protocol.md §2.5.12) of a condition, for the protection or warning byte. */
    private static Set<SystemAlarmFlag> systemFlags(String condition, boolean protection) {
        return switch (condition) {
            case "high voltage" -> EnumSet.of(SystemAlarmFlag.CELL_OVER_VOLTAGE, SystemAlarmFlag.PACK_OVER_VOLTAGE);
            case "low voltage" -> EnumSet.of(SystemAlarmFlag.CELL_UNDER_VOLTAGE, SystemAlarmFlag.PACK_UNDER_VOLTAGE);
            case "high temperature" -> EnumSet.of(SystemAlarmFlag.CELL_OVER_TEMPERATURE);
            case "low temperature" -> EnumSet.of(SystemAlarmFlag.CELL_UNDER_TEMPERATURE);
            case "charge current" -> EnumSet.of(SystemAlarmFlag.CHARGE_OVER_CURRENT);
            case "discharge current" -> EnumSet.of(SystemAlarmFlag.DISCHARGE_OVER_CURRENT);
            default -> EnumSet.of(protection ? SystemAlarmFlag.OTHER_FAILURE
                    : SystemAlarmFlag.INTERNAL_COMMUNICATION_FAILURE);
        };
    }

    private void assertAllNormal(List<ModuleAlarm> blocks) {
        for (ModuleAlarm b : blocks) {
            assertThat(abnormal(b)).isEmpty();
            assertThat(b.status1()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Protection.class)
    void everyForcedProtectionShowsIn44And62UntilCleared(Protection protection) {
        bank.forceProtection(Banks.M1, protection);
        List<ModuleAlarm> blocks = ((AlarmInfo) poll(AlarmInfoRequest.wholeStack(0))).modules();
        assertThat(abnormal(blocks.get(1))).containsExactlyElementsOf(expectedStates(condition(protection)));
        assertThat(blocks.get(1).status1()).isEqualTo(status1(protection));
        assertAllNormal(List.of(blocks.get(0), blocks.get(2), blocks.get(3)));
        ModuleAlarm single = ((AlarmInfo) poll(AlarmInfoRequest.of(0x03))).modules().get(0);
        assertThat(abnormal(single)).as("the module's own 0x44").isEqualTo(abnormal(blocks.get(1)));
        SystemAlarm system = (SystemAlarm) poll(new SystemAlarmRequest(0x02));
        assertThat(system.protections()).isEqualTo(systemFlags(condition(protection), true));
        assertThat(system.warnings()).isEmpty();

        bank.clearProtection(Banks.M1, protection);
        assertAllNormal(((AlarmInfo) poll(AlarmInfoRequest.wholeStack(0))).modules());
        SystemAlarm cleared = (SystemAlarm) poll(new SystemAlarmRequest(0x02));
        assertThat(cleared.protections()).isEmpty();
        assertThat(cleared.warnings()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Alarm.class)
    void everyForcedAlarmShowsIn44And62UntilCleared(Alarm alarm) {
        bank.forceAlarm(Banks.M2, alarm);
        List<ModuleAlarm> blocks = ((AlarmInfo) poll(AlarmInfoRequest.wholeStack(0))).modules();
        assertThat(abnormal(blocks.get(2))).containsExactlyElementsOf(expectedStates(condition(alarm)));
        assertThat(blocks.get(2).status1()).as("an alarm is no protection").isZero();
        assertAllNormal(List.of(blocks.get(0), blocks.get(1), blocks.get(3)));
        SystemAlarm system = (SystemAlarm) poll(new SystemAlarmRequest(0x02));
        assertThat(system.warnings()).isEqualTo(systemFlags(condition(alarm), false));
        assertThat(system.protections()).isEmpty();

        bank.clearAlarm(Banks.M2, alarm);
        assertAllNormal(((AlarmInfo) poll(AlarmInfoRequest.wholeStack(0))).modules());
        SystemAlarm cleared = (SystemAlarm) poll(new SystemAlarmRequest(0x02));
        assertThat(cleared.protections()).isEmpty();
        assertThat(cleared.warnings()).isEmpty();
    }

    @Test
    void frozenValuesGiveIdenticalStackRepliesAcrossALoadChangeUntilUnfrozen() {
        Rs485Request stack = AnalogValuesRequest.wholeStack(0);
        bank.freezeValues();
        send(stack.toFrame());
        Rs485Frame first = ((ReadResult.Frame) next()).frame();
        bank.setCurrent(-50);
        bank.advance(Duration.ofMinutes(30)); // SOC falls by about 8 % behind the frozen values
        send(stack.toFrame());
        Rs485Frame frozen = ((ReadResult.Frame) next()).frame();
        assertThat(frozen.infoHex()).isEqualTo(first.infoHex());

        bank.unfreezeValues();
        send(stack.toFrame());
        Rs485Frame live = ((ReadResult.Frame) next()).frame();
        assertThat(live.infoHex()).isNotEqualTo(first.infoHex());
        List<ModuleAnalog> modules = ((AnalogValues) Rs485Codec.decodeResponse(stack, live)).modules();
        assertThat(modules).extracting(ModuleAnalog::currentDeciAmps).containsOnly(-125); // 50 A over 4 modules
        List<ModuleAnalog> before = ((AnalogValues) Rs485Codec.decodeResponse(stack, first)).modules();
        assertThat(modules.get(0).remainingCapacityMilliAmpHours())
                .isLessThan(before.get(0).remainingCapacityMilliAmpHours());
    }
}

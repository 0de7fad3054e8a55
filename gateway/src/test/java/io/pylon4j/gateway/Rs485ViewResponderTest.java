package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.BankInfo;
import io.pylon4j.driver.FieldStamp;
import io.pylon4j.driver.ModuleAlarmStates;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.Source;
import io.pylon4j.rs485.AlarmInfo;
import io.pylon4j.rs485.AlarmInfoRequest;
import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.ChargeDischargeManagementRequest;
import io.pylon4j.rs485.Command;
import io.pylon4j.rs485.ManufacturerInfoRequest;
import io.pylon4j.rs485.ModuleAlarm;
import io.pylon4j.rs485.ReturnCode;
import io.pylon4j.rs485.Rs485Codec;
import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.rs485.Rs485Request;
import io.pylon4j.rs485.Rs485Response;
import io.pylon4j.rs485.SerialNumberRequest;
import io.pylon4j.rs485.SystemAlarm;
import io.pylon4j.rs485.SystemAlarmFlag;
import io.pylon4j.rs485.SystemAlarmRequest;
import io.pylon4j.rs485.SystemBasicInfo;
import io.pylon4j.rs485.SystemBasicInfoRequest;
import io.pylon4j.rs485.SystemChargeDischargeManagement;
import io.pylon4j.rs485.SystemChargeDischargeManagementRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The responder's rules, one per test, on views built by hand: what it answers from, and what it refuses. */
class Rs485ViewResponderTest {

    private final Rs485ViewResponder responder = new Rs485ViewResponder();

    private static BankView withModule() {
        ModuleDetails m = ModuleDetails.builder(2).serialNumber("PPTBH0212").build();
        return Views.fresh().withDetails(new BankDetails(Map.of(2, m), Map.of(2, Duration.ZERO), Optional.empty()));
    }

    private Rs485Response ask(Rs485Request request, BankView v) {
        Rs485Frame reply = responder.respond(request.toFrame(), v).orElseThrow();
        return Rs485Codec.decodeResponse(request, reply);
    }

    private int rtn(Rs485Frame request, BankView v) {
        return responder.respond(request, v).orElseThrow().cid2OrRtn();
    }

    @Test
    void anUnknownCommandGetsRtn04() {
        assertThat(rtn(Rs485Frame.of(Rs485Frame.PYLONTECH_VERSION, 2, Command.CID1, 0x4A), withModule()))
                .isEqualTo(ReturnCode.INVALID_COMMAND.code());
    }

    @Test
    void alarmInfoWithoutTheModulesBlocksAndControlsAreNeverAnsweredWithMadeUpStates() {
        assertThat(rtn(new AlarmInfoRequest(2, 0xFF).toFrame(), withModule()))
                .isEqualTo(ReturnCode.INTERNAL_COMMUNICATION_ERROR.code());
        assertThat(rtn(new AlarmInfoRequest(2, 2).toFrame(), withModule()))
                .isEqualTo(ReturnCode.INTERNAL_COMMUNICATION_ERROR.code());
        assertThat(rtn(Rs485Frame.of(Rs485Frame.PYLONTECH_VERSION, 2, Command.CID1, 0x95, (byte) 2), withModule()))
                .isEqualTo(ReturnCode.INVALID_COMMAND.code());
    }

    static ModuleAlarmStates block(int address, int status1) {
        return new ModuleAlarmStates(address, List.of(0, 0, 2, 0), List.of(0, 1, 0, 0, 0, 0xF0), 0, 2, 0, status1,
                0x0E, 0x80, 0x04, 0x01, new FieldStamp(Instant.EPOCH, Source.RS485, 0));
    }

    private static BankView withBlocks(Map<Integer, ModuleAlarmStates> blocks) {
        ModuleDetails m = ModuleDetails.builder(2).build();
        return Views.fresh().withDetails(new BankDetails(Map.of(2, m), Map.of(2, Duration.ZERO), Optional.empty(),
                blocks));
    }

    @Test
    void alarmInfoIsEachModulesBlockByteForByte() {
        BankView v = withBlocks(Map.of(2, block(2, 0x81), 3, block(3, 0), 0x12, block(0x12, 0x02)));

        var stack = (AlarmInfo) ask(new AlarmInfoRequest(2, 0xFF), v);
        assertThat(stack.modules()).as("group 0 only, ascending").containsExactly(
                AlarmInfoReplies.block(block(2, 0x81)), AlarmInfoReplies.block(block(3, 0)));
        ModuleAlarm first = stack.modules().get(0);
        assertThat(first.cellStates()).containsExactly(0, 0, 2, 0);
        assertThat(first.temperatureStates()).containsExactly(0, 1, 0, 0, 0, 0xF0);
        assertThat(List.of(first.chargeCurrentState(), first.moduleVoltageState(), first.dischargeCurrentState(),
                first.status1(), first.status2(), first.status3(), first.status4(), first.status5()))
                .containsExactly(0, 2, 0, 0x81, 0x0E, 0x80, 0x04, 0x01);

        var one = (AlarmInfo) ask(new AlarmInfoRequest(3, 3), v);
        assertThat(one.modules()).containsExactly(AlarmInfoReplies.block(block(3, 0)));
        var group1 = (AlarmInfo) ask(new AlarmInfoRequest(0x12, 0xFF), v);
        assertThat(group1.modules()).containsExactly(AlarmInfoReplies.block(block(0x12, 0x02)));
    }

    @Test
    void alarmInfoIsRefusedWhenAModuleOfTheStackHasNoBlockOrTheViewIsNotFresh() {
        ModuleDetails two = ModuleDetails.builder(2).build();
        ModuleDetails three = ModuleDetails.builder(3).build();
        BankView oneMissing = Views.fresh().withDetails(new BankDetails(Map.of(2, two, 3, three),
                Map.of(2, Duration.ZERO, 3, Duration.ZERO), Optional.empty(), Map.of(2, block(2, 0))));
        assertThat(rtn(new AlarmInfoRequest(2, 0xFF).toFrame(), oneMissing))
                .isEqualTo(ReturnCode.INTERNAL_COMMUNICATION_ERROR.code());
        assertThat(ask(new AlarmInfoRequest(2, 2), oneMissing)).isInstanceOf(AlarmInfo.class);

        BankView failSafe = withBlocks(Map.of(2, block(2, 0))).failSafe("stale");
        assertThat(rtn(new AlarmInfoRequest(2, 0xFF).toFrame(), failSafe))
                .isEqualTo(ReturnCode.INTERNAL_COMMUNICATION_ERROR.code());
    }

    @Test
    void systemAnalogIsRefusedWithRtn04() {
        assertThat(rtn(new io.pylon4j.rs485.SystemAnalogRequest(2).toFrame(), withBlocks(Map.of(2, block(2, 0)))))
                .isEqualTo(ReturnCode.INVALID_COMMAND.code());
    }

    /** Four modules in two groups (the count {@link Views#fresh()} says), each with a serial number. */
    private static BankView withIdentity(BankInfo info, Map<Integer, String> serials) {
        Map<Integer, ModuleDetails> modules = new java.util.TreeMap<>();
        Map<Integer, Duration> ages = new java.util.TreeMap<>();
        for (int address : List.of(0x13, 2, 0x12, 3)) {
            ModuleDetails.Builder b = ModuleDetails.builder(address);
            if (serials.containsKey(address)) {
                b.serialNumber(serials.get(address));
            }
            modules.put(address, b.build());
            ages.put(address, Duration.ofSeconds(1));
        }
        return Views.fresh().withDetails(new BankDetails(modules, ages, Optional.of(info)));
    }

    private static final BankInfo US5000 = BankInfo.ofManufacturerInfo("US5000", "PYLON", "1.2");
    private static final Map<Integer, String> SERIALS = Map.of(2, "PPTAH0001", 3, "PPTAH0002\0\0",
            0x12, "PPTAH0003", 0x13, "PPTAH00040000004");

    @Test
    void systemBasicInfoIsTheBanksNameVersionAndEachModulesSerialGroupByGroup() {
        var info = (SystemBasicInfo) ask(new SystemBasicInfoRequest(2), withIdentity(US5000, SERIALS));

        assertThat(info).isEqualTo(new SystemBasicInfo(2, "US5000", "PYLON", 0x0102,
                List.of("PPTAH0001", "PPTAH0002", "PPTAH0003", "PPTAH00040000004")));
        assertThat(info.moduleCount()).isEqualTo(4);
    }

    @Test
    void systemBasicInfoIsRefusedWithRtn91WhileAnyFieldIsMissingOrStale() {
        int rtn91 = ReturnCode.INTERNAL_COMMUNICATION_ERROR.code();
        Rs485Frame request = new SystemBasicInfoRequest(2).toFrame();
        Map<Integer, String> threeSerials = new java.util.HashMap<>(SERIALS);
        threeSerials.remove(0x12);
        assertThat(rtn(request, withIdentity(US5000, threeSerials))).as("a module without serial").isEqualTo(rtn91);
        assertThat(rtn(request, withIdentity(BankInfo.EMPTY, SERIALS))).as("no 0x51").isEqualTo(rtn91);
        assertThat(rtn(request, withIdentity(new BankInfo(Optional.of("US5000"), Optional.of("PYLON"),
                Optional.empty(), Optional.empty()), SERIALS))).as("no software version").isEqualTo(rtn91);
        assertThat(rtn(request, withIdentity(BankInfo.ofManufacturerInfo("US5000", "PYLON", "1.2.3"), SERIALS)))
                .as("a version that is not two bytes").isEqualTo(rtn91);
        assertThat(rtn(request, withIdentity(US5000, SERIALS).failSafe("stale"))).as("not fresh").isEqualTo(rtn91);
        BankView fiveOnline = new BankView(SourceState.FRESH, "test", Views.fresh().limits(),
                Views.fresh().measurements(), io.pylon4j.driver.RequestFlags.NORMAL, java.util.Set.of(), 5, 500)
                .withDetails(withIdentity(US5000, SERIALS).details());
        assertThat(rtn(request, fiveOnline)).as("a module online without fresh details").isEqualTo(rtn91);
    }

    @Test
    void dataTheSourceLacksGetsRtn91() {
        assertThat(rtn(new ManufacturerInfoRequest(2).toFrame(), withModule()))
                .isEqualTo(ReturnCode.INTERNAL_COMMUNICATION_ERROR.code());
        BankView noSerial = Views.fresh().withDetails(new BankDetails(Map.of(2, ModuleDetails.builder(2).build()),
                Map.of(2, Duration.ZERO), Optional.of(BankInfo.EMPTY)));
        assertThat(rtn(new SerialNumberRequest(2, 2).toFrame(), noSerial))
                .isEqualTo(ReturnCode.INTERNAL_COMMUNICATION_ERROR.code());
    }

    @Test
    void anAddressNoModuleHasStaysSilent() {
        assertThat(responder.respond(new SerialNumberRequest(7, 7).toFrame(), withModule())).isEmpty();
        assertThat(ask(new SerialNumberRequest(2, 2), withModule()))
                .isEqualTo(new io.pylon4j.rs485.SerialNumber(2, 2, "PPTBH0212"));
    }

    @Test
    void theLimitsAreTheViewsAndEachModuleGetsItsShareOfTheCurrents() {
        BankView v = withModule(); // 53.2 V, 100 A, 150 A, 47 V over 4 modules
        var system = (SystemChargeDischargeManagement) ask(new SystemChargeDischargeManagementRequest(2), v);
        assertThat(system).isEqualTo(new SystemChargeDischargeManagement(2, 53_200, 47_000, 1000, 1500, 0xC0));
        var module = (ChargeDischargeManagement) ask(new ChargeDischargeManagementRequest(2, 2), v);
        assertThat(module).isEqualTo(new ChargeDischargeManagement(2, 2, 53_200, 47_000, 250, -375, 0xC0));
    }

    @Test
    void theFailSafeFormAnswersZeroCurrentsClearedEnablesAndAProtection() {
        BankView failSafe = withModule().failSafe("stale");
        var system = (SystemChargeDischargeManagement) ask(new SystemChargeDischargeManagementRequest(2), failSafe);
        assertThat(system.chargeCurrentLimitDeciAmps()).isZero();
        assertThat(system.dischargeCurrentLimitDeciAmps()).isZero();
        assertThat(system.status()).isZero();
        var module = (ChargeDischargeManagement) ask(new ChargeDischargeManagementRequest(2, 2), failSafe);
        assertThat(module.chargeCurrentLimitDeciAmps()).isZero();
        assertThat(module.status()).isZero();
        var alarm = (SystemAlarm) ask(new SystemAlarmRequest(2), failSafe);
        assertThat(SystemAlarmFlag.setIn(alarm.protectionStatus1(), alarm.protectionStatus2()))
                .contains(SystemAlarmFlag.OTHER_FAILURE);
        var normal = (SystemAlarm) ask(new SystemAlarmRequest(2), withModule());
        assertThat(SystemAlarmFlag.setIn(normal.protectionStatus1(), normal.protectionStatus2())).isEmpty();
    }
}

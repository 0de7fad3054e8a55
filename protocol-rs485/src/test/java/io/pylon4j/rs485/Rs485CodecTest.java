package io.pylon4j.rs485;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.List;
import org.junit.jupiter.api.Test;

class Rs485CodecTest {

    private static Rs485Frame reply(int address, int rtn, String infoHex) {
        byte[] info = new byte[infoHex.length() / 2];
        for (int i = 0; i < info.length; i++) {
            info[i] = (byte) Integer.parseInt(infoHex.substring(2 * i, 2 * i + 2), 16);
        }
        return new Rs485Frame(0x20, address, 0x46, rtn, info);
    }

    private static final String US2000_ALARM = "00020F000000000000000000000000000000050000000000000000000E800000";

    @Test
    void requestsEncodeAsTheCapturesShowThem() {
        assertThat(AnalogValuesRequest.of(2).toFrame().toString()).isEqualTo("~20024642E00202FD33");
        assertThat(AnalogValuesRequest.wholeStack(0).toFrame().toString()).isEqualTo("~20024642E002FFFD09");
        assertThat(SerialNumberRequest.of(0x0F).toFrame().toString()).isEqualTo("~200F4693E0020FFD05");
        assertThat(new ProtocolVersionRequest(2).toFrame(0x00).toString()).isEqualTo("~0002464F0000FD9A");
        assertThat(new ManufacturerInfoRequest(0x0B).toFrame().toString()).isEqualTo("~200B46510000FD9C");
        assertThat(ChargeDischargeManagementRequest.of(2).toFrame().toString()).isEqualTo("~20024692E00202FD2E");
    }

    @Test
    void wholeStackRequestsGoToTheGroupMaster() {
        assertThat(AnalogValuesRequest.wholeStack(3)).isEqualTo(new AnalogValuesRequest(0x32, 0xFF));
        assertThat(AlarmInfoRequest.wholeStack(0).isWholeStack()).isTrue();
        assertThat(AlarmInfoRequest.of(2).isWholeStack()).isFalse();
    }

    @Test
    void theUs5000ExtraTrailingAlarmByteIsTolerated() {
        Rs485Response plain = Rs485Codec.decodeResponse(AlarmInfoRequest.of(2), reply(2, 0, US2000_ALARM));
        Rs485Response us5000 = Rs485Codec.decodeResponse(AlarmInfoRequest.of(2), reply(2, 0, US2000_ALARM + "00"));
        assertThat(us5000).isEqualTo(plain);
        ModuleAlarm m = ((AlarmInfo) plain).modules().get(0);
        assertThat(m.flags()).containsExactly(AlarmFlag.USING_BATTERY_MODULE_POWER, AlarmFlag.DISCHARGE_MOSFET_ON,
                AlarmFlag.CHARGE_MOSFET_ON, AlarmFlag.EFFECTIVE_CHARGE_CURRENT);
        assertThat(m.has(AlarmFlag.CHARGE_MOSFET_ON)).isTrue();
        assertThat(m.has(AlarmFlag.BUZZER_ON)).isFalse();
    }

    @Test
    void statusFourAndFiveAreOneBitPerCell() {
        ModuleAlarm m = new ModuleAlarm(new int[16], new int[5], 0, 0, 0, 0, 0, 0, 0b0000_0101, 0b1000_0000);
        assertThat(m.cellVoltageErrors()).containsExactly(1, 3, 16);
        assertThat(m.cellVoltageError(3)).isTrue();
        assertThat(m.cellVoltageError(2)).isFalse();
        assertThatThrownBy(() -> m.cellVoltageError(17)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void alarmStatesAreNamedAndUnknownBytesKept() {
        ModuleAlarm m = new ModuleAlarm(new int[] {0x00, 0x01, 0x02, 0xF0, 0x07}, new int[0], 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(List.of(m.cellState(0), m.cellState(1), m.cellState(2), m.cellState(3), m.cellState(4)))
                .containsExactly(AlarmState.NORMAL, AlarmState.BELOW_LOWER_LIMIT, AlarmState.ABOVE_UPPER_LIMIT,
                        AlarmState.OTHER_ERROR, AlarmState.UNDEFINED);
        assertThat(m.cellStates()[4]).isEqualTo(7);
    }

    @Test
    void infoTooShortNamesCommandNeededAndGot() {
        assertThatThrownBy(() -> Rs485Codec.decodeResponse(ChargeDischargeManagementRequest.of(2),
                reply(2, 0, "02D002B79800FAFF06")))
                .asInstanceOf(type(InfoTooShortException.class))
                .satisfies(e -> assertThat(e.command()).isEqualTo(Command.CHARGE_DISCHARGE_MANAGEMENT))
                .satisfies(e -> assertThat(e.needed()).isEqualTo(10))
                .satisfies(e -> assertThat(e.got()).isEqualTo(9));
        assertThatThrownBy(() -> Rs485Codec.decodeRequest(Rs485Frame.of(0x20, 2, 0x46, 0x42)))
                .asInstanceOf(type(InfoTooShortException.class))
                .satisfies(e -> assertThat(e.needed()).isEqualTo(1))
                .satisfies(e -> assertThat(e.got()).isZero());
    }

    @Test
    void aStackReplyShorterThanItsModuleCountIsTooShort() {
        // count 2, one block only
        String block = "0F" + "0D45".repeat(15) + "05" + "0BC3".repeat(5) + "0000C725BF6802C3500002";
        assertThatThrownBy(() -> Rs485Codec.decodeResponse(AnalogValuesRequest.wholeStack(0),
                reply(2, 0, "1102" + block)))
                .asInstanceOf(type(InfoTooShortException.class))
                .satisfies(e -> assertThat(e.needed()).isEqualTo(2 + block.length() / 2 + 1));
        AnalogValues one = (AnalogValues) Rs485Codec.decodeResponse(AnalogValuesRequest.wholeStack(0),
                reply(2, 0, "1101" + block));
        assertThat(one.modules()).hasSize(1);
        assertThat(one.isWholeStack()).isTrue();
    }

    @Test
    void aUserDefinedCountOtherThan2Or4IsInvalid() {
        String block = "0F" + "0D45".repeat(15) + "05" + "0BC3".repeat(5) + "0000C725BF6803C3500002";
        assertThatThrownBy(() -> Rs485Codec.decodeResponse(AnalogValuesRequest.of(1), reply(1, 0, "1101" + block)))
                .asInstanceOf(type(InvalidInfoException.class))
                .satisfies(e -> assertThat(e.value()).isEqualTo(3))
                .satisfies(e -> assertThat(e.offset()).isEqualTo(2 + 1 + 30 + 1 + 10 + 6));
    }

    @Test
    void aSingleReplyCannotEchoTheWholeStackValue() {
        String block = "0F" + "0D45".repeat(15) + "05" + "0BC3".repeat(5) + "0000C725BF6802C3500002";
        assertThatThrownBy(() -> Rs485Codec.decodeResponse(AnalogValuesRequest.of(1), reply(1, 0, "11FF" + block)))
                .isInstanceOf(InvalidInfoException.class);
    }

    @Test
    void aRefusalIsAResultNotAnException() {
        // ~200246040000FDAE ([ROB] test.php): CID2 invalid
        Rs485Frame frame = Rs485FrameCodec.parse("~200246040000FDAE");
        Rs485Response r = Rs485Codec.decodeResponse(new SystemAnalogRequest(2), frame);
        assertThat(r).isEqualTo(new Rejection(2, Command.SYSTEM_ANALOG, ReturnCode.INVALID_COMMAND, new byte[0]));
        assertThat(r.returnCode()).isEqualTo(ReturnCode.INVALID_COMMAND);
        assertThat(r.toFrame()).isEqualTo(frame);
    }

    @Test
    void everyReturnCodeIsNamed() {
        for (int rtn = 0; rtn < 256; rtn++) {
            int code = rtn;
            if (ReturnCode.isKnown(code)) {
                assertThat(ReturnCode.of(code).code()).isEqualTo(code);
            } else {
                assertThatThrownBy(() -> ReturnCode.of(code)).asInstanceOf(type(UnknownReturnCodeException.class))
                        .satisfies(e -> assertThat(e.returnCode()).isEqualTo(code));
            }
        }
        assertThat(ReturnCode.values()).hasSize(9);
        assertThatThrownBy(() -> Rs485Codec.decodeResponse(AnalogValuesRequest.of(2), reply(2, 0x07, "")))
                .isInstanceOf(UnknownReturnCodeException.class);
    }

    @Test
    void aReplyFromAnotherAddressIsRejected() {
        assertThatThrownBy(() -> Rs485Codec.decodeResponse(new ProtocolVersionRequest(3),
                Rs485FrameCodec.parse("~200246000000FDB2")))
                .asInstanceOf(type(AddressMismatchException.class))
                .satisfies(e -> assertThat(e.expected()).isEqualTo(3))
                .satisfies(e -> assertThat(e.actual()).isEqualTo(2));
    }

    @Test
    void unknownCommandsAndDeviceTypes() {
        assertThatThrownBy(() -> Rs485Codec.decodeRequest(Rs485Frame.of(0x20, 2, 0x46, 0x4B)))
                .asInstanceOf(type(UnknownCommandException.class))
                .satisfies(e -> assertThat(e.cid2()).isEqualTo(0x4B));
        assertThatThrownBy(() -> Rs485Codec.decodeRequest(Rs485Frame.of(0x22, 2, 0x4A, 0x42, (byte) 2)))
                .asInstanceOf(type(UnknownCommandException.class))
                .satisfies(e -> assertThat(e.cid1()).isEqualTo(0x4A))
                .satisfies(e -> assertThat(e.getMessage()).contains("CID1 4A"));
        assertThatThrownBy(() -> Rs485Codec.decodeResponse(new ProtocolVersionRequest(2),
                Rs485Frame.of(0x20, 2, 0x4A, 0x00))).isInstanceOf(UnknownCommandException.class);
    }

    @Test
    void controlCommandsAreAcknowledged() {
        SetChargeDischargeManagementRequest set = new SetChargeDischargeManagementRequest(2, 2, 53250, 47000, 250, -250);
        assertThat(set.toFrame().infoHex()).isEqualTo("02D002B79800FAFF06");
        assertThat(Rs485Codec.decodeRequest(set.toFrame())).isEqualTo(set);
        assertThat(Rs485Codec.decodeResponse(set, Rs485FrameCodec.parse("~200246000000FDB2")))
                .isEqualTo(new Acknowledgement(2, Command.SET_CHARGE_DISCHARGE_MANAGEMENT));
        assertThat(Command.TURN_OFF.isControl()).isTrue();
        assertThat(Command.ANALOG_VALUES.isControl()).isFalse();
        assertThatThrownBy(() -> new Acknowledgement(2, Command.ANALOG_VALUES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownRateIsInvalid() {
        assertThat(Rs485Codec.decodeRequest(Rs485Frame.of(0x20, 1, 0x46, 0x91, (byte) 3)))
                .isEqualTo(new SetCommunicationRateRequest(1, CommunicationRate.BAUD_4800));
        assertThatThrownBy(() -> Rs485Codec.decodeRequest(Rs485Frame.of(0x20, 1, 0x46, 0x91, (byte) 4)))
                .asInstanceOf(type(InvalidInfoException.class)).satisfies(e -> assertThat(e.value()).isEqualTo(4));
    }

    @Test
    void requestsIgnoreInfoBytesTheCommandDoesNotDefine() {
        // Tomcat42 sends <ADR><index>; FHEM sends 0x47 with INFO = ADR; both are answered like the documented form
        assertThat(Rs485Codec.decodeRequest(Rs485FrameCodec.parse("~20024642C0040201FCD2")))
                .isEqualTo(AnalogValuesRequest.of(2));
        assertThat(Rs485Codec.decodeRequest(Rs485FrameCodec.parse("~20024647E00202FD2E")))
                .isEqualTo(new SystemParametersRequest(2));
    }

    @Test
    void temperaturesUseTheOffset2731() {
        // 25.5 degC = 2986, -12.4 degC = 2607 ([R485-33] 3.3)
        ModuleAnalog m = ModuleAnalog.withCount2(new int[] {3300}, new int[] {2986, 2607}, -40, 50000, 1000, 2000, 3);
        assertThat(m.temperatureDeciCelsius(0)).isEqualTo(255);
        assertThat(m.temperatureDeciCelsius(1)).isEqualTo(-124);
        assertThat(m.temperaturesCelsius()).containsExactly(25.5, -12.4);
        assertThat(m.currentAmps()).isEqualTo(-4.0); // the document's -4000 mA example, 0xFFD8
    }

    @Test
    void capacitiesComeFromTheThreeByteFieldsWhenTheCountIs4() {
        ModuleAnalog large = ModuleAnalog.withCount4(new int[15], new int[5], 0, 50981, 51800, 74000, 2);
        assertThat(large.remainingCapacity1MilliAmpHours()).isEqualTo(0xFFFF);
        assertThat(large.remainingCapacityMilliAmpHours()).isEqualTo(51800);
        assertThat(large.totalCapacityAmpHours()).isEqualTo(74.0);
        ModuleAnalog small = ModuleAnalog.withCount2(new int[15], new int[5], 0, 50981, 49000, 50000, 2);
        assertThat(small.remainingCapacityAmpHours()).isEqualTo(49.0);
        assertThat(small.remainingCapacity2MilliAmpHours()).isZero();
    }

    @Test
    void managementFlagsFollowTheDocumentNotPythonPylontech() {
        ChargeDischargeManagement bit5 = new ChargeDischargeManagement(2, 2, 0, 0, 0, 0, 0b0010_0000);
        assertThat(bit5.forceChargeI()).isTrue();
        assertThat(bit5.forceChargeII()).isFalse();
        assertThat(bit5.flags()).containsExactly(ManagementStatusFlag.FORCE_CHARGE_I);
        ChargeDischargeManagement all = new ChargeDischargeManagement(2, 2, 0, 0, 0, 0, 0xFF);
        assertThat(all.flags()).containsExactly(ManagementStatusFlag.values());
        assertThat(all.fullChargeRequest()).isTrue();
    }

    @Test
    void systemAlarmFlags() {
        SystemAlarm a = new SystemAlarm(2, 0b1000_0001, 0b0001_0000, 0, 0b0000_1000);
        assertThat(a.warnings()).containsExactly(SystemAlarmFlag.PACK_OVER_VOLTAGE,
                SystemAlarmFlag.CELL_VOLTAGE_DIFFERENCE, SystemAlarmFlag.INTERNAL_COMMUNICATION_FAILURE);
        assertThat(a.protections()).containsExactly(SystemAlarmFlag.OTHER_FAILURE);
    }

    @Test
    void systemBasicInfoIsNameManufacturerVersionCountAndOneSerialPerModule() {
        // docs/protocol.md §2.5.12, [AIR-INV-485]'s layout: 10 + 20 ASCII, u16 version, u8 count, 16 ASCII each
        SystemBasicInfo info = new SystemBasicInfo(2, "US2KBPL", "Pylon", 0x0203,
                List.of("PPTAH02400000001", "PPTAH024"));
        byte[] bytes = info.encodeInfo();
        assertThat(bytes).hasSize(33 + 32);
        assertThat(new String(bytes, 0, 10, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("US2KBPL\0\0\0");
        assertThat(new String(bytes, 10, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("Pylon");
        assertThat(bytes[30]).isEqualTo((byte) 0x02);
        assertThat(bytes[31]).isEqualTo((byte) 0x03);
        assertThat(bytes[32]).isEqualTo((byte) 2);
        assertThat(new String(bytes, 33, 16, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PPTAH02400000001");
        SystemBasicInfo back = (SystemBasicInfo) Rs485Codec.decodeResponse(new SystemBasicInfoRequest(2),
                info.toFrame());
        assertThat(back).isEqualTo(info);
        assertThat(back.moduleCount()).isEqualTo(2);
    }

    @Test
    void systemBasicInfoStatingMoreModulesThanItsInfoHoldsIsRefused() {
        byte[] info = new SystemBasicInfo(2, "US2KBPL", "Pylon", 0x0203, List.of("PPTAH02400000001")).encodeInfo();
        info[32] = 2; // two modules stated, one serial sent
        Rs485Frame frame = new Rs485Frame(Rs485Frame.PYLONTECH_VERSION, 2, Command.CID1, 0, info);
        assertThatThrownBy(() -> Rs485Codec.decodeResponse(new SystemBasicInfoRequest(2), frame))
                .isInstanceOf(Rs485Exception.class);
    }

    @Test
    void protocolVersionIsTheRepliesVer() {
        ProtocolVersion v = (ProtocolVersion) Rs485Codec.decodeResponse(new ProtocolVersionRequest(2),
                Rs485Frame.of(0x21, 2, 0x46, 0));
        assertThat(v.version()).isEqualTo(0x21);
        assertThat(v.versionText()).isEqualTo("2.1");
        assertThat(v.toFrame().version()).isEqualTo(0x21);
    }
}

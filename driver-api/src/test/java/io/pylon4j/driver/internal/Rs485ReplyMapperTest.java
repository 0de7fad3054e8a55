package io.pylon4j.driver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.LimitPlausibility;
import io.pylon4j.driver.LimitPolicy;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.internal.Rs485ReplyMapper.AlarmsInput;
import io.pylon4j.driver.internal.Rs485ReplyMapper.BankInfoInput;
import io.pylon4j.driver.internal.Rs485ReplyMapper.Implausible;
import io.pylon4j.driver.internal.Rs485ReplyMapper.Input;
import io.pylon4j.driver.internal.Rs485ReplyMapper.ModuleInput;
import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.Command;
import io.pylon4j.rs485.InfoFlag;
import io.pylon4j.rs485.ManufacturerInfo;
import io.pylon4j.rs485.ModuleAnalog;
import io.pylon4j.rs485.Rejection;
import io.pylon4j.rs485.ReturnCode;
import io.pylon4j.rs485.SerialNumber;
import io.pylon4j.rs485.SystemParameters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one reply tells the model: pure, no model, no clock. */
class Rs485ReplyMapperTest {

    static final LimitPlausibility BOUNDS = LimitPolicy.defaults().plausibility();

    @Test
    void aWholeStack0x42GivesEachModuleItsFiguresByAddress() {
        AnalogValues a = Rs485GroupAggregatorTest.stack(1, Rs485GroupAggregatorTest.module(52.0, 5.0, 37.0, 74.0, 21),
                Rs485GroupAggregatorTest.module(52.4, 6.0, 37.0, 74.0, 22));
        List<Input> in = Rs485ReplyMapper.map(a, BOUNDS);
        assertThat(in).extracting(i -> ((ModuleInput) i).details().address()).containsExactly(0x12, 0x13);
        ModuleDetails second = ((ModuleInput) in.get(1)).details();
        assertThat(second.voltageVolts()).hasValue(52.4);
        assertThat(second.currentAmps()).hasValue(6.0);
    }

    @Test
    void blocksBeyondPosition14HaveNoAddressAndNoInput() {
        List<ModuleAnalog> sixteen = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sixteen.add(Rs485GroupAggregatorTest.module(52.0, 1.0, 37.0, 74.0, 20));
        }
        AnalogValues a = new AnalogValues(0x02, InfoFlag.of(0), 0xFF, sixteen);
        assertThat(Rs485ReplyMapper.map(a, BOUNDS)).hasSize(14);
        assertThat(Rs485ReplyMapper.moduleAddresses(a)).hasSize(14).startsWith(0x02).endsWith(0x0F);
    }

    @Test
    void aSerialNumberIsStripped() {
        List<Input> in = Rs485ReplyMapper.map(new SerialNumber(0x03, 0x03, "PPTAP012345678  "), BOUNDS);
        assertThat(in).singleElement().satisfies(i ->
                assertThat(((ModuleInput) i).details().serialNumber()).hasValue("PPTAP012345678"));
    }

    @Test
    void aManufacturerInfoIsBankInfo() {
        List<Input> in = Rs485ReplyMapper.map(new ManufacturerInfo(0x02, "US3000C", 0x0102, "PYLON"), BOUNDS);
        assertThat(in).singleElement().isInstanceOf(BankInfoInput.class);
    }

    @Test
    void aRejectionSaysNothing() {
        assertThat(Rs485ReplyMapper.map(new Rejection(0x02, Command.ANALOG_VALUES, ReturnCode.INVALID_COMMAND,
                new byte[0]), BOUNDS)).isEmpty();
    }

    @Test
    void theAlarmChannelNamesTheAddress() {
        assertThat(Rs485ReplyMapper.alarmChannel(0x12)).isEqualTo("0x44@18");
    }

    static SystemParameters parameters(int moduleHighMilliVolts, int chargeCurrentDeciAmps) {
        return new SystemParameters(0x02, InfoFlag.of(0), 3650, 2500, 2000, 2731 + 500, 2731, chargeCurrentDeciAmps,
                moduleHighMilliVolts, 45_000, 44_000, 2731 + 600, 2731 - 100, -1000);
    }

    @Test
    void aPlausible0x47IsBankInfo() {
        assertThat(Rs485ReplyMapper.map(parameters(54_000, 1000), BOUNDS)).singleElement()
                .isInstanceOf(BankInfoInput.class);
    }

    @Test
    void a0x47WithAnInvalidWireValueIsImplausibleNotBankInfo() {
        assertThat(Rs485ReplyMapper.map(parameters(54_000, LimitPlausibility.INVALID_S16), BOUNDS)).singleElement()
                .isInstanceOfSatisfying(Implausible.class, i -> assertThat(i.why())
                        .isEqualTo("0x47 from the battery is implausible: a current limit is its wire value for "
                                + "\"invalid\""));
    }

    @Test
    void a0x47WhoseModuleLimitIsOutsideTheWindowIsImplausible() {
        assertThat(Rs485ReplyMapper.map(parameters(65_000, 1000), BOUNDS)).singleElement()
                .isInstanceOfSatisfying(Implausible.class, i -> assertThat(i.why()).contains("module high-voltage"));
    }

    @Test
    void a0x44GivesEachModuleItsAlarmChannel() {
        var alarm = new io.pylon4j.rs485.ModuleAlarm(new int[15], new int[1], 0, 0, 0, 0, 0, 0, 0, 0);
        List<Input> in = Rs485ReplyMapper.map(new io.pylon4j.rs485.AlarmInfo(0x12, InfoFlag.of(0), 0xFF,
                List.of(alarm, alarm)), BOUNDS);
        List<AlarmsInput> channels = in.stream().filter(AlarmsInput.class::isInstance).map(AlarmsInput.class::cast)
                .toList();
        assertThat(channels).extracting(AlarmsInput::channel).containsExactly("0x44@18", "0x44@19");
        assertThat(channels).allSatisfy(i -> assertThat(i.active()).isEmpty());
    }

    @Test
    void a0x44AlsoGivesEachModuleItsBlockAsSent() {
        var first = new io.pylon4j.rs485.ModuleAlarm(new int[] {0, 2, 0}, new int[] {0, 1}, 0, 2, 0, 0x01, 0x0E,
                0x80, 0x02, 0x00);
        var second = new io.pylon4j.rs485.ModuleAlarm(new int[3], new int[2], 0xF0, 0, 0, 0, 0x06, 0, 0, 0x01);
        List<Input> in = Rs485ReplyMapper.map(new io.pylon4j.rs485.AlarmInfo(0x12, InfoFlag.of(0), 0xFF,
                List.of(first, second)), BOUNDS);
        var stamp = new io.pylon4j.driver.FieldStamp(java.time.Instant.EPOCH, io.pylon4j.driver.Source.RS485, 7);
        List<io.pylon4j.driver.ModuleAlarmStates> blocks = in.stream()
                .filter(Rs485ReplyMapper.AlarmStatesInput.class::isInstance)
                .map(i -> ((Rs485ReplyMapper.AlarmStatesInput) i).states(stamp)).toList();
        assertThat(blocks).containsExactly(
                new io.pylon4j.driver.ModuleAlarmStates(0x12, List.of(0, 2, 0), List.of(0, 1), 0, 2, 0, 0x01, 0x0E,
                        0x80, 0x02, 0x00, stamp),
                new io.pylon4j.driver.ModuleAlarmStates(0x13, List.of(0, 0, 0), List.of(0, 0), 0xF0, 0, 0, 0, 0x06, 0,
                        0, 0x01, stamp));
    }
}

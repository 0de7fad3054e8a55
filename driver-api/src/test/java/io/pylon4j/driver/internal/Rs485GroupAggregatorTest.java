package io.pylon4j.driver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.LimitPlausibility;
import io.pylon4j.driver.LimitPolicy;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.RequestFlags;
import io.pylon4j.driver.internal.Rs485GroupAggregator.BankValues;
import io.pylon4j.driver.internal.Rs485GroupAggregator.GroupReading;
import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.InfoFlag;
import io.pylon4j.rs485.ModuleAnalog;
import io.pylon4j.rs485.Rs485Address;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The bank's values of a cycle, merged from its groups: inputs in, values and reasons out, as LimitPolicyTest. */
class Rs485GroupAggregatorTest {

    static final LimitPolicy POLICY = LimitPolicy.defaults();
    /** Charge enable, discharge enable (docs/protocol.md §2.5.6, 0x92 status bits 7 and 6). */
    static final int ENABLED = 0xC0;

    /** A module block (user-defined count 4: capacities in the 3-byte fields). */
    static ModuleAnalog module(double volts, double amps, double remainingAh, double totalAh, double celsius) {
        int[] cells = new int[15];
        Arrays.fill(cells, (int) Math.round(volts * 1000 / 15));
        return new ModuleAnalog(cells, new int[] {(int) Math.round(celsius * 10) + 2731},
                (int) Math.round(amps * 10), (int) Math.round(volts * 1000), 0xFFFF, 4, 0xFFFF, 10,
                (int) Math.round(remainingAh * 1000), (int) Math.round(totalAh * 1000));
    }

    static AnalogValues stack(int group, ModuleAnalog... modules) {
        return new AnalogValues(Rs485Address.master(group), InfoFlag.of(0), 0xFF, List.of(modules));
    }

    /** A master's 0x92: one module's figures. */
    static ChargeDischargeManagement limits(int group, double cvl, double dvl, double ccl, double dcl, int status) {
        return new ChargeDischargeManagement(Rs485Address.master(group), Rs485Address.master(group),
                (int) Math.round(cvl * 1000), (int) Math.round(dvl * 1000), (int) Math.round(ccl * 10),
                (int) -Math.round(dcl * 10), status);
    }

    static GroupReading reading(int group, int modules, AnalogValues analog, ChargeDischargeManagement limits) {
        return new GroupReading(group, modules, Optional.ofNullable(analog), Optional.ofNullable(limits));
    }

    @Test
    void oneGroupsMeasurementsAreTheMeanVoltageSummedCurrentCapacitySocAndHottestModule() {
        AnalogValues a = stack(0, module(52.0, 10.0, 30.0, 74.0, 21.0), module(52.2, 12.0, 44.0, 74.0, 25.5));
        BankValues bank = Rs485GroupAggregator.aggregate(List.of(reading(0, 2, a, null)), POLICY);
        Measurements m = bank.measurements().orElseThrow();
        assertThat(m.voltageVolts()).hasValue(52.1);
        assertThat(m.currentAmps()).hasValue(22.0);
        assertThat(m.socPercent()).hasValue(50.0);
        assertThat(m.temperatureCelsius()).hasValue(25.5);
        assertThat(bank.moduleCount()).hasValue(2);
        assertThat(bank.limits()).isEmpty();
        assertThat(bank.flags()).isEmpty();
    }

    @Test
    void aGroupsLimitIsTheMastersFigureTimesItsModules() {
        BankValues bank = Rs485GroupAggregator.aggregate(
                List.of(reading(0, 3, null, limits(0, 53.2, 44.5, 37.0, 37.0, ENABLED))), POLICY);
        assertThat(bank.limits()).contains(Limits.normalised(53.2, 111.0, 111.0, OptionalDouble.of(44.5)));
        assertThat(bank.measurements()).isEmpty();
        assertThat(bank.moduleCount()).isEmpty();
    }

    @Test
    void groupsInParallelSumTheirCurrentsAndTakeTheSafestVoltages() {
        BankValues bank = Rs485GroupAggregator.aggregate(List.of(
                reading(0, 2, null, limits(0, 53.2, 44.5, 37.0, 37.0, ENABLED)),
                reading(1, 3, null, limits(1, 52.5, 46.0, 25.0, 30.0, ENABLED))), POLICY);
        assertThat(bank.limits()).contains(Limits.normalised(52.5, 74.0 + 75.0, 74.0 + 90.0,
                OptionalDouble.of(46.0)));
    }

    @Test
    void aGroupWhoseModuleCountIsUnknownContributesNoLimitButItsFlags() {
        BankValues bank = Rs485GroupAggregator.aggregate(
                List.of(reading(0, 0, null, limits(0, 53.2, 44.5, 37.0, 37.0, ENABLED))), POLICY);
        assertThat(bank.limits()).isEmpty();
        assertThat(bank.rejected()).isEmpty();
        assertThat(bank.flags()).contains(RequestFlags.fromBits(ENABLED));
    }

    @Test
    void aGroupWithoutA0x92ContributesNothing() {
        BankValues bank = Rs485GroupAggregator.aggregate(List.of(
                reading(0, 2, null, limits(0, 53.2, 44.5, 37.0, 37.0, ENABLED)), reading(1, 3, null, null)),
                POLICY);
        assertThat(bank.limits()).contains(Limits.normalised(53.2, 74.0, 74.0, OptionalDouble.of(44.5)));
    }

    @Test
    void anImplausibleGroupIsLeftOutNamedAndCountedWhileTheOthersArePublished() {
        ChargeDischargeManagement invalid = new ChargeDischargeManagement(0x12, 0x12, LimitPlausibility.INVALID_U16,
                44_500, 370, -370, ENABLED);
        BankValues bank = Rs485GroupAggregator.aggregate(List.of(
                reading(0, 2, null, invalid), reading(1, 3, null, limits(1, 53.2, 44.5, 25.0, 25.0, ENABLED))),
                POLICY);
        assertThat(bank.limits()).contains(Limits.normalised(53.2, 75.0, 75.0, OptionalDouble.of(44.5)));
        assertThat(bank.rejected()).hasValueSatisfying(why -> assertThat(why).startsWith("group 0: "));
        assertThat(bank.implausibleGroups()).isEqualTo(1);
    }

    @Test
    void aSingleImplausibleGroupIsNamedWithoutItsNumberAndNoLimitsArePublished() {
        BankValues bank = Rs485GroupAggregator.aggregate(List.of(
                reading(0, 2, null, limits(0, 53.2, 44.5, 300.0, 37.0, ENABLED))), POLICY);
        assertThat(bank.limits()).isEmpty();
        assertThat(bank.rejected()).hasValueSatisfying(why -> assertThat(why).doesNotStartWith("group"));
        assertThat(bank.implausibleGroups()).isEqualTo(1);
        assertThat(Rs485GroupAggregator.implausibility(limits(0, 53.2, 44.5, 300.0, 37.0, ENABLED), 2, POLICY))
                .isEqualTo(bank.rejected());
    }

    @Test
    void enablesOnlyIfEveryGroupEnablesRequestsIfAnyGroupAsks() {
        int forceCharge = 0x20;
        BankValues bank = Rs485GroupAggregator.aggregate(List.of(
                reading(0, 2, null, limits(0, 53.2, 44.5, 37.0, 37.0, 0x80 | forceCharge)),
                reading(1, 2, null, limits(1, 53.2, 44.5, 37.0, 37.0, ENABLED))), POLICY);
        assertThat(bank.flags()).contains(RequestFlags.fromBits(0x80 | forceCharge));
    }

    @Test
    void theStateOfChargeNeverExceeds100Percent() {
        BankValues bank = Rs485GroupAggregator.aggregate(
                List.of(reading(0, 1, stack(0, module(53.0, 0, 80.0, 74.0, 20.0)), null)), POLICY);
        assertThat(bank.measurements().orElseThrow().socPercent()).hasValue(100.0);
    }

    @Test
    void severalGroupsCountAllTheirModules() {
        BankValues bank = Rs485GroupAggregator.aggregate(List.of(
                reading(0, 1, stack(0, module(52.0, 5.0, 37.0, 74.0, 20.0)), null),
                reading(1, 2, stack(1, module(52.0, 5.0, 37.0, 74.0, 20.0), module(52.0, 5.0, 37.0, 74.0, 30.0)),
                        null)), POLICY);
        assertThat(bank.moduleCount()).isEqualTo(OptionalInt.of(3));
        assertThat(bank.measurements().orElseThrow().currentAmps()).hasValue(15.0);
        assertThat(bank.measurements().orElseThrow().temperatureCelsius()).hasValue(30.0);
    }

    @Test
    void noReplyNoValues() {
        BankValues bank = Rs485GroupAggregator.aggregate(List.of(reading(0, 2, null, null)), POLICY);
        assertThat(bank).isEqualTo(new BankValues(Optional.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.empty(), 0, Optional.empty()));
    }
}

package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What the driver publishes, and why, for each supervision state, cap and module count. */
class LimitPolicyTest {

    static final Instant RECEIVED = ManualClock.T0;
    static final Instant NOW = RECEIVED.plusMillis(12_300);
    static final Limits BATTERY = Limits.of(53.2, 100.0, 120.0, 45.0);

    final LimitPolicy policy = LimitPolicy.defaults();

    PublishedLimits apply(LimitPolicy p, SupervisionState state, OptionalInt modules) {
        return p.apply(Optional.of(BATTERY), Optional.of(RECEIVED), state, modules, NOW);
    }

    @Test
    void freshPublishesTheBatteryValues() {
        PublishedLimits out = apply(policy, SupervisionState.FRESH, OptionalInt.empty());
        assertThat(out.asLimits()).isEqualTo(BATTERY);
        assertThat(out.chargeCurrentLimitProvenance())
                .isEqualTo(new LimitProvenance(LimitSource.BATTERY, OptionalDouble.of(100.0), "battery value"));
        assertThat(out.chargeVoltageLimitProvenance().source()).isEqualTo(LimitSource.BATTERY);
        assertThat(out.dischargeCurrentLimitProvenance().batteryValue()).hasValue(120.0);
        assertThat(out.dischargeVoltageLimitProvenance().source()).isEqualTo(LimitSource.BATTERY);
    }

    @Test
    void recoveredPublishesTheBatteryValues() {
        assertThat(apply(policy, SupervisionState.RECOVERED, OptionalInt.empty()).asLimits()).isEqualTo(BATTERY);
    }

    @Test
    void lostZeroesCurrentsAndSaysHowOldTheLastLimitsAre() {
        PublishedLimits out = apply(policy, SupervisionState.LOST, OptionalInt.empty());
        assertThat(out.chargeCurrentLimitAmps()).isZero();
        assertThat(out.dischargeCurrentLimitAmps()).isZero();
        LimitProvenance why = out.chargeCurrentLimitProvenance();
        assertThat(why.source()).isEqualTo(LimitSource.FAIL_SAFE_LOST);
        assertThat(why.batteryValue()).hasValue(100.0);
        assertThat(why.reason()).isEqualTo(
                "bank LOST: no limits from the battery for 12.3 s; the battery's last value was 100 A");
        assertThat(out.dischargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.FAIL_SAFE_LOST);
    }

    @Test
    void lostKeepsVoltagesAsLastKnownMarked() {
        PublishedLimits out = apply(policy, SupervisionState.LOST, OptionalInt.empty());
        assertThat(out.chargeVoltageLimitVolts()).isEqualTo(53.2);
        assertThat(out.dischargeVoltageLimitVolts()).hasValue(45.0);
        assertThat(out.chargeVoltageLimitProvenance().source()).isEqualTo(LimitSource.BATTERY_LAST_KNOWN);
        assertThat(out.chargeVoltageLimitProvenance().reason())
                .isEqualTo("bank LOST: the battery's last value, 12.3 s old");
        assertThat(out.dischargeVoltageLimitProvenance().source()).isEqualTo(LimitSource.BATTERY_LAST_KNOWN);
    }

    @Test
    void theSupervisorsReasonSaysWhyTheBankIsNotFresh() {
        PublishedLimits out = policy.apply(Optional.of(BATTERY), Optional.of(RECEIVED), SupervisionState.STALE,
                Optional.of("link down (WAITING_TO_RECONNECT)"), OptionalInt.empty(), NOW);
        assertThat(out.chargeCurrentLimitProvenance()).isEqualTo(new LimitProvenance(LimitSource.FAIL_SAFE_STALE,
                OptionalDouble.of(100.0),
                "bank STALE: link down (WAITING_TO_RECONNECT); the battery's last value was 100 A, 12.3 s old"));
        assertThat(out.chargeVoltageLimitProvenance().reason())
                .isEqualTo("bank STALE: the battery's last value, 12.3 s old");
    }

    @Test
    void staleZeroesCurrentsByDefault() {
        PublishedLimits out = apply(policy, SupervisionState.STALE, OptionalInt.empty());
        assertThat(out.chargeCurrentLimitAmps()).isZero();
        assertThat(out.dischargeCurrentLimitAmps()).isZero();
        assertThat(out.chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.FAIL_SAFE_STALE);
        assertThat(out.chargeCurrentLimitProvenance().reason()).contains("for 12.3 s");
    }

    @Test
    void staleWithZeroWhenLostPolicyKeepsLastCurrentsMarked() {
        PublishedLimits out = apply(policy.withFailSafe(FailSafePolicy.ZERO_CURRENTS_WHEN_LOST),
                SupervisionState.STALE, OptionalInt.empty());
        assertThat(out.chargeCurrentLimitAmps()).isEqualTo(100.0);
        assertThat(out.chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.BATTERY_LAST_KNOWN);
        assertThat(out.chargeCurrentLimitProvenance().reason())
                .isEqualTo("bank STALE: the battery's last value, 12.3 s old");
    }

    @Test
    void lostWithZeroWhenLostPolicyStillZeroes() {
        PublishedLimits out = apply(policy.withFailSafe(FailSafePolicy.ZERO_CURRENTS_WHEN_LOST),
                SupervisionState.LOST, OptionalInt.empty());
        assertThat(out.chargeCurrentLimitAmps()).isZero();
        assertThat(out.chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.FAIL_SAFE_LOST);
    }

    @Test
    void noDataPublishesZerosMarkedNoData() {
        PublishedLimits out = policy.apply(Optional.empty(), Optional.empty(), SupervisionState.CONNECTING,
                OptionalInt.empty(), NOW);
        assertThat(out.asLimits()).isEqualTo(Limits.of(0, 0, 0));
        assertThat(out.chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.FAIL_SAFE_NO_DATA);
        assertThat(out.chargeVoltageLimitProvenance().source()).isEqualTo(LimitSource.FAIL_SAFE_NO_DATA);
        assertThat(out.chargeCurrentLimitProvenance().reason())
                .isEqualTo("no limits received from the battery yet (CONNECTING)");
    }

    @Test
    void noDataIgnoresCaps() {
        PublishedLimits out = policy.withCaps(LimitCaps.none().withMinDischargeVoltageVolts(48))
                .apply(Optional.empty(), Optional.empty(), SupervisionState.LOST, OptionalInt.empty(), NOW);
        assertThat(out.dischargeVoltageLimitVolts()).isEmpty();
    }

    @Test
    void userCapBelowBatteryWins() {
        LimitPolicy capped = policy.withCaps(LimitCaps.none().withMaxChargeCurrentAmps(50)
                .withMaxDischargeCurrentAmps(60).withMaxChargeVoltageVolts(52.5));
        PublishedLimits out = apply(capped, SupervisionState.FRESH, OptionalInt.empty());
        assertThat(out.asLimits()).isEqualTo(Limits.of(52.5, 50.0, 60.0, 45.0));
        assertThat(out.chargeCurrentLimitProvenance())
                .isEqualTo(new LimitProvenance(LimitSource.USER_CAP, OptionalDouble.of(100.0),
                        "user cap 50 A below 100 A (BATTERY)"));
        assertThat(out.dischargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.USER_CAP);
        assertThat(out.chargeVoltageLimitProvenance().source()).isEqualTo(LimitSource.USER_CAP);
        assertThat(out.chargeVoltageLimitProvenance().batteryValue()).hasValue(53.2);
    }

    @Test
    void userCapAboveBatteryLeavesBattery() {
        PublishedLimits out = apply(policy.withCaps(LimitCaps.none().withMaxChargeCurrentAmps(200)),
                SupervisionState.FRESH, OptionalInt.empty());
        assertThat(out.chargeCurrentLimitAmps()).isEqualTo(100.0);
        assertThat(out.chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.BATTERY);
    }

    @Test
    void userCapDoesNotHideFailSafe() {
        PublishedLimits out = apply(policy.withCaps(LimitCaps.none().withMaxChargeCurrentAmps(50)),
                SupervisionState.LOST, OptionalInt.empty());
        assertThat(out.chargeCurrentLimitAmps()).isZero();
        assertThat(out.chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.FAIL_SAFE_LOST);
    }

    @Test
    void userCapOnLastKnownVoltageSaysSo() {
        PublishedLimits out = apply(policy.withCaps(LimitCaps.none().withMaxChargeVoltageVolts(52)),
                SupervisionState.LOST, OptionalInt.empty());
        assertThat(out.chargeVoltageLimitVolts()).isEqualTo(52.0);
        assertThat(out.chargeVoltageLimitProvenance().reason())
                .isEqualTo("user cap 52 V below 53.2 V (BATTERY_LAST_KNOWN)");
    }

    @Test
    void minimumDischargeVoltageRaisesTheCutOff() {
        PublishedLimits out = apply(policy.withCaps(LimitCaps.none().withMinDischargeVoltageVolts(47)),
                SupervisionState.FRESH, OptionalInt.empty());
        assertThat(out.dischargeVoltageLimitVolts()).hasValue(47.0);
        assertThat(out.dischargeVoltageLimitProvenance())
                .isEqualTo(new LimitProvenance(LimitSource.USER_CAP, OptionalDouble.of(45.0),
                        "user minimum 47 V above the battery's 45 V"));
    }

    @Test
    void minimumDischargeVoltageFillsAMissingOne() {
        PublishedLimits out = policy.withCaps(LimitCaps.none().withMinDischargeVoltageVolts(47)).apply(
                Optional.of(Limits.of(53.2, 100, 120)), Optional.of(RECEIVED), SupervisionState.FRESH,
                OptionalInt.empty(), NOW);
        assertThat(out.dischargeVoltageLimitVolts()).hasValue(47.0);
        assertThat(out.dischargeVoltageLimitProvenance().batteryValue()).isEmpty();
        assertThat(out.dischargeVoltageLimitProvenance().reason()).contains("the battery sends none");
    }

    @Test
    void missingDischargeVoltageStaysMissing() {
        PublishedLimits out = policy.apply(Optional.of(Limits.of(53.2, 100, 120)), Optional.of(RECEIVED),
                SupervisionState.FRESH, OptionalInt.empty(), NOW);
        assertThat(out.dischargeVoltageLimitVolts()).isEmpty();
        assertThat(out.dischargeVoltageLimitProvenance().batteryValue()).isEmpty();
    }

    @Test
    void fewerModulesThanExpectedScalesCurrents() {
        PublishedLimits out = apply(policy.withExpectedModuleCount(4), SupervisionState.FRESH, OptionalInt.of(3));
        assertThat(out.chargeCurrentLimitAmps()).isEqualTo(75.0);
        assertThat(out.dischargeCurrentLimitAmps()).isEqualTo(90.0);
        assertThat(out.chargeVoltageLimitVolts()).isEqualTo(53.2);
        assertThat(out.chargeCurrentLimitProvenance())
                .isEqualTo(new LimitProvenance(LimitSource.MODULE_COUNT_SCALING, OptionalDouble.of(100.0),
                        "3 of 4 expected modules reported: 100 A × 3/4"));
    }

    @Test
    void expectedOrMoreModulesDoNotScale() {
        assertThat(apply(policy.withExpectedModuleCount(4), SupervisionState.FRESH, OptionalInt.of(4))
                .chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.BATTERY);
        assertThat(apply(policy.withExpectedModuleCount(4), SupervisionState.FRESH, OptionalInt.of(5))
                .chargeCurrentLimitAmps()).isEqualTo(100.0);
    }

    @Test
    void unknownModuleCountDoesNotScale() {
        assertThat(apply(policy.withExpectedModuleCount(4), SupervisionState.FRESH, OptionalInt.empty())
                .chargeCurrentLimitAmps()).isEqualTo(100.0);
    }

    @Test
    void capAfterScalingNamesTheScaledValue() {
        PublishedLimits out = apply(policy.withExpectedModuleCount(4)
                .withCaps(LimitCaps.none().withMaxChargeCurrentAmps(60)), SupervisionState.FRESH, OptionalInt.of(3));
        assertThat(out.chargeCurrentLimitAmps()).isEqualTo(60.0);
        assertThat(out.chargeCurrentLimitProvenance().reason())
                .isEqualTo("user cap 60 A below 75 A (MODULE_COUNT_SCALING)");
    }

    @Test
    void scalingDoesNotTouchFailSafeZeros() {
        PublishedLimits out = apply(policy.withExpectedModuleCount(4), SupervisionState.LOST, OptionalInt.of(3));
        assertThat(out.chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.FAIL_SAFE_LOST);
    }

    @Test
    void sameDecisionIgnoresReasonsButNotValuesOrSources() {
        PublishedLimits a = apply(policy, SupervisionState.LOST, OptionalInt.empty());
        PublishedLimits later = policy.apply(Optional.of(BATTERY), Optional.of(RECEIVED), SupervisionState.LOST,
                OptionalInt.empty(), NOW.plusSeconds(5));
        assertThat(later.chargeCurrentLimitProvenance().reason()).isNotEqualTo(
                a.chargeCurrentLimitProvenance().reason());
        assertThat(a.sameDecisionAs(later)).isTrue();
        assertThat(a.sameDecisionAs(apply(policy, SupervisionState.STALE, OptionalInt.empty()))).isFalse();
        assertThat(a.sameDecisionAs(apply(policy, SupervisionState.FRESH, OptionalInt.empty()))).isFalse();
    }

    @Test
    void policyOfProfileTakesItsFailSafe() {
        InverterProfile lenient = InverterProfile.GENERIC_PYLON.toBuilder()
                .failSafe(FailSafePolicy.ZERO_CURRENTS_WHEN_LOST).build();
        assertThat(LimitPolicy.of(lenient).failSafe()).isEqualTo(FailSafePolicy.ZERO_CURRENTS_WHEN_LOST);
        assertThat(LimitPolicy.of(InverterProfile.VICTRON).failSafe())
                .isEqualTo(FailSafePolicy.ZERO_CURRENTS_WHEN_STALE);
    }
}

package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.driver.LimitPlausibility.Field;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plausibility gate's bounds and reasons, one rule per test. */
class LimitPlausibilityTest {

    final LimitPlausibility bounds = LimitPlausibility.defaults();

    @Test
    void realUs5000LimitsPass() {
        // Setfire Labs' 6 × US5000 0x351: 53.2 V, 480.0 A, 480.0 A, 45.0 V (docs/protocol.md §1.2)
        assertThat(bounds.check(Limits.of(53.2, 480, 480, 45), OptionalInt.of(6), Set.of())).isEmpty();
        // V1.3 firmware sends no 0x359: the count is unknown, 12 modules are assumed
        assertThat(bounds.check(Limits.of(53.2, 480, 480, 45), OptionalInt.empty(), Set.of())).isEmpty();
    }

    @Test
    void voltageWindowIsFifteenToSixteenLfpCells() {
        assertThat(bounds.minVolts()).isEqualTo(37.5);  // 15 × 2.5 V
        assertThat(bounds.maxVolts()).isEqualTo(58.4);  // 16 × 3.65 V
        assertThat(bounds.check(Limits.of(58.4, 10, 10, 37.5), OptionalInt.of(1), Set.of())).isEmpty();
        assertThat(bounds.check(Limits.of(58.5, 10, 10, 45), OptionalInt.of(1), Set.of())).hasValue(
                "CVL 58.5 V from the battery is implausible: outside 37.5–58.4 V (15–16 cells of 2.5–3.65 V)");
        assertThat(bounds.check(Limits.of(53.2, 10, 10, 37.4), OptionalInt.of(1), Set.of())).hasValue(
                "DVL 37.4 V from the battery is implausible: outside 37.5–58.4 V (15–16 cells of 2.5–3.65 V)");
    }

    @Test
    void allOnesCanFrameFailsOnEveryField() {
        // 0x351 FF FF FF 7F FF 7F FF FF: CVL and DVL are 0xFFFF ("invalid"), CCL and DCL 0x7FFF = 3276.7 A
        Limits l = Limits.of(6553.5, 3276.7, 3276.7, 6553.5);
        assertThat(bounds.check(l, OptionalInt.of(4), EnumSet.of(Field.CVL, Field.DVL))).hasValue(
                "CVL from the battery is its wire value for \"invalid\", not a limit; "
                        + "DVL from the battery is its wire value for \"invalid\", not a limit; "
                        + "CCL 3276.7 A from the battery is implausible for 4 modules, at most 400 A; "
                        + "DCL 3276.7 A from the battery is implausible for 4 modules, at most 400 A");
    }

    @Test
    void wireInvalidIsNeverAMagnitudeEvenWhenItWouldFit() {
        // a DCL of 0x8000 is -3276.8 A, +3276.8 A as a magnitude; marked invalid, its value is not even looked at
        assertThat(bounds.check(Limits.of(53.2, 100, 0, 45), OptionalInt.of(4), EnumSet.of(Field.DCL)))
                .hasValue("DCL from the battery is its wire value for \"invalid\", not a limit");
    }

    @Test
    void cvlMustLieAboveTheDischargeVoltageLimit() {
        assertThat(bounds.check(Limits.of(44.0, 100, 100, 45.0), OptionalInt.of(4), Set.of())).hasValue(
                "CVL 44 V from the battery is implausible: not above the discharge voltage limit 45 V");
        assertThat(bounds.check(Limits.of(45.0, 100, 100, 45.0), OptionalInt.of(4), Set.of())).isPresent();
        assertThat(bounds.check(Limits.of(45.1, 100, 100, 45.0), OptionalInt.of(4), Set.of())).isEmpty();
    }

    @Test
    void currentsAreBoundedByModulesTimesTheLargestModuleRating() {
        assertThat(bounds.check(Limits.of(53.2, 400, 400, 45), OptionalInt.of(4), Set.of())).isEmpty();
        assertThat(bounds.check(Limits.of(53.2, 400.1, 0, 45), OptionalInt.of(4), Set.of())).hasValue(
                "CCL 400.1 A from the battery is implausible for 4 modules, at most 400 A");
        assertThat(bounds.check(Limits.of(53.2, 0, 101, 45), OptionalInt.of(1), Set.of())).hasValue(
                "DCL 101 A from the battery is implausible for 1 module, at most 100 A");
        assertThat(bounds.check(Limits.of(53.2, 1201, 0, 45), OptionalInt.empty(), Set.of())).hasValue(
                "CCL 1201 A from the battery is implausible for an unknown module count (12 assumed), at most 1200 A");
    }

    @Test
    void aConfiguredBankRatingReplacesTheModuleArithmetic() {
        LimitPlausibility rated = bounds.withBankCurrentAmps(150);
        assertThat(rated.check(Limits.of(53.2, 150, 150, 45), OptionalInt.of(4), Set.of())).isEmpty();
        assertThat(rated.check(Limits.of(53.2, 160, 0, 45), OptionalInt.of(4), Set.of())).hasValue(
                "CCL 160 A from the battery is implausible for a bank rated 150 A, at most 150 A");
    }

    @Test
    void otherCellCountsAreAnOption() {
        LimitPlausibility up2500 = LimitPlausibility.lfpCells(8, 8);
        // a real UP2500 0x92: 28.4 V / 23.2 V / 55.5 A (docs/protocol.md §2.5.6)
        assertThat(up2500.check(Limits.of(28.4, 55.5, 55.5, 23.2), OptionalInt.of(1), Set.of())).isEmpty();
        assertThat(bounds.check(Limits.of(28.4, 55.5, 55.5, 23.2), OptionalInt.of(1), Set.of())).isPresent();
    }

    @Test
    void policyUsesTheExpectedCountWhenTheBatteryHasNotSaid() {
        LimitPolicy policy = LimitPolicy.defaults().withExpectedModuleCount(2);
        assertThat(policy.implausibility(Limits.of(53.2, 250, 0, 45), Set.of(), OptionalInt.empty())).hasValue(
                "CCL 250 A from the battery is implausible for 2 modules, at most 200 A");
        assertThat(policy.implausibility(Limits.of(53.2, 250, 0, 45), Set.of(), OptionalInt.of(3))).isEmpty();
    }

    @Test
    void rejectsNonsenseBounds() {
        assertThatThrownBy(() -> LimitPlausibility.lfpCells(16, 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bounds.withBankCurrentAmps(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bounds.withModuleCurrentAmps(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

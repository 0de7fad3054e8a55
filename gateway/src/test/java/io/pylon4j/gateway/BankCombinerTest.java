package io.pylon4j.gateway;

import static io.pylon4j.gateway.Views.fresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.Alarm;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.RequestFlags;
import io.pylon4j.testing.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link BankCombiner}'s rules, one per test, and {@link CombinedBankSource} over pushed members. */
class BankCombinerTest {

    @Test
    void currentsAreSummedOverCountingBanksOnly() {
        BankView stale = fresh(53.2, 80, 80, 50, 400).withState(SourceState.STALE, "silent");
        BankView v = BankCombiner.combine(List.of(fresh(53.2, 100, 150, 60, 400), fresh(53.2, 50, 70, 60, 400),
                stale), 1);

        assertThat(v.state()).isEqualTo(SourceState.FRESH);
        assertThat(v.limits().orElseThrow().chargeCurrentLimitAmps()).isEqualTo(150);
        assertThat(v.limits().orElseThrow().dischargeCurrentLimitAmps()).isEqualTo(220);
        assertThat(v.modules()).isEqualTo(8);
        assertThat(v.measurements().currentAmps()).hasValue(-20);
    }

    @Test
    void anImplausibleBankDoesNotCount() {
        BankView wild = fresh(70.0, 500, 500, 50, 400); // a CVL no LV bank has
        BankView v = BankCombiner.combine(List.of(fresh(), wild), 1);

        assertThat(v.limits().orElseThrow().chargeCurrentLimitAmps()).isEqualTo(100);
        assertThat(v.reason()).contains("member 2").contains("70.0 V");
    }

    @Test
    void theLowestChargeVoltageAndHighestDischargeVoltageBindAStaleBanksToo() {
        BankView low = new BankView(SourceState.STALE, "silent",
                Optional.of(new Limits(52.5, 0, 0, OptionalDouble.of(48.0))), fresh().measurements(),
                RequestFlags.NORMAL, Set.of(), 4, 400);
        BankView v = BankCombiner.combine(List.of(fresh(53.2, 100, 150, 60, 400), low), 1);

        assertThat(v.limits().orElseThrow().chargeVoltageLimitVolts()).isEqualTo(52.5);
        assertThat(v.limits().orElseThrow().dischargeVoltageLimitVolts()).hasValue(48.0);
    }

    @Test
    void socIsWeightedByCapacity() {
        BankView v = BankCombiner.combine(List.of(fresh(53.2, 100, 100, 20, 100), fresh(53.2, 100, 100, 80, 50)),
                2);

        assertThat(v.measurements().socPercent().orElseThrow()).isEqualTo(40, offset(1e-9));
        assertThat(v.capacityAmpHours()).isEqualTo(150);
    }

    @Test
    void oneBankAskingToStopChargingStopsTheBus() {
        BankView full = new BankView(SourceState.FRESH, "full", fresh().limits(), fresh().measurements(),
                new RequestFlags(false, true, false, true, false), Set.of(), 4, 400);
        BankView v = BankCombiner.combine(List.of(fresh(), full), 1);

        assertThat(v.requests()).isEqualTo(new RequestFlags(false, true, false, true, false));
    }

    @Test
    void fewerCountingBanksThanNeededIsStaleAndAMissingBankIsAnAlarm() {
        BankView stale = fresh().withState(SourceState.STALE, "silent");
        BankView v = BankCombiner.combine(List.of(fresh(), stale), 2);

        assertThat(v.state()).isEqualTo(SourceState.STALE);
        assertThat(v.alarms()).contains(ActiveAlarm.of(Alarm.INTERNAL_COMMUNICATION, Alarm.Level.ALARM));
        assertThat(v.reason()).startsWith("1 of 2 banks count (2 needed)");
    }

    @Test
    void banksThatNeverReportedAreConnecting() {
        assertThat(BankCombiner.combine(List.of(BankView.connecting("a"), BankView.connecting("b")), 1).state())
                .isEqualTo(SourceState.CONNECTING);
    }

    @Test
    void aBankThatStopsReportingLowersTheLimitsInTheSameCycle() {
        ManualScheduler time = new ManualScheduler();
        PushedBankSource a = new PushedBankSource(time.timeSource(), Duration.ofSeconds(5));
        PushedBankSource b = new PushedBankSource(time.timeSource(), Duration.ofSeconds(5));
        CombinedBankSource bank = new CombinedBankSource(List.of(a, b), 1);
        a.push(fresh());
        b.push(fresh());
        assertThat(bank.view().limits().orElseThrow().chargeCurrentLimitAmps()).isEqualTo(200);

        time.advance(Duration.ofSeconds(4));
        a.push(fresh());
        time.advance(Duration.ofSeconds(1)); // b's view is now 5 s old

        assertThat(bank.view().limits().orElseThrow().chargeCurrentLimitAmps()).isEqualTo(100);
    }

    @Test
    void aCombinedBankHasOneToSixMembers() {
        BankSource s = Views::fresh;
        assertThatThrownBy(() -> new CombinedBankSource(List.of(), 1)).hasMessageContaining("1 to 6");
        assertThatThrownBy(() -> new CombinedBankSource(List.of(s, s, s, s, s, s, s), 1))
                .hasMessageContaining("1 to 6");
        assertThatThrownBy(() -> new CombinedBankSource(List.of(s, s), 3)).hasMessageContaining("1..2");
    }
}

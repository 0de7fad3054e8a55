package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.Alarm;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.RequestFlags;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link SafetyGate}: one test per cell of its transition table. */
class SafetyGateTest {

    static final long SECOND = 1_000_000_000L;
    static final BankView GOOD = Views.fresh();
    static final BankView STALE = GOOD.withState(SourceState.STALE, "silent");

    final SafetyGate gate = new SafetyGate(Optional.of(Duration.ofSeconds(30)));

    @Nested
    class WaitingForData {
        @Test
        void anIncompleteViewSendsNothing() {
            BankView noSoc = new BankView(SourceState.FRESH, "x", GOOD.limits(), Measurements.builder()
                    .voltageVolts(52).build(), RequestFlags.NORMAL, Set.of(), 4, 400);
            SafetyGate.Decision d = gate.decide(noSoc, 0);

            assertThat(d.after()).isEqualTo(GatewayState.WAITING_FOR_DATA);
            assertThat(d.send()).isEmpty();
            assertThat(d.reason()).contains("no state of charge yet");
        }

        @Test
        void anImplausibleViewSendsNothing() {
            BankView zeroCvl = new BankView(SourceState.FRESH, "x", Optional.of(Limits.of(0, 100, 100)),
                    GOOD.measurements(), RequestFlags.NORMAL, Set.of(), 4, 400);
            assertThat(gate.decide(zeroCvl, 0).send()).isEmpty();
        }

        @Test
        void aStaleViewSendsNothing() {
            assertThat(gate.decide(STALE, 0).send()).isEmpty();
            assertThat(gate.state()).isEqualTo(GatewayState.WAITING_FOR_DATA);
        }

        @Test
        void aGoodViewIsForwarded() {
            SafetyGate.Decision d = gate.decide(GOOD, 0);
            assertThat(d.after()).isEqualTo(GatewayState.FORWARDING);
            assertThat(d.changed()).isTrue();
            assertThat(d.send()).contains(GOOD);
        }
    }

    @Nested
    class Forwarding {
        @Test
        void aGoodViewStays() {
            gate.decide(GOOD, 0);
            SafetyGate.Decision d = gate.decide(GOOD, SECOND);
            assertThat(d.changed()).isFalse();
            assertThat(d.send()).contains(GOOD);
        }

        @Test
        void aStaleViewSendsTheFailSafeFormAtOnce() {
            gate.decide(GOOD, 0);
            SafetyGate.Decision d = gate.decide(STALE, SECOND);

            assertThat(d.after()).isEqualTo(GatewayState.FAIL_SAFE);
            BankView sent = d.send().orElseThrow();
            Limits l = sent.limits().orElseThrow();
            assertThat(l.chargeCurrentLimitAmps()).isZero();
            assertThat(l.dischargeCurrentLimitAmps()).isZero();
            assertThat(l.chargeVoltageLimitVolts()).isEqualTo(53.2);
            assertThat(l.dischargeVoltageLimitVolts()).isEqualTo(OptionalDouble.of(47.0));
            assertThat(sent.requests()).isEqualTo(new RequestFlags(false, false, false, false, false));
            assertThat(sent.alarms()).contains(ActiveAlarm.of(Alarm.SYSTEM_ERROR, Alarm.Level.PROTECTION));
            assertThat(sent.measurements().socPercent()).hasValue(60);
        }

        @Test
        void aSourceThatRestartsIsFailSafeToo() {
            gate.decide(GOOD, 0);
            assertThat(gate.decide(BankView.connecting("restarted"), SECOND).after())
                    .isEqualTo(GatewayState.FAIL_SAFE);
        }
    }

    @Nested
    class FailSafe {
        @Test
        void staysUntilTheSilenceTime() {
            gate.decide(GOOD, 0);
            gate.decide(STALE, SECOND);
            SafetyGate.Decision d = gate.decide(STALE, 31 * SECOND - 1);
            assertThat(d.after()).isEqualTo(GatewayState.FAIL_SAFE);
            assertThat(d.send()).isPresent();
        }

        @Test
        void fallsSilentWhenTheTimeIsUp() {
            gate.decide(GOOD, 0);
            gate.decide(STALE, SECOND);
            SafetyGate.Decision d = gate.decide(STALE, 31 * SECOND);
            assertThat(d.after()).isEqualTo(GatewayState.SILENT);
            assertThat(d.send()).isEmpty();
        }

        @Test
        void neverFallsSilentWithoutASilenceTime() {
            SafetyGate forever = new SafetyGate(Optional.empty());
            forever.decide(GOOD, 0);
            assertThat(forever.decide(STALE, 1_000_000 * SECOND).after()).isEqualTo(GatewayState.FAIL_SAFE);
        }

        @Test
        void aGoodViewIsForwardedAgain() {
            gate.decide(GOOD, 0);
            gate.decide(STALE, SECOND);
            assertThat(gate.decide(GOOD, 2 * SECOND).send()).contains(GOOD);
        }
    }

    @Nested
    class Silent {
        @Test
        void staysSilent() {
            gate.decide(GOOD, 0);
            gate.decide(STALE, SECOND);
            gate.decide(STALE, 31 * SECOND);
            assertThat(gate.decide(STALE, 100 * SECOND).send()).isEmpty();
            assertThat(gate.state()).isEqualTo(GatewayState.SILENT);
        }

        @Test
        void aGoodViewIsForwardedAgain() {
            gate.decide(GOOD, 0);
            gate.decide(STALE, SECOND);
            gate.decide(STALE, 31 * SECOND);
            SafetyGate.Decision d = gate.decide(GOOD, 32 * SECOND);
            assertThat(d.after()).isEqualTo(GatewayState.FORWARDING);
            assertThat(d.send()).contains(GOOD);
        }
    }
}

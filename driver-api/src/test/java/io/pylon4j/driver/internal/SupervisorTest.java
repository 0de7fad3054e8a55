package io.pylon4j.driver.internal;

import static io.pylon4j.driver.SupervisionState.CONNECTING;
import static io.pylon4j.driver.SupervisionState.FRESH;
import static io.pylon4j.driver.SupervisionState.LOST;
import static io.pylon4j.driver.SupervisionState.RECOVERED;
import static io.pylon4j.driver.SupervisionState.STALE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.ManualClock;
import io.pylon4j.driver.SupervisionState;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.time.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The supervision state machine, one state × input cell per test, on a manual clock (stale 3 s, lost 10 s). */
class SupervisorTest {

    final ManualClock clock = new ManualClock();
    final Supervisor sup = new Supervisor(Duration.ofSeconds(3), Duration.ofSeconds(10), Moment.ofInstant(clock.instant()));

    /** Drives the supervisor into {@code state}, the newest limits arriving at the returned instant. */
    Instant enter(SupervisionState state) {
        switch (state) {
            case CONNECTING:
                return null;
            case FRESH:
                sup.onLimitsReceived(clock.advanceMillis(100));
                break;
            case STALE:
                enter(FRESH);
                sup.tick(clock.advance(Duration.ofSeconds(3)));
                break;
            case LOST:
                enter(STALE);
                sup.tick(clock.advance(Duration.ofSeconds(7)));
                break;
            case RECOVERED:
                enter(STALE);
                sup.onLimitsReceived(clock.advanceMillis(500));
                break;
            default:
                throw new AssertionError(state);
        }
        assertThat(sup.state()).isEqualTo(state);
        return sup.lastLimitsAt().orElseThrow();
    }

    /** The monotonic reading of an instant of this test ({@link Moment#ofInstant}). */
    static long nanos(Instant t) {
        return Moment.ofInstant(t).nanos();
    }

    static void assertTransition(Optional<SupervisionTransition> t, SupervisionState from, SupervisionState to,
                                 Instant at) {
        assertThat(t).isPresent();
        assertThat(t.get().previous()).isEqualTo(from);
        assertThat(t.get().current()).isEqualTo(to);
        assertThat(t.get().at()).isEqualTo(at);
    }

    @Test
    void startsConnectingSinceStart() {
        assertThat(sup.state()).isEqualTo(CONNECTING);
        assertThat(sup.since()).isEqualTo(ManualClock.T0);
        assertThat(sup.lastLimitsAt()).isEmpty();
    }

    @Test
    void rejectsLostShorterThanStale() {
        assertThatThrownBy(() -> new Supervisor(Duration.ofSeconds(5), Duration.ofSeconds(4), Moment.ofInstant(ManualClock.T0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Supervisor(Duration.ZERO, Duration.ofSeconds(4), Moment.ofInstant(ManualClock.T0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class Connecting {
        @Test
        void limitsMakeItFresh() {
            Instant at = clock.advanceMillis(700);
            var t = sup.onLimitsReceived(at);
            assertTransition(t, CONNECTING, FRESH, at);
            assertThat(t.get().reason()).isEqualTo("first limits received");
            assertThat(sup.since()).isEqualTo(at);
        }

        @Test
        void tickBeforeLostTimeoutStaysConnectingEvenPastStale() {
            assertThat(sup.tick(clock.advance(Duration.ofMillis(9_999)))).isEmpty();
            assertThat(sup.state()).isEqualTo(CONNECTING);
        }

        @Test
        void tickAtLostTimeoutSinceStartIsLost() {
            Instant at = clock.advance(Duration.ofSeconds(10));
            var t = sup.tick(at);
            assertTransition(t, CONNECTING, LOST, at);
            assertThat(t.get().reason()).contains("no limits received within 10.0 s");
        }

        @ParameterizedTest
        @EnumSource(value = ConnectionState.class, names = {"NEW", "CONNECTING", "WAITING_TO_RECONNECT",
                "CONNECTED"})
        void linkDownOrUpStaysConnecting(ConnectionState link) {
            assertThat(sup.onTransportState(link, clock.advanceMillis(10))).isEmpty();
            assertThat(sup.state()).isEqualTo(CONNECTING);
        }

        @ParameterizedTest
        @EnumSource(value = ConnectionState.class, names = {"FAILED", "CLOSED"})
        void linkGaveUpIsLost(ConnectionState link) {
            Instant at = clock.advanceMillis(10);
            var t = sup.onTransportState(link, at);
            assertTransition(t, CONNECTING, LOST, at);
            assertThat(t.get().reason()).contains(link.name());
        }

        @Test
        void deadlineIsStartPlusLost() {
            assertThat(sup.nextDeadlineNanos()).hasValue(nanos(ManualClock.T0.plusSeconds(10)));
        }
    }

    @Nested
    class Fresh {
        @Test
        void limitsKeepItFreshWithoutEvent() {
            enter(FRESH);
            Instant at = clock.advanceMillis(1000);
            assertThat(sup.onLimitsReceived(at)).isEmpty();
            assertThat(sup.state()).isEqualTo(FRESH);
            assertThat(sup.lastLimitsAt()).contains(at);
        }

        @Test
        void tickJustBeforeStaleTimeoutStaysFresh() {
            Instant last = enter(FRESH);
            assertThat(sup.tick(last.plusMillis(2_999))).isEmpty();
            assertThat(sup.state()).isEqualTo(FRESH);
        }

        @Test
        void tickAtStaleTimeoutIsStale() {
            Instant last = enter(FRESH);
            Instant at = last.plusSeconds(3);
            var t = sup.tick(at);
            assertTransition(t, FRESH, STALE, at);
            assertThat(t.get().reason()).isEqualTo("no limits for 3.0 s (stale after 3.0 s)");
        }

        @Test
        void tickPastBothTimeoutsGoesStraightToLost() {
            Instant last = enter(FRESH);
            Instant at = last.plusSeconds(12);
            var t = sup.tick(at);
            assertTransition(t, FRESH, LOST, at);
            assertThat(t.get().reason()).isEqualTo("no limits for 12.0 s (lost after 10.0 s)");
        }

        @ParameterizedTest
        @EnumSource(value = ConnectionState.class, names = {"NEW", "CONNECTING", "WAITING_TO_RECONNECT"})
        void linkDownIsStaleAtOnce(ConnectionState link) {
            enter(FRESH);
            Instant at = clock.advanceMillis(200);
            var t = sup.onTransportState(link, at);
            assertTransition(t, FRESH, STALE, at);
            assertThat(t.get().reason()).isEqualTo("link down (" + link + ")");
        }

        @ParameterizedTest
        @EnumSource(value = ConnectionState.class, names = {"FAILED", "CLOSED"})
        void linkGaveUpIsLost(ConnectionState link) {
            enter(FRESH);
            Instant at = clock.advanceMillis(200);
            assertTransition(sup.onTransportState(link, at), FRESH, LOST, at);
        }

        @Test
        void linkConnectedChangesNothing() {
            enter(FRESH);
            assertThat(sup.onTransportState(ConnectionState.CONNECTED, clock.advanceMillis(1))).isEmpty();
            assertThat(sup.state()).isEqualTo(FRESH);
        }

        @Test
        void deadlineIsLastLimitsPlusStale() {
            Instant last = enter(FRESH);
            assertThat(sup.nextDeadlineNanos()).hasValue(nanos(last.plusSeconds(3)));
        }
    }

    @Nested
    class Stale {
        @Test
        void limitsMakeItRecoveredWithTheGap() {
            Instant last = enter(STALE);
            Instant at = last.plusMillis(4_500);
            var t = sup.onLimitsReceived(at);
            assertTransition(t, STALE, RECOVERED, at);
            assertThat(t.get().reason()).isEqualTo("limits received again after 4.5 s (was STALE)");
        }

        @Test
        void tickBeforeLostStaysStale() {
            Instant last = enter(STALE);
            assertThat(sup.tick(last.plusMillis(9_999))).isEmpty();
            assertThat(sup.state()).isEqualTo(STALE);
        }

        @Test
        void tickAtLostTimeoutIsLost() {
            Instant last = enter(STALE);
            Instant at = last.plusSeconds(10);
            var t = sup.tick(at);
            assertTransition(t, STALE, LOST, at);
            assertThat(t.get().reason()).isEqualTo("no limits for 10.0 s (lost after 10.0 s)");
        }

        @Test
        void reconnectAloneDoesNotMakeItFresh() {
            enter(FRESH);
            sup.onTransportState(ConnectionState.WAITING_TO_RECONNECT, clock.advanceMillis(100));
            assertThat(sup.onTransportState(ConnectionState.CONNECTED, clock.advanceMillis(100))).isEmpty();
            assertThat(sup.tick(clock.advanceMillis(100))).isEmpty();
            assertThat(sup.state()).isEqualTo(STALE);
        }

        @Test
        void linkDownAgainChangesNothing() {
            enter(STALE);
            assertThat(sup.onTransportState(ConnectionState.CONNECTING, clock.advanceMillis(1))).isEmpty();
            assertThat(sup.state()).isEqualTo(STALE);
        }

        @Test
        void linkGaveUpIsLost() {
            enter(STALE);
            Instant at = clock.advanceMillis(1);
            assertTransition(sup.onTransportState(ConnectionState.FAILED, at), STALE, LOST, at);
        }

        @Test
        void deadlineIsLastLimitsPlusLost() {
            Instant last = enter(STALE);
            assertThat(sup.nextDeadlineNanos()).hasValue(nanos(last.plusSeconds(10)));
        }
    }

    @Nested
    class Lost {
        @Test
        void limitsMakeItRecovered() {
            Instant last = enter(LOST);
            Instant at = last.plusSeconds(30);
            var t = sup.onLimitsReceived(at);
            assertTransition(t, LOST, RECOVERED, at);
            assertThat(t.get().reason()).isEqualTo("limits received again after 30.0 s (was LOST)");
        }

        @Test
        void firstLimitsAfterNeverConnectingMakeItRecovered() {
            sup.onTransportState(ConnectionState.FAILED, clock.advanceMillis(10));
            Instant at = clock.advanceMillis(10);
            var t = sup.onLimitsReceived(at);
            assertTransition(t, LOST, RECOVERED, at);
            assertThat(t.get().reason()).isEqualTo("first limits received (was LOST)");
            assertThat(sup.nextDeadlineNanos()).hasValue(nanos(at));
        }

        @Test
        void tickChangesNothing() {
            enter(LOST);
            assertThat(sup.tick(clock.advance(Duration.ofHours(1)))).isEmpty();
            assertThat(sup.state()).isEqualTo(LOST);
        }

        @ParameterizedTest
        @EnumSource(ConnectionState.class)
        void anyLinkStateChangesNothing(ConnectionState link) {
            enter(LOST);
            assertThat(sup.onTransportState(link, clock.advanceMillis(1))).isEmpty();
            assertThat(sup.state()).isEqualTo(LOST);
        }

        @Test
        void noDeadline() {
            enter(LOST);
            assertThat(sup.nextDeadlineNanos()).isEmpty();
        }
    }

    @Nested
    class Recovered {
        @Test
        void nextTickMakesItFresh() {
            enter(RECOVERED);
            Instant at = clock.advanceMillis(1);
            var t = sup.tick(at);
            assertTransition(t, RECOVERED, FRESH, at);
            assertThat(t.get().reason()).isEqualTo("limits current");
        }

        @Test
        void nextLimitsMakeItFresh() {
            enter(RECOVERED);
            Instant at = clock.advanceMillis(1000);
            assertTransition(sup.onLimitsReceived(at), RECOVERED, FRESH, at);
        }

        @Test
        void tickAfterStaleTimeoutIsStaleAgain() {
            Instant last = enter(RECOVERED);
            Instant at = last.plusSeconds(3);
            assertTransition(sup.tick(at), RECOVERED, STALE, at);
        }

        @Test
        void tickAfterLostTimeoutIsLost() {
            Instant last = enter(RECOVERED);
            Instant at = last.plusSeconds(10);
            assertTransition(sup.tick(at), RECOVERED, LOST, at);
        }

        @Test
        void linkDownIsStale() {
            enter(RECOVERED);
            Instant at = clock.advanceMillis(1);
            assertTransition(sup.onTransportState(ConnectionState.WAITING_TO_RECONNECT, at), RECOVERED, STALE, at);
        }

        @Test
        void linkClosedIsLost() {
            enter(RECOVERED);
            Instant at = clock.advanceMillis(1);
            assertTransition(sup.onTransportState(ConnectionState.CLOSED, at), RECOVERED, LOST, at);
        }

        @Test
        void linkConnectedChangesNothing() {
            enter(RECOVERED);
            assertThat(sup.onTransportState(ConnectionState.CONNECTED, clock.advanceMillis(1))).isEmpty();
            assertThat(sup.state()).isEqualTo(RECOVERED);
        }

        @Test
        void deadlineIsDueAtOnce() {
            enter(RECOVERED);
            assertThat(sup.nextDeadlineNanos()).hasValue(nanos(sup.since()));
        }
    }

    @Test
    void equalTimeoutsSkipStale() {
        Supervisor sma = Supervisor.of(InverterProfile.SMA, Moment.ofInstant(ManualClock.T0));
        sma.onLimitsReceived(ManualClock.T0);
        assertThat(sma.tick(ManualClock.T0.plusSeconds(59))).isEmpty();
        assertTransition(sma.tick(ManualClock.T0.plusSeconds(60)), FRESH, LOST, ManualClock.T0.plusSeconds(60));
    }

    @Test
    void olderLimitsDoNotMoveLastLimitsBack() {
        Instant last = enter(FRESH);
        sup.onLimitsReceived(last.minusSeconds(5));
        assertThat(sup.lastLimitsAt()).contains(last);
    }

    /**
     * Ticks every 100 ms for {@code seconds} of silence, stepping the wall clock by {@code wallStep} after the first
     * second, and returns each transition with the monotonic time since {@code fromNanos} at which it happened.
     */
    List<Map.Entry<SupervisionState, Duration>> silence(long fromNanos, int seconds, Duration wallStep) {
        List<Map.Entry<SupervisionState, Duration>> seen = new ArrayList<>();
        for (int ms = 100; ms <= seconds * 1000; ms += 100) {
            clock.advanceMillis(100);
            if (ms == 1000) {
                clock.stepWallClock(wallStep);
            }
            Optional<SupervisionTransition> t = sup.tick(clock.now());
            t.ifPresent(tr -> {
                assertThat(tr.at()).isEqualTo(clock.instant()); // the wall clock, stepped or not, is what is shown
                seen.add(Map.entry(tr.current(), Duration.ofNanos(clock.nanoTime() - fromNanos)));
            });
        }
        return seen;
    }

    @ParameterizedTest(name = "wall clock stepped by {0} s")
    @ValueSource(longs = {0, -3600, 3600})
    void aWallClockStepDuringSilenceMovesNeitherStaleNorLost(long stepSeconds) {
        clock.advanceMillis(100);
        sup.onLimitsReceived(clock.now());
        long limitsAt = clock.nanoTime();

        assertThat(silence(limitsAt, 12, Duration.ofSeconds(stepSeconds)))
                .containsExactly(Map.entry(STALE, Duration.ofSeconds(3)), Map.entry(LOST, Duration.ofSeconds(10)));
        assertThat(sup.since()).isEqualTo(clock.instant().minusSeconds(2)); // LOST 2 s ago on the stepped wall
    }

    @ParameterizedTest(name = "wall clock stepped by {0} s")
    @ValueSource(longs = {0, -3600, 3600})
    void aWallClockStepBeforeTheFirstLimitsDoesNotMoveLost(long stepSeconds) {
        long startedAt = clock.nanoTime();

        assertThat(silence(startedAt, 12, Duration.ofSeconds(stepSeconds)))
                .containsExactly(Map.entry(LOST, Duration.ofSeconds(10)));
    }

    @Test
    void limitsAfterAWallStepBackAreNewerAndRecover() {
        Instant last = enter(STALE);
        clock.stepWallClock(Duration.ofHours(-1));
        Instant again = clock.advanceMillis(500);
        assertThat(again).isBefore(last); // on the wall clock, but half a second later on the monotonic one

        Optional<SupervisionTransition> t = sup.onLimitsReceived(clock.now());

        assertTransition(t, STALE, RECOVERED, again);
        assertThat(t.get().reason()).contains("after 3.5 s");
        assertThat(sup.lastLimitsAt()).contains(again);
        assertThat(sup.nextDeadlineNanos()).hasValue(clock.nanoTime());
    }
}

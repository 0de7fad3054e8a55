package io.pylon4j.transport.spi;

import static io.pylon4j.transport.ConnectionState.CLOSED;
import static io.pylon4j.transport.ConnectionState.CONNECTED;
import static io.pylon4j.transport.ConnectionState.CONNECTING;
import static io.pylon4j.transport.ConnectionState.FAILED;
import static io.pylon4j.transport.ConnectionState.NEW;
import static io.pylon4j.transport.ConnectionState.WAITING_TO_RECONNECT;
import static io.pylon4j.transport.spi.ConnectionStateMachine.Event.BACKOFF_ELAPSED;
import static io.pylon4j.transport.spi.ConnectionStateMachine.Event.CLOSE;
import static io.pylon4j.transport.spi.ConnectionStateMachine.Event.CONNECT_FAILED;
import static io.pylon4j.transport.spi.ConnectionStateMachine.Event.LINK_LOST;
import static io.pylon4j.transport.spi.ConnectionStateMachine.Event.OPEN;
import static io.pylon4j.transport.spi.ConnectionStateMachine.Event.UNRECOVERABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.ReconnectPolicy;
import io.pylon4j.transport.TransportClosedException;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.spi.ConnectionStateMachine.Event;
import io.pylon4j.transport.spi.ConnectionStateMachine.Step;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one connection state machine: first the table ({@link ConnectionStateMachine#next}), one state × event cell
 * per test, the illegal cells included; then what firing an event does besides (attempts, backoff, counters, the
 * open future, announcements).
 */
class ConnectionStateMachineTest {

    static ConnectionState next(ConnectionState state, Event event) {
        return ConnectionStateMachine.next(state, event, true);
    }

    static ConnectionState nextGivingUp(ConnectionState state, Event event) {
        return ConnectionStateMachine.next(state, event, false);
    }

    static void assertIllegal(ConnectionState state, Event event) {
        assertThatThrownBy(() -> next(state, event)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(event.name()).hasMessageContaining(state.name());
    }

    @Nested
    class FromNew {
        @Test
        void openStartsConnecting() {
            assertThat(next(NEW, OPEN)).isEqualTo(CONNECTING);
        }

        @ParameterizedTest
        @EnumSource(value = Event.class, names = {"CONNECTED", "CONNECT_FAILED", "LINK_LOST", "BACKOFF_ELAPSED"})
        void linkEventsBeforeOpenAreIllegal(Event event) {
            assertIllegal(NEW, event);
        }

        @Test
        void unrecoverableFails() {
            assertThat(next(NEW, UNRECOVERABLE)).isEqualTo(FAILED);
        }

        @Test
        void closeCloses() {
            assertThat(next(NEW, CLOSE)).isEqualTo(CLOSED);
        }
    }

    @Nested
    class FromConnecting {
        @Test
        void openAgainIsIgnored() {
            assertThat(next(CONNECTING, OPEN)).isEqualTo(CONNECTING);
        }

        @Test
        void connectedConnects() {
            assertThat(next(CONNECTING, Event.CONNECTED)).isEqualTo(CONNECTED);
        }

        @Test
        void connectFailedWaitsWhenThePolicyAllows() {
            assertThat(next(CONNECTING, CONNECT_FAILED)).isEqualTo(WAITING_TO_RECONNECT);
        }

        @Test
        void connectFailedFailsWhenThePolicyGivesUp() {
            assertThat(nextGivingUp(CONNECTING, CONNECT_FAILED)).isEqualTo(FAILED);
        }

        @ParameterizedTest
        @EnumSource(value = Event.class, names = {"LINK_LOST", "BACKOFF_ELAPSED"})
        void illegal(Event event) {
            assertIllegal(CONNECTING, event);
        }

        @Test
        void unrecoverableFails() {
            assertThat(next(CONNECTING, UNRECOVERABLE)).isEqualTo(FAILED);
        }

        @Test
        void closeCloses() {
            assertThat(next(CONNECTING, CLOSE)).isEqualTo(CLOSED);
        }
    }

    @Nested
    class FromConnected {
        @Test
        void openAgainIsIgnored() {
            assertThat(next(CONNECTED, OPEN)).isEqualTo(CONNECTED);
        }

        @Test
        void linkLostWaitsWhenThePolicyAllows() {
            assertThat(next(CONNECTED, LINK_LOST)).isEqualTo(WAITING_TO_RECONNECT);
        }

        @Test
        void linkLostFailsWhenThePolicyGivesUp() {
            assertThat(nextGivingUp(CONNECTED, LINK_LOST)).isEqualTo(FAILED);
        }

        @ParameterizedTest
        @EnumSource(value = Event.class, names = {"CONNECTED", "CONNECT_FAILED", "BACKOFF_ELAPSED"})
        void illegal(Event event) {
            assertIllegal(CONNECTED, event);
        }

        @Test
        void unrecoverableFails() {
            assertThat(next(CONNECTED, UNRECOVERABLE)).isEqualTo(FAILED);
        }

        @Test
        void closeCloses() {
            assertThat(next(CONNECTED, CLOSE)).isEqualTo(CLOSED);
        }
    }

    @Nested
    class FromWaitingToReconnect {
        @Test
        void openAgainIsIgnored() {
            assertThat(next(WAITING_TO_RECONNECT, OPEN)).isEqualTo(WAITING_TO_RECONNECT);
        }

        @Test
        void backoffElapsedConnectsAgain() {
            assertThat(next(WAITING_TO_RECONNECT, BACKOFF_ELAPSED)).isEqualTo(CONNECTING);
        }

        @ParameterizedTest
        @EnumSource(value = Event.class, names = {"CONNECTED", "CONNECT_FAILED", "LINK_LOST"})
        void illegal(Event event) {
            assertIllegal(WAITING_TO_RECONNECT, event);
        }

        @Test
        void unrecoverableFails() {
            assertThat(next(WAITING_TO_RECONNECT, UNRECOVERABLE)).isEqualTo(FAILED);
        }

        @Test
        void closeCloses() {
            assertThat(next(WAITING_TO_RECONNECT, CLOSE)).isEqualTo(CLOSED);
        }
    }

    @Nested
    class FromFailed {
        @Test
        void openAgainIsIgnored() {
            assertThat(next(FAILED, OPEN)).isEqualTo(FAILED);
        }

        @ParameterizedTest
        @EnumSource(value = Event.class, names = {"CONNECTED", "CONNECT_FAILED", "LINK_LOST", "BACKOFF_ELAPSED"})
        void illegal(Event event) {
            assertIllegal(FAILED, event);
        }

        @Test
        void unrecoverableAgainIsIgnored() {
            assertThat(next(FAILED, UNRECOVERABLE)).isEqualTo(FAILED);
        }

        @Test
        void closeCloses() {
            assertThat(next(FAILED, CLOSE)).isEqualTo(CLOSED);
        }
    }

    @Nested
    class FromClosed {
        /** Closing races with the link's own events: whatever comes after close is ignored, never illegal. */
        @ParameterizedTest
        @EnumSource(Event.class)
        void everythingIsIgnored(Event event) {
            assertThat(next(CLOSED, event)).isEqualTo(CLOSED);
            assertThat(nextGivingUp(CLOSED, event)).isEqualTo(CLOSED);
        }
    }

    @Nested
    class Firing {
        final TransportMetrics metrics = new TransportMetrics();
        final ReconnectPolicy policy = new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0, 0.0, 0);
        final ConnectionStateMachine machine =
                new ConnectionStateMachine("virtual:m", policy, metrics, new SplittableRandom(1));
        final List<ConnectionStateChange> changes = new ArrayList<>();

        {
            machine.tracker().addListener(changes::add);
        }

        @Test
        void countsAttemptsAndBacksOffAsThePolicySays() {
            IOException refused = new IOException("refused");
            machine.fire(OPEN, null);
            Step first = machine.fire(CONNECT_FAILED, refused);
            machine.fire(BACKOFF_ELAPSED, null);
            Step second = machine.fire(CONNECT_FAILED, refused);
            Step third = machine.fire(BACKOFF_ELAPSED, null);

            assertThat(first).isEqualTo(new Step(CONNECTING, WAITING_TO_RECONNECT, 1, Duration.ofSeconds(1)));
            assertThat(second).isEqualTo(new Step(CONNECTING, WAITING_TO_RECONNECT, 2, Duration.ofSeconds(2)));
            assertThat(third).isEqualTo(new Step(WAITING_TO_RECONNECT, CONNECTING, 3, Duration.ZERO));
            assertThat(changes).extracting(ConnectionStateChange::current).containsExactly(CONNECTING,
                    WAITING_TO_RECONNECT, CONNECTING, WAITING_TO_RECONNECT, CONNECTING);
            assertThat(changes.get(1).cause()).isSameAs(refused);
            assertThat(changes.get(1).nextAttemptDelay()).isEqualTo(Duration.ofSeconds(1));
            assertThat(metrics.snapshot().errors()).isEqualTo(2);
        }

        @Test
        void aConnectionRestartsTheAttemptCountAndAReconnectIsCounted() {
            machine.fire(OPEN, null);
            machine.fire(CONNECT_FAILED, new IOException("refused"));
            machine.fire(BACKOFF_ELAPSED, null);
            Step up = machine.fire(Event.CONNECTED, null);
            Step lost = machine.fire(LINK_LOST, new IOException("reset"));
            machine.fire(BACKOFF_ELAPSED, null);
            machine.fire(Event.CONNECTED, null);

            assertThat(up.attempt()).isEqualTo(2);
            assertThat(lost).isEqualTo(new Step(CONNECTED, WAITING_TO_RECONNECT, 1, Duration.ofSeconds(1)));
            assertThat(metrics.snapshot().reconnects()).isEqualTo(1);
        }

        @Test
        void theOpenFutureCompletesWithTheFirstConnection() {
            CompletableFuture<Void> open = machine.tracker().firstConnection().toCompletableFuture();
            machine.fire(OPEN, null);
            assertThat(open).isNotDone();

            machine.fire(Event.CONNECTED, null);

            assertThat(open).isCompleted();
        }

        @Test
        void givingUpFailsTheOpenFutureWithTheCause() {
            ConnectionStateMachine once = new ConnectionStateMachine("virtual:m", ReconnectPolicy.NO_RETRY, metrics);
            CompletableFuture<Void> open = once.tracker().firstConnection().toCompletableFuture();
            once.fire(OPEN, null);

            Step step = once.fire(CONNECT_FAILED, new IOException("refused"));

            assertThat(step.current()).isEqualTo(FAILED);
            assertThatThrownBy(open::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TransportIoException.class).hasMessageContaining("refused");
        }

        @Test
        void anUnrecoverableErrorFailsTheOpenFutureWithTheErrorItself() {
            CompletableFuture<Void> open = machine.tracker().firstConnection().toCompletableFuture();
            machine.fire(OPEN, null);
            UnsatisfiedLinkError error = new UnsatisfiedLinkError("no native library");

            machine.fire(UNRECOVERABLE, error);

            assertThat(machine.state()).isEqualTo(FAILED);
            assertThatThrownBy(open::get).hasCause(error);
        }

        @Test
        void closeIsDecidedAtOnceButAnnouncedOnlyWhenTheTransportSaysSo() {
            machine.fire(OPEN, null);
            machine.fire(Event.CONNECTED, null);

            Step close = machine.fire(CLOSE, null);
            Step lateLoss = machine.fire(LINK_LOST, new IOException("port closed by close()"));

            assertThat(close.moved()).isTrue();
            assertThat(lateLoss.moved()).isFalse();
            assertThat(machine.isClosed()).isTrue();
            assertThat(machine.tracker().state()).isEqualTo(CONNECTED);
            assertThat(metrics.snapshot().errors()).isZero();

            machine.announceClosed();

            assertThat(machine.tracker().state()).isEqualTo(CLOSED);
            assertThat(changes).extracting(ConnectionStateChange::current)
                    .containsExactly(CONNECTING, CONNECTED, CLOSED);
        }

        @Test
        void aSecondCloseIsIgnored() {
            assertThat(machine.fire(CLOSE, null).moved()).isTrue();
            assertThat(machine.fire(CLOSE, null).moved()).isFalse();
        }

        @Test
        void closeBeforeOpenFailsTheOpenFuture() {
            CompletableFuture<Void> open = machine.tracker().firstConnection().toCompletableFuture();
            machine.fire(CLOSE, null);
            machine.announceClosed();

            assertThatThrownBy(open::get).hasCauseInstanceOf(TransportClosedException.class);
        }

        @Test
        void announcingClosedBeforeCloseIsABug() {
            assertThatThrownBy(machine::announceClosed).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void anIllegalEventChangesNothing() {
            assertThatThrownBy(() -> machine.fire(LINK_LOST, new IOException("x")))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(machine.state()).isEqualTo(NEW);
            assertThat(changes).isEmpty();
            assertThat(metrics.snapshot().errors()).isZero();
        }
    }
}

package io.pylon4j.transport.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.TransportClosedException;
import io.pylon4j.transport.TransportException;
import io.pylon4j.transport.TransportIoException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The state, listeners and open future that the blocking and event-loop transports share. */
class ConnectionStateTrackerTest {

    private final TransportMetrics metrics = new TransportMetrics();
    private final ConnectionStateTracker tracker = new ConnectionStateTracker("virtual:t", metrics);

    @Test
    void reportsEachTransitionWithThePreviousState() {
        List<ConnectionStateChange> changes = new ArrayList<>();
        tracker.addListener(changes::add);
        IOException fault = new IOException("gone");

        tracker.transition(ConnectionState.CONNECTING, null, 1, Duration.ZERO);
        tracker.transition(ConnectionState.WAITING_TO_RECONNECT, fault, 1, Duration.ofSeconds(2));

        assertThat(tracker.state()).isEqualTo(ConnectionState.WAITING_TO_RECONNECT);
        assertThat(changes).containsExactly(
                new ConnectionStateChange("virtual:t", ConnectionState.NEW, ConnectionState.CONNECTING, null, 1,
                        Duration.ZERO),
                new ConnectionStateChange("virtual:t", ConnectionState.CONNECTING,
                        ConnectionState.WAITING_TO_RECONNECT, fault, 1, Duration.ofSeconds(2)));
    }

    @Test
    void aThrowingListenerIsCountedAndTheOthersStillHear() {
        List<ConnectionStateChange> changes = new ArrayList<>();
        tracker.addListener(change -> {
            throw new IllegalStateException("faulty");
        });
        tracker.addListener(changes::add);

        tracker.transition(ConnectionState.CONNECTING, null, 1, Duration.ZERO);

        assertThat(changes).hasSize(1);
        assertThat(metrics.snapshot().errors()).isEqualTo(1);
    }

    @Test
    void aRemovedListenerHearsNothing() {
        List<ConnectionStateChange> changes = new ArrayList<>();
        tracker.addListener(changes::add);
        tracker.removeListener(changes::add); // another instance: not removed
        tracker.transition(ConnectionState.CONNECTING, null, 1, Duration.ZERO);
        assertThat(changes).hasSize(1);

        List<ConnectionStateChange> other = new ArrayList<>();
        ConnectionStateTracker t = new ConnectionStateTracker("virtual:u", metrics);
        io.pylon4j.transport.ConnectionStateListener listener = other::add;
        t.addListener(listener);
        t.removeListener(listener);
        t.transition(ConnectionState.CONNECTING, null, 1, Duration.ZERO);
        assertThat(other).isEmpty();
    }

    @Test
    void aNullListenerIsRefused() {
        assertThatThrownBy(() -> tracker.addListener(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void closedFailsTheOpenFutureBeforeTellingTheListeners() {
        CompletionStage<Void> open = tracker.firstConnection();
        List<Boolean> futureDoneWhenHeard = new ArrayList<>();
        tracker.addListener(change -> futureDoneWhenHeard.add(open.toCompletableFuture().isDone()));
        tracker.transition(ConnectionState.CONNECTING, null, 1, Duration.ZERO);

        tracker.closed();

        assertThat(tracker.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(futureDoneWhenHeard).containsExactly(false, true);
        assertThatThrownBy(() -> open.toCompletableFuture().get()).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TransportClosedException.class);
    }

    @Test
    void theFirstConnectionCompletesOnceAndEachCallerGetsACopy() throws Exception {
        CompletionStage<Void> mine = tracker.firstConnection();
        mine.toCompletableFuture().cancel(false); // a caller's copy cannot affect the transport

        tracker.completeFirstConnection();
        tracker.failFirstConnection(new IOException("later"));
        tracker.closed();

        assertThat(tracker.firstConnection().toCompletableFuture().get()).isNull();
    }

    @Test
    void failFirstConnectionKeepsTheCauseAsItIs() {
        Error fatal = new UnsatisfiedLinkError("no lib");
        tracker.failFirstConnection(fatal);
        assertThatThrownBy(() -> tracker.firstConnection().toCompletableFuture().get())
                .hasCause(fatal);
    }

    @Test
    void asTransportExceptionWrapsAllButTransportExceptions() {
        TransportException own = new TransportIoException("virtual:t: refused");
        assertThat(ConnectionStateTracker.asTransportException("virtual:t", own)).isSameAs(own);

        IOException io = new IOException("refused");
        TransportException wrapped = ConnectionStateTracker.asTransportException("virtual:t", io);
        assertThat(wrapped).isInstanceOf(TransportIoException.class).hasMessage("virtual:t: refused").hasCause(io);
    }
}

package io.pylon4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.ReconnectPolicy;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.stream.StreamConnection;
import io.pylon4j.transport.stream.StreamConnector;
import io.pylon4j.transport.stream.StreamTransports;
import java.io.IOException;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A blocking transport's reconnect backoff on a {@link ManualScheduler}: an hour's wait passes when the test says
 * so, not a nanosecond earlier, and without the test waiting an hour.
 */
class ReconnectOnManualTimeTest {

    static final ReconnectPolicy HOURLY = new ReconnectPolicy(Duration.ofHours(1), Duration.ofHours(1), 1.0, 0.0, 0);

    final ManualScheduler timer = new ManualScheduler();

    /** Waits (bounded) until the transport's thread has put its wake-up on the timer, just after announcing. */
    static void awaitPending(ManualScheduler timer, int tasks) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (timer.pending() != tasks && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
        assertThat(timer.pending()).isEqualTo(tasks);
    }

    @Test
    void aStreamTransportReconnectsWhenTheManualTimeReachesTheBackoff() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        StreamConnector connector = () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IOException("port busy");
            }
            Pipe pipe = Pipe.open(); // read blocks until the transport closes it
            return StreamConnection.of(pipe.source(), pipe.sink());
        };
        CompletableFuture<ConnectionStateChange> waiting = new CompletableFuture<>();
        CompletableFuture<ConnectionStateChange> connected = new CompletableFuture<>();
        TransportOptions options = TransportOptions.defaults().withReconnectPolicy(HOURLY).withReconnectTimer(timer);
        try (ByteStreamTransport link = StreamTransports.reconnecting("backoff", connector, options)) {
            link.addStateListener(c -> {
                if (c.current() == ConnectionState.WAITING_TO_RECONNECT) {
                    waiting.complete(c);
                } else if (c.current() == ConnectionState.CONNECTED) {
                    connected.complete(c);
                }
            });
            link.open();

            assertThat(waiting.get(10, TimeUnit.SECONDS).nextAttemptDelay()).isEqualTo(Duration.ofHours(1));
            awaitPending(timer, 1);
            timer.advance(Duration.ofHours(1).minusNanos(1));
            assertThat(timer.pending()).isEqualTo(1); // not yet
            assertThat(attempts).hasValue(1);

            timer.advance(Duration.ofNanos(1));

            assertThat(connected.get(10, TimeUnit.SECONDS).attempt()).isEqualTo(2);
            assertThat(attempts).hasValue(2);
            assertThat(timer.elapsed()).isEqualTo(Duration.ofHours(1));
        }
    }

    @Test
    void closingDuringTheBackoffEndsTheWaitAndCancelsTheWakeUp() throws Exception {
        CompletableFuture<ConnectionStateChange> closed = new CompletableFuture<>();
        TransportOptions options = TransportOptions.defaults().withReconnectPolicy(HOURLY).withReconnectTimer(timer);
        ByteStreamTransport link = StreamTransports.reconnecting("backoff-close", () -> {
            throw new IOException("port busy");
        }, options);
        link.addStateListener(c -> {
            if (c.current() == ConnectionState.CLOSED) {
                closed.complete(c);
            }
        });
        link.open();
        awaitPending(timer, 1);

        link.close(); // returns once the transport's thread has ended

        assertThat(closed).isDone();
        assertThat(timer.pending()).isZero();
    }
}

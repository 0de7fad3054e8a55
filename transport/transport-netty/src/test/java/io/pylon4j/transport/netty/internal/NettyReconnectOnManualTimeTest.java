package io.pylon4j.transport.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.ReconnectPolicy;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.netty.NettyTransportProvider;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Netty transports' reconnect backoff on a {@link ManualScheduler} ({@code TransportOptions.reconnectTimer}):
 * a refused connection is retried when the test moves time by the policy's hour, not before.
 */
class NettyReconnectOnManualTimeTest {

    @Test
    void aRefusedConnectionIsRetriedWhenTheManualTimeReachesTheBackoff() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // closed again: nothing listens there now
        }
        ManualScheduler timer = new ManualScheduler();
        TransportOptions options = TransportOptions.defaults().withThreadNamePrefix("manual-backoff")
                .withReconnectPolicy(new ReconnectPolicy(Duration.ofHours(1), Duration.ofHours(1), 1.0, 0.0, 0))
                .withReconnectTimer(timer);
        CompletableFuture<ConnectionStateChange> firstWait = new CompletableFuture<>();
        CompletableFuture<ConnectionStateChange> secondAttempt = new CompletableFuture<>();
        try (ByteStreamTransport tcp = new NettyTransportProvider()
                .createByteStream(Endpoint.parse("tcp:127.0.0.1:" + port), options)) {
            tcp.addStateListener(c -> {
                if (c.current() == ConnectionState.WAITING_TO_RECONNECT) {
                    firstWait.complete(c);
                } else if (c.current() == ConnectionState.CONNECTING && c.attempt() == 2) {
                    secondAttempt.complete(c);
                }
            });
            tcp.open();

            assertThat(firstWait.get(10, TimeUnit.SECONDS).nextAttemptDelay()).isEqualTo(Duration.ofHours(1));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (timer.pending() == 0 && System.nanoTime() - deadline < 0) {
                Thread.onSpinWait(); // the loop puts the next attempt on the timer just after announcing the wait
            }
            timer.advance(Duration.ofHours(1).minusNanos(1));
            assertThat(timer.pending()).isEqualTo(1); // not yet
            assertThat(secondAttempt).isNotDone();

            timer.advance(Duration.ofNanos(1));

            assertThat(secondAttempt.get(10, TimeUnit.SECONDS).previous())
                    .isEqualTo(ConnectionState.WAITING_TO_RECONNECT);
        }
    }
}

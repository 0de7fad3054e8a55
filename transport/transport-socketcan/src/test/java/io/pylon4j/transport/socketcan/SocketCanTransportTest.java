package io.pylon4j.transport.socketcan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.NotConnectedException;
import io.pylon4j.transport.ReconnectPolicy;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the transport does without a CAN interface: runs on any Linux machine (and proves that JavaCAN's JNI library
 * loads from the classifier jar). The behaviour on a real interface is in {@link SocketCanVcanIT}.
 */
class SocketCanTransportTest {

    @Test
    void aMissingInterfaceFailsWithItsNameAndReleasesTheThread() throws Exception {
        List<ConnectionStateChange> changes = new CopyOnWriteArrayList<>();
        CanTransport can = Transports.fromServiceLoader().can("socketcan:pylon4jnone0", TransportOptions.defaults()
                .withReconnectPolicy(ReconnectPolicy.NO_RETRY).withThreadNamePrefix("sctest"));
        try (can) {
            can.addStateListener(changes::add);
            assertThatThrownBy(() -> can.open().toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TransportIoException.class)
                    .hasMessageContaining("socketcan:pylon4jnone0")
                    .hasMessageContaining("no network interface pylon4jnone0");
            assertThat(can.state()).isEqualTo(ConnectionState.FAILED);
            assertThatThrownBy(() -> can.send(CanFrame.ofHex(0x305, "00"))).isInstanceOf(NotConnectedException.class);
        }
        assertThat(changes).extracting(ConnectionStateChange::current)
                .containsExactly(ConnectionState.CONNECTING, ConnectionState.FAILED, ConnectionState.CLOSED);
        waitForNoThread("sctest-socketcan-pylon4jnone0");
    }

    @Test
    void closeWithoutOpenIsFineAndIdempotent() {
        CanTransport can = Transports.fromServiceLoader().can("socketcan:vcan0");
        can.close();
        can.close();
        assertThat(can.state()).isEqualTo(ConnectionState.CLOSED);
        assertThatThrownBy(() -> can.open().toCompletableFuture().join()).isInstanceOf(CompletionException.class);
    }

    static void waitForNoThread(String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (threadAlive(name) && System.nanoTime() < deadline) {
            Thread.sleep(10); // test-side wait for another thread's exit; the transport itself never sleeps
        }
        assertThat(threadAlive(name)).as("thread %s is gone", name).isFalse();
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}

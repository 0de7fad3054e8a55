package io.pylon4j.transport.tcplisten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.ReconnectPolicy;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code tcp-listen:}'s one client slot is never held for ever by an idle client: an idle timeout frees it, and a
 * new client takes over from one that has gone quiet. Real socket clients on loopback.
 */
class TcpListenIdleTest {

    private static final TransportOptions FAST_RETRY = TransportOptions.defaults()
            .withReconnectPolicy(new ReconnectPolicy(Duration.ofMillis(10), Duration.ofMillis(10), 1.0, 0.0, 0));

    private final Transports transports = Transports.fromServiceLoader();

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s within 20 s", what).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** Reads until the server closes the socket (true) or 20 s pass (false); bytes read are ignored. */
    private static boolean closedByServer(Socket socket) throws Exception {
        socket.setSoTimeout(20_000);
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // drain
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    @Test
    void aClientThatSendsNothingIsDisconnectedAfterTheIdleTimeoutAndTheNextOneIsServed() throws Exception {
        try (ByteStreamTransport t = transports.byteStream("tcp-listen:0?idle-timeout=0.3", FAST_RETRY)) {
            int port = ((TcpListenTransport) t).localPort();
            StringBuffer received = new StringBuffer();
            t.addByteListener((buf, off, len, nanos) -> received.append(new String(buf, off, len,
                    StandardCharsets.US_ASCII)));
            List<ConnectionStateChange> changes = new CopyOnWriteArrayList<>();
            t.addStateListener(changes::add);
            t.open();
            try (Socket idle = new Socket(InetAddress.getLoopbackAddress(), port)) {
                await("the idle client attached", () -> t.state() == ConnectionState.CONNECTED);

                assertThat(closedByServer(idle)).as("the idle client is disconnected").isTrue();
            }
            // the client sees the close before the transport announces it: wait for the announcement
            await("the drop announced", () -> changes.stream()
                    .anyMatch(change -> change.current() == ConnectionState.WAITING_TO_RECONNECT));
            assertThat(changes).anySatisfy(change -> {
                assertThat(change.current()).isEqualTo(ConnectionState.WAITING_TO_RECONNECT);
                assertThat(change.cause()).hasMessageContaining("sent nothing for")
                        .hasMessageContaining("idle-timeout 0.3 s");
            });
            try (Socket next = new Socket(InetAddress.getLoopbackAddress(), port)) {
                next.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
                await("the next client's bytes", () -> received.toString().equals("hello\n"));
            }
        }
    }

    @Test
    void aNewClientTakesOverFromAnIdleOne() throws Exception {
        // no idle timeout: only the waiting client can free the slot
        try (ByteStreamTransport t = transports.byteStream("tcp-listen:0?idle-timeout=0&takeover-after=0.2",
                FAST_RETRY)) {
            int port = ((TcpListenTransport) t).localPort();
            StringBuffer received = new StringBuffer();
            t.addByteListener((buf, off, len, nanos) -> received.append(new String(buf, off, len,
                    StandardCharsets.US_ASCII)));
            List<ConnectionStateChange> changes = new CopyOnWriteArrayList<>();
            t.addStateListener(changes::add);
            t.open();
            try (Socket first = new Socket(InetAddress.getLoopbackAddress(), port)) {
                first.getOutputStream().write("first\n".getBytes(StandardCharsets.US_ASCII));
                await("the first client's bytes", () -> received.toString().equals("first\n"));
                try (Socket second = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    second.getOutputStream().write("second\n".getBytes(StandardCharsets.US_ASCII));

                    assertThat(closedByServer(first)).as("the idle first client is disconnected").isTrue();
                    await("the second client's bytes", () -> received.toString().equals("first\nsecond\n"));
                    await("connected again", () -> t.state() == ConnectionState.CONNECTED);
                    t.write("to second\n".getBytes(StandardCharsets.US_ASCII));
                    byte[] reply = second.getInputStream().readNBytes("to second\n".length());
                    assertThat(new String(reply, StandardCharsets.US_ASCII)).isEqualTo("to second\n");
                }
            }
            assertThat(changes).anySatisfy(change -> assertThat(change.cause())
                    .hasMessageContaining("a new client").hasMessageContaining("takes over"));
        }
    }

    @Test
    void withoutAnIdleTimeoutAQuietClientKeepsTheSlotWhileNoOneElseWants() throws Exception {
        try (ByteStreamTransport t = transports.byteStream("tcp-listen:0?idle-timeout=0&takeover-after=0.1",
                FAST_RETRY)) {
            int port = ((TcpListenTransport) t).localPort();
            t.open();
            try (Socket quiet = new Socket(InetAddress.getLoopbackAddress(), port)) {
                await("attached", () -> t.state() == ConnectionState.CONNECTED);
                quiet.setSoTimeout(1_000);
                // a second of silence, ten times the takeover time: still attached, since no one is waiting
                assertThatThrownBy(() -> quiet.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
                assertThat(t.state()).isEqualTo(ConnectionState.CONNECTED);
                t.write("still here\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(quiet.getInputStream().readNBytes(11), StandardCharsets.US_ASCII))
                        .isEqualTo("still here\n");
            }
        }
    }

    @Test
    void theDefaultsAreAMinuteIdleAndFiveSecondsForATakeover() {
        try (ByteStreamTransport t = transports.byteStream("tcp-listen:0")) {
            assertThat(((TcpListenTransport) t).idleTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(((TcpListenTransport) t).takeoverAfter()).isEqualTo(Duration.ofSeconds(5));
        }
    }

    @Test
    void badSettingsAreClearEndpointErrors() {
        assertThatThrownBy(() -> transports.byteStream("tcp-listen:0?idle-timeout=soon"))
                .isInstanceOf(InvalidEndpointException.class)
                .hasMessageContaining("idle-timeout=soon is not a number of seconds");
        assertThatThrownBy(() -> transports.byteStream("tcp-listen:0?takeover-after=-1"))
                .isInstanceOf(InvalidEndpointException.class).hasMessageContaining("takeover-after=-1");
        assertThatThrownBy(() -> transports.byteStream("tcp-listen:0?idle=5"))
                .isInstanceOf(InvalidEndpointException.class).hasMessageContaining("unknown parameter 'idle'");
    }
}

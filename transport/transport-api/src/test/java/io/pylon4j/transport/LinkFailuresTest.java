package io.pylon4j.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The phrases that name why a link is down, from real faults where the JDK can make them. */
class LinkFailuresTest {

    /** A loopback port that was just free: nothing listens there, so a connect is refused. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aRefusedConnectionNamesThePeerThatRefused() throws IOException {
        int port = closedPort();
        Throwable refused = catchConnect(port);

        assertThat(LinkFailures.describe("tcp:127.0.0.1:" + port, refused))
                .isEqualTo("connection refused by 127.0.0.1:" + port);
        // wrapped as a transport wraps it: the phrase still comes from the root cause
        assertThat(LinkFailures.describe("tcp:127.0.0.1:" + port,
                new TransportIoException("tcp:127.0.0.1:" + port + ": connect failed", refused)))
                .isEqualTo("connection refused by 127.0.0.1:" + port);
    }

    @Test
    void nettysRefusalNamesTheAddressItTried() {
        assertThat(LinkFailures.describe("socketcand:localhost:4711/can0",
                new ConnectException("Connection refused: localhost/127.0.0.1:4711")))
                .isEqualTo("connection refused by 127.0.0.1:4711");
    }

    @Test
    void aMissingDeviceIsNamed() {
        Throwable missing = catchOpen(Path.of("/dev/ttyNOPE"));

        assertThat(LinkFailures.describe("serial:/dev/ttyNOPE", missing)).startsWith("no such device /dev/ttyNOPE");
    }

    @Test
    void aTransportsOwnMessageIsKeptWithoutTheEndpoint() {
        assertThat(LinkFailures.describe("tcp:h:1", new TransportIoException(
                "tcp:h:1: connected, but the bridge did not complete its handshake within PT5S")))
                .isEqualTo("connected, but the bridge did not complete its handshake within 5 s");
    }

    @Test
    void aResetAndAnUnknownFaultAreNamed() {
        assertThat(LinkFailures.describe("tcp:h:1", new java.net.SocketException("Connection reset")))
                .isEqualTo("connection reset by peer");
        assertThat(LinkFailures.describe("tcp:h:1", new IllegalStateException("odd")))
                .isEqualTo("IllegalStateException: odd");
        assertThat(LinkFailures.describe("not an endpoint", new IOException()))
                .isEqualTo("IOException");
    }

    @Test
    void aStateChangeCarriesThePhrase() throws IOException {
        int port = closedPort();
        String endpoint = "tcp:127.0.0.1:" + port;
        ConnectionStateChange change = new ConnectionStateChange(endpoint, ConnectionState.CONNECTING,
                ConnectionState.WAITING_TO_RECONNECT, catchConnect(port), 1, Duration.ofSeconds(1));

        assertThat(change.causeText()).hasValue("connection refused by 127.0.0.1:" + port);
        assertThat(new ConnectionStateChange(endpoint, ConnectionState.NEW, ConnectionState.CONNECTING, null, 1,
                Duration.ZERO).causeText()).isEmpty();
    }

    private static Throwable catchConnect(int port) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            } catch (IOException e) {
                caught[0] = e;
                throw e;
            }
        }).isInstanceOf(IOException.class);
        return caught[0];
    }

    private static Throwable catchOpen(Path device) {
        try (var in = Files.newInputStream(device)) {
            throw new AssertionError("opened " + device);
        } catch (IOException e) {
            return e;
        }
    }
}

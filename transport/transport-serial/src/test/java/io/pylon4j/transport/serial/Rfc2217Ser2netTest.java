package io.pylon4j.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.ReconnectPolicy;
import io.pylon4j.transport.TransportCounters;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rfc2217:} against Debian's ser2net serving one end of a socat pseudo-terminal pair, with a fake battery on
 * the other end: the baud rate the client asks for reaches the pty, bytes (0xFF included) pass unchanged both ways,
 * a restarted server is reconnected to, and misconfigured servers fail with a message that says what is wrong.
 */
class Rfc2217Ser2netTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(100), 2.0,
            0.0, 0);
    private static final byte[] REQUEST = "~20024642E00202FD33\r".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    private SocatPtyPair ptys;

    @BeforeEach
    void startPtys() throws Exception {
        ptys = SocatPtyPair.start(dir);
    }

    @AfterEach
    void stopPtys() throws Exception {
        ptys.close();
    }

    private static ByteStreamTransport rfc2217(Ser2net server, String parameters, TransportOptions options) {
        return Transports.fromServiceLoader().byteStream("rfc2217:127.0.0.1:" + server.port() + parameters, options);
    }

    private static TransportOptions options(String prefix) {
        return TransportOptions.defaults().withReconnectPolicy(FAST).withThreadNamePrefix(prefix);
    }

    @Test
    void setsTheBaudRateOnTheServedPortAndCarriesEveryByteValueBothWays() throws Exception {
        ByteInbox battery = new ByteInbox();
        ByteInbox received = new ByteInbox();
        try (Ser2net server = Ser2net.serve(ptys.a(), "telnet(rfc2217),tcp", dir);
             PtyPeer peer = PtyPeer.open(ptys.b(), battery);
             ByteStreamTransport remote = rfc2217(server, "?baud=9600", options("t-rfc2217-data"))) {
            StateRecorder states = new StateRecorder();
            remote.addStateListener(states);
            remote.addByteListener(received);
            remote.open().toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertThat(((Rfc2217Transport) remote).reportedBaudRate()).hasValue(9600);
            assertThat(stty(ptys.a())).as("the served pty's speed, set by the client through ser2net")
                    .isEqualTo("9600");

            byte[] everyValue = new byte[256 + 4];
            for (int i = 0; i < 256; i++) {
                everyValue[i] = (byte) i;
            }
            everyValue[256] = '\r'; // CR NUL and IAC IAC must not be taken for Telnet
            everyValue[257] = 0;
            everyValue[258] = (byte) 0xFF;
            everyValue[259] = (byte) 0xFF;
            remote.write(everyValue);
            assertThat(battery.take(everyValue.length, WAIT)).isEqualTo(everyValue);
            peer.write(everyValue);
            assertThat(received.take(everyValue.length, WAIT)).isEqualTo(everyValue);

            // attempts refused before ser2net listened are the only errors
            long refusedAttempts = states.all().stream()
                    .filter(c -> c.current() == ConnectionState.WAITING_TO_RECONNECT).count();
            assertThat(remote.counters()).isEqualTo(new TransportCounters(0, 0, everyValue.length, everyValue.length,
                    0, 0, refusedAttempts, 0));
        }
    }

    @Test
    void reconnectsWhenTheServerRestartsWithoutLeakingThreadsOrDescriptors() throws Exception {
        String prefix = "t-rfc2217-restart";
        ByteInbox battery = new ByteInbox();
        try (Ser2net server = Ser2net.serve(ptys.a(), "telnet(rfc2217),tcp", dir);
             PtyPeer peer = PtyPeer.open(ptys.b(), battery)) {
            try (ByteStreamTransport warm = rfc2217(server, "", options(prefix + "-warm"))) { // loads every class
                warm.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
                warm.write(REQUEST);
                battery.take(REQUEST.length, WAIT);
            }
            List<String> fdsBefore = SerialPortTransportPtyTest.normalised(Leaks.openFileDescriptors());
            StateRecorder states = new StateRecorder();
            ByteInbox received = new ByteInbox();
            ByteStreamTransport remote = rfc2217(server, "?baud=115200", options(prefix));
            try {
                remote.addStateListener(states);
                remote.addByteListener(received);
                remote.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
                remote.write(REQUEST);
                assertThat(battery.take(REQUEST.length, WAIT)).isEqualTo(REQUEST);

                server.stop();
                ConnectionStateChange dropped = states.await(ConnectionState.WAITING_TO_RECONNECT, WAIT);
                assertThat(dropped.previous()).isEqualTo(ConnectionState.CONNECTED);
                server.start();
                states.await(ConnectionState.CONNECTED, WAIT);

                remote.write(REQUEST);
                assertThat(battery.take(REQUEST.length, WAIT)).isEqualTo(REQUEST);
                peer.write(REQUEST);
                assertThat(received.take(REQUEST.length, WAIT)).isEqualTo(REQUEST);
                assertThat(remote.counters().reconnects()).isEqualTo(1);
            } finally {
                remote.close();
            }
            assertThat(Leaks.threadsNamed(prefix)).isEmpty();
            assertThat(SerialPortTransportPtyTest.normalised(Leaks.openFileDescriptors())).isEqualTo(fdsBefore);
        }
    }

    @Test
    void aSilentServerIsDroppedAfterTheReadIdleTimeoutAndReconnected() throws Exception {
        StateRecorder states = new StateRecorder();
        try (Ser2net server = Ser2net.serve(ptys.a(), "telnet(rfc2217),tcp", dir);
             PtyPeer peer = PtyPeer.open(ptys.b(), new ByteInbox());
             ByteStreamTransport remote = rfc2217(server, "",
                     options("t-rfc2217-idle").withReadIdleTimeout(Duration.ofMillis(300)))) {
            remote.addStateListener(states);
            remote.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            ConnectionStateChange idle = states.await(ConnectionState.WAITING_TO_RECONNECT,
                    c -> c.previous() == ConnectionState.CONNECTED, WAIT);
            assertThat(idle.cause()).hasMessageContaining("no data for PT0.3S (read idle timeout)");
            states.await(ConnectionState.CONNECTED, WAIT);
        }
    }

    @Test
    void aPlainTelnetPortFailsSayingItIsNotRfc2217() throws Exception {
        try (Ser2net server = Ser2net.serve(ptys.a(), "telnet,tcp", dir);
             ByteStreamTransport remote = rfc2217(server, "", options("t-rfc2217-plain"))) {
            StateRecorder states = new StateRecorder();
            remote.addStateListener(states);
            remote.open();
            // connection refused until ser2net listens; then every attempt is refused at the Telnet level
            ConnectionStateChange refused = states.await(ConnectionState.WAITING_TO_RECONNECT,
                    c -> c.cause() instanceof TransportIoException, WAIT);
            assertThat(refused.cause()).hasMessageContaining("refused RFC 2217 COM-PORT-OPTION")
                    .hasMessageContaining("telnet(rfc2217)");
        }
    }

    @Test
    void aRawTcpPortFailsSayingNothingConfirmedTheSettings() throws Exception {
        try (Ser2net server = Ser2net.serve(ptys.a(), "tcp", dir);
             ByteStreamTransport remote = rfc2217(server, "",
                     options("t-rfc2217-raw").withConnectTimeout(Duration.ofMillis(500)))) {
            StateRecorder states = new StateRecorder();
            remote.addStateListener(states);
            remote.open();
            ConnectionStateChange timedOut = states.await(ConnectionState.WAITING_TO_RECONNECT,
                    c -> c.cause() instanceof TransportIoException, WAIT);
            assertThat(timedOut.cause()).hasMessageContaining("no RFC 2217 confirmation within PT0.5S")
                    .hasMessageContaining("DO COM-PORT-OPTION, SET-BAUDRATE")
                    .hasMessageContaining("not raw TCP");
        }
    }

    @Test
    void aServerWhoseDeviceIsMissingFailsWithWhatTheServerSaid() throws Exception {
        try (Ser2net server = Ser2net.serve(dir.resolve("unplugged"), "telnet(rfc2217),tcp", dir);
             ByteStreamTransport remote = rfc2217(server, "", options("t-rfc2217-nodevice"))) {
            StateRecorder states = new StateRecorder();
            remote.addStateListener(states);
            remote.open();
            // ser2net explains in text and closes; whether our next write or read notices first varies, and when the
            // write's broken pipe comes first the text is lost (seen on every attempt on JDK 25 under load), so the
            // server's words are checked only when they were caught
            // (attempts before ser2net listens are refused: wait for one that reached the server)
            ConnectionStateChange closed = states.await(ConnectionState.WAITING_TO_RECONNECT,
                    c -> c.cause() != null && c.cause().getMessage() != null
                            && c.cause().getMessage().contains("during the RFC 2217 negotiation"), WAIT);
            assertThat(closed.cause()).isInstanceOf(TransportIoException.class)
                    .hasMessageContaining("closed the connection during the RFC 2217 negotiation");
            if (closed.cause().getMessage().contains("The server said")) {
                assertThat(closed.cause()).hasMessageContaining("The server said: \"Device open failure");
            }
            assertThat(remote.state()).isNotEqualTo(ConnectionState.CONNECTED);
        }
    }

    /** The speed {@code stty} reports for a tty. */
    private static String stty(Path tty) throws IOException, InterruptedException {
        return ExternalTools.stty(tty, "speed");
    }
}

package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.internal.BankModel;
import io.pylon4j.driver.jmx.DriverJmx;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.ReconnectPolicy;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.stream.StreamConnection;
import io.pylon4j.transport.stream.StreamConnector;
import io.pylon4j.transport.stream.StreamTransports;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import org.junit.jupiter.api.Test;

/**
 * Why a link is down reaches the driver's status, its events, their JSON and JMX: a real refused loopback connect
 * and a real missing device file, through a real (blocking, reconnecting) transport.
 */
class LinkCauseTest {

    static final Duration WAIT = Duration.ofSeconds(10); // an upper bound for a loaded machine, not a speed claim

    @Test
    void aRefusedPortIsNamedInStatusEventsJsonAndJmx() throws Exception {
        int port = closedPort();
        String target = "127.0.0.1:" + port;
        StreamConnector connect = () -> {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            } catch (IOException e) {
                s.close();
                throw e;
            }
            return new StreamConnection(s.getInputStream(), s.getOutputStream(), s::close);
        };
        String expected = "connection refused by " + target;
        try (ByteStreamTransport t = StreamTransports.reconnecting(target, connect, retrying());
             PylonDriver driver = PylonDriver.rs485(t, DriverOptions.builder("bank-1").build());
             DriverJmx.Registration jmx = DriverJmx.register(driver)) {
            BankEvent.LinkStateChanged down = firstDown(driver);

            assertThat(down.source()).isEqualTo(Source.RS485);
            assertThat(down.cause()).hasValue(expected);
            assertThat(down.toJson()).contains("\"type\":\"LINK_STATE_CHANGED\"", "\"source\":\"RS485\"",
                    "\"current\":\"WAITING_TO_RECONNECT\"", "\"cause\":\"" + expected + "\"");
            SourceStatus link = driver.status().source(Source.RS485);
            assertThat(link.linkCause()).hasValue(expected);
            assertThat(link.linkStatus()).get().satisfies(l -> assertThat(l.up()).isFalse());
            assertThat(BankStatusJson.toJson(driver.status(), driver.now()))
                    .contains("\"linkCause\":\"" + expected + "\"");
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            assertThat(server.getAttribute(jmx.name(), "Rs485LinkCause")).isEqualTo(expected);
            assertThat(server.getAttribute(jmx.name(), "CanLinkState")).isEqualTo("NONE");
            assertThat(server.getAttribute(jmx.name(), "Rs485LinkState")).isIn("WAITING_TO_RECONNECT",
                    "CONNECTING");
        }
    }

    @Test
    void aMissingDeviceIsNamed() throws Exception {
        Path device = Path.of("/dev/ttyNOPE");
        StreamConnector connect = () -> new StreamConnection(Files.newInputStream(device),
                Files.newOutputStream(Path.of("/dev/null")), null);
        try (ByteStreamTransport t = StreamTransports.reconnecting(device.toString(), connect, retrying());
             PylonDriver driver = PylonDriver.rs485(t, DriverOptions.builder("bank-1").build())) {
            BankEvent.LinkStateChanged down = firstDown(driver);

            assertThat(down.cause()).get().asString().startsWith("no such device /dev/ttyNOPE");
            assertThat(driver.status().source(Source.RS485).linkCause()).get().asString()
                    .startsWith("no such device /dev/ttyNOPE");
        }
    }

    @Test
    void theCauseIsKeptThroughRetriesAndClearedWhenTheLinkComesUp() {
        List<BankEvent> events = new ArrayList<>();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        BankModel m = new BankModel("b", InverterProfile.GENERIC_PYLON, LimitPolicy.defaults(), events::add, t0);
        ConnectException refused = new ConnectException("Connection refused");
        String ep = "tcp:10.0.0.9:502";

        m.onTransportState(Source.CAN, change(ep, ConnectionState.NEW, ConnectionState.CONNECTING, null, 1), t0);
        Instant t1 = t0.plusSeconds(1);
        m.onTransportState(Source.CAN, change(ep, ConnectionState.CONNECTING, ConnectionState.WAITING_TO_RECONNECT,
                refused, 1), t1);
        m.onTransportState(Source.CAN, change(ep, ConnectionState.WAITING_TO_RECONNECT, ConnectionState.CONNECTING,
                null, 2), t0.plusSeconds(2));

        LinkStatus retrying = m.status().source(Source.CAN).linkStatus().orElseThrow();
        assertThat(retrying.state()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(retrying.cause()).hasValue("connection refused by 10.0.0.9:502");
        assertThat(retrying.since()).isEqualTo(t0); // still the same "not up" spell
        assertThat(retrying.attempt()).isEqualTo(2);

        Instant t3 = t0.plusSeconds(3);
        m.onTransportState(Source.CAN, change(ep, ConnectionState.CONNECTING, ConnectionState.CONNECTED, null, 2), t3);

        LinkStatus up = m.status().source(Source.CAN).linkStatus().orElseThrow();
        assertThat(up.cause()).isEmpty();
        assertThat(up.since()).isEqualTo(t3);
        assertThat(events).filteredOn(e -> e instanceof BankEvent.LinkStateChanged)
                .extracting(e -> ((BankEvent.LinkStateChanged) e).cause())
                .containsExactly(Optional.empty(), Optional.of("connection refused by 10.0.0.9:502"),
                        Optional.of("connection refused by 10.0.0.9:502"), Optional.empty());
        assertThat(events).filteredOn(e -> e instanceof BankEvent.LinkStateChanged)
                .allSatisfy(e -> assertThat(e.droppable()).isFalse());
    }

    static ConnectionStateChange change(String endpoint, ConnectionState from, ConnectionState to, Throwable cause,
                                        int attempt) {
        return new ConnectionStateChange(endpoint, from, to, cause, attempt, Duration.ZERO);
    }

    static TransportOptions retrying() {
        return TransportOptions.defaults().withReconnectPolicy(
                new ReconnectPolicy(Duration.ofMillis(200), Duration.ofMillis(200), 1.0, 0.0, 0));
    }

    /** The first event saying the link is not up, with its cause. */
    static BankEvent.LinkStateChanged firstDown(PylonDriver driver) throws InterruptedException {
        LinkedBlockingQueue<BankEvent> events = new LinkedBlockingQueue<>();
        driver.addListener(events::add);
        driver.start();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            BankEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e instanceof BankEvent.LinkStateChanged l && l.cause().isPresent()) {
                return l;
            }
        }
        throw new AssertionError("no LINK_STATE_CHANGED with a cause within " + WAIT);
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

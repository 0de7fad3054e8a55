package io.pylon4j.transport.tcplisten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.NotConnectedException;
import io.pylon4j.transport.ReconnectPolicy;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code tcp-listen:} with real socket clients on loopback. */
class TcpListenTransportTest {

    private final Transports transports = Transports.fromServiceLoader();

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private static String readLine(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            out.write(b);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void isFoundByItsSchemeAndBindsLoopbackByDefault() {
        assertThat(transports.schemes()).contains("tcp-listen");
        try (ByteStreamTransport t = transports.byteStream("tcp-listen:0")) {
            TcpListenTransport listen = (TcpListenTransport) t;
            assertThat(listen.bindAddress().isLoopbackAddress()).isTrue();
            assertThat(listen.localPort()).isPositive();
        }
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        assertThatThrownBy(() -> transports.byteStream("tcp-listen:serial")).isInstanceOf(InvalidEndpointException.class)
                .hasMessageContaining("port number");
    }

    @Test
    void carriesBytesBothWaysAndServesTheNextClientAfterTheFirstLeaves() throws Exception {
        TransportOptions options = TransportOptions.defaults()
                .withReconnectPolicy(new ReconnectPolicy(Duration.ofMillis(10), Duration.ofMillis(10), 1.0, 0.0, 0));
        try (ByteStreamTransport t = transports.byteStream("tcp-listen:0", options)) {
            int port = ((TcpListenTransport) t).localPort();
            StringBuffer received = new StringBuffer();
            t.addByteListener((buf, off, len, nanos) -> received.append(new String(buf, off, len,
                    StandardCharsets.US_ASCII)));
            assertThatThrownBy(() -> t.write(new byte[] {1})).isInstanceOf(NotConnectedException.class);
            t.open();
            for (int round = 1; round <= 2; round++) {
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    await(() -> t.state() == ConnectionState.CONNECTED);
                    String hello = "hello " + round + "\n";
                    client.getOutputStream().write(hello.getBytes(StandardCharsets.US_ASCII));
                    await(() -> received.toString().endsWith(hello));
                    t.write(("reply " + round + "\n").getBytes(StandardCharsets.US_ASCII));
                    assertThat(readLine(client.getInputStream())).isEqualTo("reply " + round);
                }
                await(() -> t.state() != ConnectionState.CONNECTED);
            }
        }
    }

    @Test
    void bindsTheAddressItIsGivenAndIsReachableThere() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ByteStreamTransport t = transports.byteStream("tcp-listen:0?bind=127.0.0.1")) {
            TcpListenTransport listen = (TcpListenTransport) t;
            assertThat(listen.bindAddress()).isEqualTo(loopback);
            int port = listen.localPort();
            StringBuffer received = new StringBuffer();
            t.addByteListener((buf, off, len, nanos) -> received.append(new String(buf, off, len,
                    StandardCharsets.US_ASCII)));
            t.open();
            try (Socket client = new Socket(loopback, port)) {
                await(() -> t.state() == ConnectionState.CONNECTED);
                client.getOutputStream().write("~20024F\r".getBytes(StandardCharsets.US_ASCII));
                await(() -> received.toString().equals("~20024F\r"));
                t.write("ok\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(readLine(client.getInputStream())).isEqualTo("ok");
            }
        }
    }

    @Test
    void anAddressNoInterfaceHasIsAClearErrorNamingIt() {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): a valid literal that no interface of a test machine carries
        try (ByteStreamTransport t = transports.byteStream("tcp-listen:0?bind=192.0.2.1")) {
            TcpListenTransport listen = (TcpListenTransport) t;
            assertThat(listen.bindAddress().getHostAddress()).isEqualTo("192.0.2.1");
            assertThatThrownBy(listen::localPort).isInstanceOf(TransportIoException.class)
                    .hasMessageContaining("cannot listen on 192.0.2.1:0");
        }
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatThrownBy(() -> transports.byteStream("tcp-listen:65536")).isInstanceOf(InvalidEndpointException.class)
                .hasMessageContaining("port must be 0 to 65535");
    }

    @Test
    void closeWhileWaitingForAClientEndsItsThread() {
        ByteStreamTransport t = transports.byteStream("tcp-listen:0");
        t.open();
        await(() -> t.state() == ConnectionState.CONNECTING);
        t.close();
        assertThat(t.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(th -> th.getName().contains("tcp-listen-0")
                && th.isAlive());
    }
}

package io.pylon4j.transport.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanFrameQueue;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.Transport;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.contract.LoopbackServer;
import io.pylon4j.transport.contract.Threads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Endpoint strings through ServiceLoader, and the one shared, reference-counted event loop per provider. */
class NettyProviderTest {

    @Test
    void theSchemesAreFoundThroughServiceLoaderNextToTheJdkOnes() {
        assertThat(Transports.fromServiceLoader().schemes()).contains("tcp", "socketcand", "canet", "virtual",
                "replay");
    }

    @Test
    void malformedEndpointsFailAtOnceAndSayWhy() {
        Transports transports = Transports.fromServiceLoader();
        assertThatThrownBy(() -> transports.can("socketcand:127.0.0.1:29536"))
                .isInstanceOf(InvalidEndpointException.class).hasMessageContaining("HOST:PORT/IFACE");
        assertThatThrownBy(() -> transports.can("socketcand:127.0.0.1:29536/"))
                .hasMessageContaining("HOST:PORT/IFACE");
        assertThatThrownBy(() -> transports.can("socketcand:127.0.0.1:29536/a<b"))
                .hasMessageContaining("not a CAN interface name");
        assertThatThrownBy(() -> transports.can("socketcand:127.0.0.1/can0")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> transports.can("canet:127.0.0.1:70000")).hasMessageContaining("70000");
        assertThatThrownBy(() -> transports.byteStream("tcp:127.0.0.1:4196?baud=9600"))
                .hasMessageContaining("takes no parameters");
        assertThatThrownBy(() -> transports.can("tcp:127.0.0.1:4196")).hasMessageContaining("not a CAN one");
        assertThatThrownBy(() -> transports.byteStream("canet:127.0.0.1:4196"))
                .hasMessageContaining("not a byte-stream");
        assertThat(transports.byteStream("tcp:[::1]:4196").endpoint()).isEqualTo("tcp:[::1]:4196");
    }

    @Test
    void theTransportsOfOneProviderShareOneEventLoopThreadThatEndsWithTheLast() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            Transports transports = Transports.fromServiceLoader();
            TransportOptions options = TransportOptions.defaults().withThreadNamePrefix("shared");
            List<CanTransport> open = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                CanTransport canet = transports.can("canet:" + server.hostPort(), options);
                canet.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
                open.add(canet);
            }
            assertThat(Threads.alive("shared-netty-", Duration.ZERO)).hasSize(1);
            CanFrameQueue received = new CanFrameQueue(10);
            open.get(4).addFrameListener(received);
            for (int i = 0; i < 5; i++) {
                server.nextConnection(Duration.ofSeconds(10));
            }
            for (int i = 0; i < 4; i++) {
                open.get(i).close();
            }
            assertThat(Threads.alive("shared-netty-", Duration.ZERO)).hasSize(1); // still in use by the fifth
            open.get(4).close();
            assertThat(Threads.alive("shared-netty-", Duration.ofSeconds(10))).isEmpty();
            assertThat(received.size()).isZero();
        }
    }

    @Test
    void openingAndClosingManyTransportsLeavesNoPylonThreadBehind() throws Exception {
        try (LoopbackServer plain = new LoopbackServer();
             LoopbackServer socketcand = new LoopbackServer(Bridges.socketcandHandshake("can0"))) {
            for (int round = 0; round < 10; round++) {
                Transports transports = Transports.fromServiceLoader();
                List<Transport> open = new ArrayList<>();
                open.add(transports.byteStream("tcp:" + plain.hostPort()));
                open.add(transports.can("canet:" + plain.hostPort()));
                open.add(transports.can("socketcand:" + socketcand.hostPort() + "/can0"));
                open.add(transports.can("virtual:leak"));
                for (Transport t : open) {
                    t.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
                }
                ((CanTransport) open.get(1)).send(CanFrame.ofHex(0x305, "00"));
                java.net.Socket socketcandPeer = socketcand.nextConnection(Duration.ofSeconds(10)); // this round's
                if (round % 2 == 0) {
                    for (Transport t : open) {
                        t.close();
                    }
                } else { // close in reverse, and one of them from its own event loop thread
                    CanTransport viaListener = (CanTransport) open.get(2);
                    java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
                    viaListener.addStateListener(c -> {
                        if (c.current() == io.pylon4j.transport.ConnectionState.CLOSED) {
                            closed.countDown();
                        }
                    });
                    viaListener.addFrameListener((f, t) -> viaListener.close());
                    Bridges.write(socketcandPeer, "< frame 351 1.000000 01 >");
                    assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
                    for (int i = open.size() - 1; i >= 0; i--) {
                        open.get(i).close();
                    }
                }
            }
        }
        assertThat(Threads.alive("pylon4j-", Duration.ofSeconds(10))).isEmpty();
    }
}

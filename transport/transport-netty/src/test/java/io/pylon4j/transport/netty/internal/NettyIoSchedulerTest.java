package io.pylon4j.transport.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.netty.NettyTransportProvider;
import io.pylon4j.transport.time.Scheduler;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code tcp:} offers its event loop as {@link ByteStreamTransport#ioScheduler()}: a task scheduled there runs on the
 * thread that calls the byte listeners, writes from there reach a real loopback peer, and the scheduler measures on
 * the system clock. Once the transport is closed, scheduling throws nothing.
 */
class NettyIoSchedulerTest {

    @Test
    void tasksRunOnTheThreadThatReadsTheLink() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ByteStreamTransport tcp = new NettyTransportProvider().createByteStream(
                     Endpoint.parse("tcp:127.0.0.1:" + server.getLocalPort()),
                     TransportOptions.defaults().withThreadNamePrefix("pylon4j-iosched"))) {
            assertThat(tcp.ioScheduler()).as("no loop before open").isEmpty();
            CompletableFuture<String> readBy = new CompletableFuture<>();
            tcp.addByteListener((buffer, offset, length, at) -> readBy.complete(Thread.currentThread().getName()));
            tcp.open();
            try (Socket peer = server.accept()) {
                tcp.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
                Scheduler io = tcp.ioScheduler().orElseThrow();
                assertThat(io.onSystemClock()).isTrue();

                CompletableFuture<String> ranOn = new CompletableFuture<>();
                io.schedule(() -> {
                    ranOn.complete(Thread.currentThread().getName());
                    tcp.write("~ping\r".getBytes(StandardCharsets.US_ASCII)); // a write from the loop itself
                }, Duration.ofMillis(5));
                InputStream in = peer.getInputStream();
                byte[] got = in.readNBytes(6);
                assertThat(new String(got, StandardCharsets.US_ASCII)).isEqualTo("~ping\r");
                OutputStream out = peer.getOutputStream();
                out.write('~');
                out.flush();

                assertThat(ranOn.get(10, TimeUnit.SECONDS)).startsWith("pylon4j-iosched-netty")
                        .isEqualTo(readBy.get(10, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void aPeriodicTaskRunsUntilCancelledAndAClosedTransportsSchedulerDoesNotThrow() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ByteStreamTransport tcp = new NettyTransportProvider().createByteStream(
                    Endpoint.parse("tcp:127.0.0.1:" + server.getLocalPort()),
                    TransportOptions.defaults().withThreadNamePrefix("pylon4j-iosched2"));
            tcp.open();
            try (Socket peer = server.accept()) {
                Scheduler io = tcp.ioScheduler().orElseThrow();
                CountDownLatch three = new CountDownLatch(3);
                AtomicInteger runs = new AtomicInteger();
                Scheduler.Cancellable periodic = io.scheduleAtFixedRate(() -> {
                    runs.incrementAndGet();
                    three.countDown();
                }, Duration.ZERO, Duration.ofMillis(2));
                assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
                periodic.close();
                CompletableFuture<Void> fence = new CompletableFuture<>();
                io.schedule(() -> fence.complete(null), Duration.ZERO); // after any run already queued
                fence.get(10, TimeUnit.SECONDS);
                int after = runs.get();
                CompletableFuture<Void> later = new CompletableFuture<>();
                io.schedule(() -> later.complete(null), Duration.ofMillis(20));
                later.get(10, TimeUnit.SECONDS);
                assertThat(runs.get()).as("cancelled").isEqualTo(after);

                tcp.close(); // the provider's last transport: its loop shuts down
                assertThatCode(() -> io.schedule(() -> { }, Duration.ZERO).close()).doesNotThrowAnyException();
                assertThatCode(() -> io.scheduleAtFixedRate(() -> { }, Duration.ZERO, Duration.ofMillis(1)).close())
                        .doesNotThrowAnyException();
            }
        }
    }
}
